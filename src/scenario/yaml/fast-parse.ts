/**
 * A fast reader for the plain block YAML that `kubectl get -o yaml` and our own export print:
 * documents split by `---` lines, block mappings and sequences (indentless sequences under a key
 * included), plain, single- and double-quoted scalars, `{}` and `[]`, full-line comments. It gives
 * the same JavaScript values as the `yaml` package's `toJS()` under the YAML 1.2 core schema
 * (null, bool, int and float resolved as https://yaml.org/spec/1.2.2/#1032-tag-resolution says).
 *
 * Anything outside that subset (anchors, aliases, tags, flow collections with content, block
 * scalars, multi-line scalars, trailing comments, tabs, CR line ends, directives, duplicate or
 * over-wide keys, non-string keys) makes it return null, and the caller parses the whole text
 * with the `yaml` package as before. So it never decides a different answer; it only skips the
 * Document API (CST, nodes, ranges) that costs about a second per megabyte.
 */

/** One document of the stream: its value and where it is in the text. */
export interface FastDocument {
  value: unknown;
  /** Offset of the document's first character in the text (its `---` line, if any). */
  start: number;
  /** Line number of that character. */
  line: number;
  /** Offset where the document ends (its closing `---` line, or the end of the text). */
  end: number;
}

class Bail extends Error {}
const bail = (): never => {
  throw new Bail();
};

interface Line {
  indent: number;
  /** Text after the indentation (no trailing spaces). */
  text: string;
}

const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** Plain scalars the core schema resolves to something this reader does not produce itself. */
const SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0o[0-7]+|0x[0-9a-fA-F]+)$/;
/** First characters that make a scalar or key something other than a plain string. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** A plain scalar resolved as the core schema does (https://yaml.org/spec/1.2.2/#1032-tag-resolution). */
function plain(s: string): unknown {
  if (s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  if (s === 'true' || s === 'True' || s === 'TRUE') return true;
  if (s === 'false' || s === 'False' || s === 'FALSE') return false;
  const c = s.charCodeAt(0);
  // digits, sign or dot: maybe a number
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (INT.test(s)) {
      if (s.replace(/^[-+]?0*/, '').length > 15) bail(); // beyond exact doubles: leave to the parser
      return Number(s);
    }
    if (FLOAT.test(s)) return parseFloat(s);
    if (SPECIAL.test(s)) bail();
  }
  if (s.startsWith('0o') || s.startsWith('0x')) bail();
  if (INDICATOR.test(s) && !(c === 45 && s.length > 1 && s[1] !== ' ')) bail();
  if (s.includes(' #') || s.includes(': ') || s.endsWith(':')) bail();
  return s;
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  '0': '\0',
};

/** A scalar that fills the rest of a line: quoted, `{}`/`[]`, or plain. */
function scalar(s: string): unknown {
  const c = s[0];
  if (c === '"') {
    if (s.length < 2 || s[s.length - 1] !== '"') bail();
    const body = s.slice(1, -1);
    if (!body.includes('\\')) return body.includes('"') ? bail() : body;
    let out = '';
    for (let i = 0; i < body.length; i++) {
      const ch = body[i]!;
      if (ch === '"') bail();
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const e = body[++i];
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
        out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
        i += 4;
      } else if (e !== undefined && Object.hasOwn(ESCAPES, e)) out += ESCAPES[e];
      else bail();
    }
    return out;
  }
  if (c === "'") {
    if (s.length < 2 || s[s.length - 1] !== "'") bail();
    const body = s.slice(1, -1);
    if (body.replaceAll("''", '').includes("'")) bail();
    return body.replaceAll("''", "'");
  }
  if (s === '{}') return {};
  if (s === '[]') return [];
  return plain(s);
}

/** A mapping key: a plain or double-quoted string that the core schema keeps a string. */
function key(s: string): string {
  let k: unknown;
  if (s[0] === '"') k = scalar(s);
  else {
    if (INDICATOR.test(s) || s.includes(' #') || s.includes(': ')) bail();
    k = plain(s);
  }
  if (typeof k !== 'string' || k === '__proto__' || k === '<<') bail();
  return k as string;
}

/** Where a `key: value` line splits (index of the `:`), or -1 when the line is not an entry. */
function colonAt(t: string): number {
  if (t[0] === '"') {
    const end = t.indexOf('"', 1);
    if (end < 0) return -1;
    if (t.slice(1, end).includes('\\')) bail();
    return t[end + 1] === ':' && (end + 2 === t.length || t[end + 2] === ' ') ? end + 1 : -1;
  }
  const i = t.indexOf(': ');
  if (i >= 0) return i;
  return t.endsWith(':') ? t.length - 1 : -1;
}

/** Keys one mapping may have before the full parser (and its located error) takes over. */
const MAX_KEYS = 2000;

