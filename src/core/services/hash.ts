import { sha256Text } from './sha256';

/**
 * The hashes kube-proxy puts in chain names: sha256, then RFC 4648 base32 (Go `base32.StdEncoding`,
 * alphabet A–Z2–7), truncated. Source: K8S pkg/proxy/iptables/proxier.go `portProtoHash`,
 * `servicePortEndpointChainName`; pkg/proxy/nftables/proxier.go `hashAndTruncate`.
 */

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Standard base32 without padding (padding never matters: callers keep at most 16 chars). */
export function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = ((value << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

/** First `n` base32 characters of sha256(text) (memoised: kube-proxy re-derives names every sync). */
export function hashPrefix(text: string, n: number): string {
  const key = n === 16 ? text : `${n}\0${text}`;
  let h = memo.get(key);
  if (h === undefined) {
    h = base32(sha256Text(text).subarray(0, Math.ceil((n * 5) / 8))).slice(0, n);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(key, h);
  }
  return h;
}

/** Names are pure functions of their text; a bounded memo keeps repeat programming (other modes, edits) cheap. */
const memo = new Map<string, string>();
const MEMO_MAX = 1 << 19;

/** First 4 bytes of sha256(text) as an unsigned integer: a stable pseudo-random number for allocators. */
export function hashUint32(text: string): number {
  const d = sha256Text(text);
  return ((d[0]! << 24) | (d[1]! << 16) | (d[2]! << 8) | d[3]!) >>> 0;
}
