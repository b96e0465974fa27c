/**
 * Nesting depth found by a lexical scan, before any parser runs. Parsers that recurse (YAML's
 * composer, a shape checker) would otherwise run out of stack on 300 KB of `[`; a linear scan
 * finds the first place the text goes deeper than allowed and reports it with its line and column.
 */

/** Deepest nesting accepted in YAML or JSON input. Kubernetes objects nest about 12 levels. */
export const MAX_NESTING = 64;

export interface TooDeep {
  /** 1-based line and column of the opening that goes one level too deep. */
  line: number;
  column: number;
  depth: number;
}

/** JSON: `[` and `{` outside strings. Returns where the text first exceeds `max`, or null. */
export function jsonTooDeep(text: string, max = MAX_NESTING): TooDeep | null {
  let depth = 0;
  let inString = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
    }
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > max) return { line, column: i - lineStart + 1, depth };
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return null;
}

/**
 * YAML: block nesting (each deeper indentation, each `- ` item marker) plus flow nesting (`[`, `{`
 * outside quotes and comments). Conservative: brackets inside plain or block scalars count too, so
 * the depth found is never less than the parser's.
 */
export function yamlTooDeep(text: string, max = MAX_NESTING): TooDeep | null {
  const indents: number[] = [];
  let flow = 0;
  let quote: 0 | 34 | 39 = 0;
  let line = 0;
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    line++;
    let i = pos;
    if (flow === 0 && quote === 0) {
      while (i < end && text.charCodeAt(i) === 32) i++;
      const first = text.charCodeAt(i);
      const blank = i >= end || first === 35 || first === 13; // empty, comment
      if (!blank) {
        let indent = i - pos;
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        // `- - - x`: every item marker on the line opens one more level.
        while (text.charCodeAt(i) === 45 && (text.charCodeAt(i + 1) === 32 || i + 1 === end)) {
          i += 2;
          while (i < end && text.charCodeAt(i) === 32) i++;
          indent = i - pos;
          indents.push(indent);
          if (indents.length + flow > max) return { line, column: i - pos + 1, depth: indents.length };
        }
        if (indents.length > max) return { line, column: indent + 1, depth: indents.length };
      }
    }
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (quote === 34) {
        if (c === 92) i++;
        else if (c === 34) quote = 0;
        continue;
      }
      if (quote === 39) {
        if (c === 39) {
          if (text.charCodeAt(i + 1) === 39) i++;
          else quote = 0;
        }
        continue;
      }
      if (c === 35 && (i === pos || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) break;
      if (c === 34 || c === 39) {
        // A quote opens a quoted scalar only at the start of a value, not inside a plain scalar.
        const prev = i === pos ? 32 : text.charCodeAt(i - 1);
        if (prev === 32 || prev === 9 || prev === 91 || prev === 123 || prev === 44 || prev === 58)
          quote = c as 34 | 39;
      } else if (c === 91 || c === 123) {
        flow++;
        if (indents.length + flow > max) return { line, column: i - pos + 1, depth: indents.length + flow };
      } else if ((c === 93 || c === 125) && flow > 0) flow--;
    }
    pos = end + 1;
  }
  return null;
}
