import { Inflate } from 'fflate';

/**
 * Bounds on what a link may cost to read, checked before the expensive step: the fragment's length
 * before base64, the inflated size while inflating (deflate reaches ~1,000:1, so 64 KB of link could
 * otherwise become 64 MB of JSON), and the JSON's nesting before it is parsed.
 */
export const LINK_BOUNDS = {
  /** Characters of fragment read at all. */
  fragment: 65_536,
  /** Bytes of JSON a link may inflate to (the largest saved work this app writes is far smaller). */
  inflated: 4 * 1024 * 1024,
} as const;

/** Inflate chunk: the most a single step can overshoot the bound by is ~1,000× this. */
const CHUNK = 1024;

export type InflateOutcome =
  { ok: true; bytes: Uint8Array } | { ok: false; reason: 'TOO_LARGE' | 'TRUNCATED' | 'CORRUPT' };

/** deflate-raw → bytes, stopping as soon as the output passes `limit`. Never throws. */
export function boundedInflate(data: Uint8Array, limit: number = LINK_BOUNDS.inflated): InflateOutcome {
  const parts: Uint8Array[] = [];
  let size = 0;
  let over = false;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > limit) over = true;
    else parts.push(chunk);
    if (final) done = true;
  });
  try {
    for (let i = 0; i < data.length && !over; i += CHUNK) {
      const end = Math.min(i + CHUNK, data.length);
      inflater.push(data.subarray(i, end), end === data.length);
    }
    if (data.length === 0) inflater.push(data, true);
  } catch (e) {
    // fflate error code 0 = "unexpected EOF": the stream stops before its final block.
    return { ok: false, reason: (e as { code?: number }).code === 0 ? 'TRUNCATED' : 'CORRUPT' };
  }
  if (over) return { ok: false, reason: 'TOO_LARGE' };
  if (!done) return { ok: false, reason: 'TRUNCATED' };
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return { ok: true, bytes: out };
}
