/**
 * The Linux views a netns can print, named after the command that prints them:
 * `ip addr`, `ip route`, `ip neigh`, `bridge fdb`, `ip -d link`, and the eBPF programs and maps
 * (`bpftool net` plus map dumps).
 */
export type ShowWhat = 'ip-addr' | 'ip-route' | 'ip-neigh' | 'bridge-fdb' | 'ip-link' | 'ebpf';

export const SHOW_WHATS: readonly ShowWhat[] = [
  'ip-addr',
  'ip-route',
  'ip-neigh',
  'bridge-fdb',
  'ip-link',
  'ebpf',
];
