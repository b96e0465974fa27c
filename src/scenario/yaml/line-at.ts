import { type Document, LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { FastDocument } from './fast-parse';
import type { Path } from './reader';

/** Where an import issue is: the line of a path in a YAML document, for the messages. */

/** The line of the key (or item) at a document path; the nearest existing ancestor when absent. */
export function makeLineAt(doc: Document, lc: LineCounter): (path: Path) => number | null {
  return (path) => {
    let node: unknown = doc.contents;
    let line: number | null = null;
    const lineOf = (n: unknown): number | null => {
      const range = (n as { range?: [number, number, number] } | null)?.range;
      return range ? lc.linePos(range[0]).line : null;
    };
    line = lineOf(node);
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
        if (!pair) break;
        line = lineOf(pair.key) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        if (item === undefined) break;
        line = lineOf(item) ?? line;
        node = item;
      } else break;
    }
    return line;
  };
}

/**
 * `makeLineAt` for a document read by the fast reader: the document's own text is parsed with the
 * Document API only when an issue asks for a line (ranges are then shifted to the whole text).
 */
export function lazyLineAt(text: string, d: FastDocument): (path: Path) => number | null {
  let at: ((path: Path) => number | null) | null = null;
  return (path) => {
    if (!at) {
      const lc = new LineCounter();
      const doc = parseDocument(text.slice(d.start, d.end), {
        lineCounter: lc,
        prettyErrors: false,
        uniqueKeys: false,
      });
      const inner = makeLineAt(doc, lc);
      at = (p) => {
        const line = inner(p);
        return line === null ? null : line + d.line - 1;
      };
    }
    return at(path);
  };
}
