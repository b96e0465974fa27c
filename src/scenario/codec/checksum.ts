import { toBase64url } from './base64url';

/**
 * The checksum a v2 link ends with: CRC-32 (IEEE 802.3, the polynomial zlib and PNG use) of the
 * payload's characters, as 6 base64url characters. A link damaged in transit (a changed, dropped or
 * added character) is refused instead of silently opening a different view: deflate alone would
 * often still decode a corrupted stream.
 */

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of a string's UTF-16 code units (a payload is ASCII, so these are its bytes). */
export function crc32(text: string): number {
  let c = 0xffffffff;
  for (let i = 0; i < text.length; i++) c = TABLE[(c ^ text.charCodeAt(i)) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The 6-character checksum of a payload. */
export function linkChecksum(payload: string): string {
  const c = crc32(payload);
  return toBase64url(new Uint8Array([c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255]));
}