class Reader {
  i = 0;
  constructor(private readonly lines: Line[]) {}

  /** The node whose first line is at `indent` or deeper (a mapping, a sequence or a lone scalar). */
  node(indent: number): unknown {
    const l = this.lines[this.i]!;
    if (l.indent < indent) bail();
    if (l.text === '-' || l.text.startsWith('- ')) return this.seq(l.indent);
    if (colonAt(l.text) >= 0) return this.map(l.indent);
    bail();
  }

  /** A block sequence whose `-` are at `indent`. */
  seq(indent: number): unknown[] {
    const out: unknown[] = [];
    while (this.i < this.lines.length) {
      const l = this.lines[this.i]!;
      if (l.indent < indent) break;
      if (l.indent > indent) bail();
      if (l.text !== '-' && !l.text.startsWith('- ')) break;
      if (l.text === '-') {
        this.i++;
        out.push(this.childOf(indent, false));
        continue;
      }
      // `- rest`: the item starts at the column after the dash and its spaces
      let j = 1;
      while (l.text[j] === ' ') j++;
      const rest = l.text.slice(j);
      const col = indent + j;
      if (rest === '-' || rest.startsWith('- ') || colonAt(rest) >= 0) {
        // a nested collection starting on the dash's line: read it as if on its own line
        this.lines[this.i] = { indent: col, text: rest };
        out.push(this.node(col));
      } else {
        this.i++;
        out.push(scalar(rest));
      }
    }
    return out;
  }

  /** A block mapping whose keys are at `indent`. */
  map(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    while (this.i < this.lines.length) {
      const l = this.lines[this.i]!;
      if (l.indent < indent) break;
      if (l.indent > indent) bail();
      const at = colonAt(l.text);
      if (at < 0) {
        if (l.text === '-' || l.text.startsWith('- ')) break; // an indentless sequence's parent ends
        bail();
      }
      const k = key(l.text.slice(0, at));
      if (seen.has(k) || seen.size >= MAX_KEYS) bail();
      seen.add(k);
      const rest = l.text.slice(at + 1).trimStart();
      this.i++;
      out[k] = rest === '' ? this.childOf(indent, true) : scalar(rest);
    }
    return out;
  }

  /** The value below a `key:` or `-` line at `indent`: a deeper block, an indentless sequence, or null. */
  childOf(indent: number, indentlessSeq: boolean): unknown {
    const next = this.lines[this.i];
    if (next === undefined) return null;
    if (next.indent > indent) return this.node(next.indent);
    if (indentlessSeq && next.indent === indent && (next.text === '-' || next.text.startsWith('- ')))
      return this.seq(indent);
    return null;
  }
}

/** One document's lines → its value (a `---` with nothing after it is a null document, as in `yaml`). */
function readDocument(lines: Line[]): unknown {
  if (lines.length === 0) return null;
  const r = new Reader(lines);
  const value = r.node(lines[0]!.indent);
  if (r.i !== lines.length) bail();
  return value;
}

/**
 * The documents of `text` as the `yaml` package's `parseAllDocuments(text)` + `toJS()` give them,
 * or null when the text uses anything this reader leaves to that parser.
 */
export function fastParseAll(text: string): FastDocument[] | null {
  if (text.includes('\t') || text.includes('\r') || text.charCodeAt(0) === 0xfeff) return null;
  const docs: FastDocument[] = [];
  let lines: Line[] = [];
  let start = 0;
  let startLine = 1;
  let sawMarker = false;
  let pos = 0;
  let lineNo = 1;
  try {
    while (pos <= text.length) {
      let end = text.indexOf('\n', pos);
      if (end < 0) end = text.length;
      const raw = text.slice(pos, end);
      if (
        raw === '---' ||
        raw.startsWith('--- ') ||
        raw === '...' ||
        raw.startsWith('...') ||
        raw[0] === '%'
      ) {
        if (raw !== '---') bail();
        // content before the first marker is a document of its own; comments alone are not
        if (sawMarker || lines.length > 0)
          docs.push({ value: readDocument(lines), start, line: startLine, end: pos });
        sawMarker = true;
        lines = [];
        // the document's text starts at its `---` (an empty document is located there)
        start = pos;
        startLine = lineNo;
      } else {
        let indent = 0;
        while (raw.charCodeAt(indent) === 32) indent++;
        const t = raw.trimEnd();
        if (indent < t.length && t[indent] !== '#') {
          if (t.startsWith('---') || t.startsWith('...')) bail();
          lines.push({ indent, text: t.slice(indent) });
        }
      }
      pos = end + 1;
      lineNo++;
    }
    if (sawMarker || lines.length > 0)
      docs.push({ value: readDocument(lines), start, line: startLine, end: text.length });
  } catch (e) {
    if (e instanceof Bail) return null;
    throw e;
  }
  return docs;
}
