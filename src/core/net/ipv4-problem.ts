import type { Problem } from '../model/cluster';
import { clipText, problem } from '../model/problem-messages';

/**
 * Why a text is not an address, in the API server's terms: an octet with a leading zero (`010`) is
 * refused outright (Go's net/netip, which k8s.io/apimachinery/pkg/util/validation/ip.go uses, reads
 * it as ambiguous: decimal or octal), anything else is not an IPv4 address.
 */
export function ipv4Problem(path: string, field: string, text: string): Problem {
  const ip = clipText(text);
  return /(^|\.)0\d/.test(text) && /^[\d.]+$/.test(text.trim())
    ? problem('INVALID_IP', path, 'problem.ip.leadingZero', { field, ip })
    : problem('INVALID_IP', path, 'problem.ip.invalid', { field, ip });
}
