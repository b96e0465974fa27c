/**
 * Text conventions shared by the iproute2 renderers.
 *
 * iproute2 prints nearly every attribute with a `"%s "` format (iproute2 ip/iproute.c `print_route`,
 * ip/ipneigh.c `print_neigh` since the 2021 spacing fix, bridge/fdb.c `print_fdb`), so a real line
 * ends with one space. The renderers keep that byte for byte; the single-line helpers the packet
 * tracer prints (`formatRoute` and friends) return the same text without the trailing space.
 */

/** C's `%-Ns`: left-justify in a field of `width`, never truncating. */
export function padEnd(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** Tokens printed each with `"%s "`, as iproute2 does: `a b c ` (trailing space kept). */
export function spaced(tokens: readonly string[]): string {
  let out = '';
  for (const t of tokens) out += `${t} `;
  return out;
}

/** A tool's whole output: one `\n` after every line; no lines at all prints nothing. */
export function toText(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Stable sort that leaves the input untouched (Array.prototype.sort is stable since ES2019). */
export function sortedBy<T>(items: readonly T[], compare: (a: T, b: T) => number): T[] {
  return [...items].sort(compare);
}
