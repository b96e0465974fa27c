import { macFromSeed, type Mac } from '../net/mac';

/**
 * Deterministic MACs per device kind. Real kernels pick random locally administered addresses;
 * a fixed first octet per kind keeps them unique and recognisable in `ip link` output.
 */
export const MAC_KIND = {
  nodeEth0: 0x52,
  podEth0: 0x0a,
  bridge: 0xc6,
  bridgeVeth: 0xfe,
  ptpVeth: 0xf6,
  eniVeth: 0x12,
  lxc: 0x3a,
  flannelVtep: 0x96,
  calicoVtep: 0x66,
  ciliumHost: 0xa6,
  ciliumNet: 0xae,
  ciliumVxlan: 0xb2,
} as const;

export const macFor = (kind: keyof typeof MAC_KIND, seed: number): Mac =>
  macFromSeed(MAC_KIND[kind], seed + 1);

/** Calico forces the host side of every Pod veth to this MAC (projectcalico/calico cni-plugin dataplane_linux.go). */
export const CALICO_VETH_MAC: Mac = 'ee:ee:ee:ee:ee:ee';
