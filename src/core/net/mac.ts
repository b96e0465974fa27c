/** A MAC address as `ip link` prints it: six lower-case hex octets joined by colons. */
export type Mac = string;

/**
 * A locally administered unicast MAC derived from a seed number, so the same object always gets
 * the same address (real kernels pick random ones; determinism matters more here).
 */
export function macFromSeed(prefixOctet: number, seed: number): Mac {
  const octets = [
    (prefixOctet & 0xfc) | 0x02,
    (seed >>> 24) & 255,
    (seed >>> 16) & 255,
    (seed >>> 8) & 255,
    seed & 255,
    (seed * 131 + prefixOctet) & 255,
  ];
  return octets.map((o) => o.toString(16).padStart(2, '0')).join(':');
}
