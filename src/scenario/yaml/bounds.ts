import { type Document, type LineCounter, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { ImportIssue } from './types';
import { say, sayText } from './messages';

/**
 * Mapping checks done once over the parsed YAML, in linear time. The parser's own duplicate-key
 * check (`uniqueKeys`) compares every key with every earlier one, which makes one mapping of
 * 20,000 keys take seconds; here a Set does it, and a mapping wider than any Kubernetes object has
 * is refused with one located error before anything reads it.
 */

/** Keys one mapping may have (labels and annotations included; the API server caps annotations at 256 KiB). */
export const MAX_KEYS_PER_MAPPING = 2000;

const said = (key: Parameters<typeof say>[0], args: Record<string, string | number>) => {
  const s = say(key, args);
  return { message: sayText(s), say: s };
};

/** Duplicate keys and over-wide mappings of one document; errors carry the key's line. */
export function checkMappings(doc: Document, lc: LineCounter, document: number): ImportIssue[] {
  const errors: ImportIssue[] = [];
  const lineOf = (n: unknown): number | null => {
    const range = (n as { range?: [number, number, number] } | null)?.range;
    return range ? lc.linePos(range[0]).line : null;
  };
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0 && errors.length < 10) {
    const node = stack.pop();
    if (isMap(node)) {
      if (node.items.length > MAX_KEYS_PER_MAPPING) {
        errors.push({
          document,
          line: lineOf(node),
          path: '',
          ...said('import.error.tooManyKeys', { count: node.items.length, max: MAX_KEYS_PER_MAPPING }),
        });
        continue;
      }
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) {
          errors.push({
            document,
            line: lineOf(pair.key),
            path: '',
            ...said('import.error.duplicateKey', { key: String(key).slice(0, 60) }),
          });
        }
        seen.add(key);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(isPair(item) ? item.value : item);
    }
  }
  return errors;
}
