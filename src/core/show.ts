/**
 * The views a netns can print, named after the command that prints them: `ip addr`, `ip route`,
 * `ip neigh`, `bridge fdb`, `ip -d link`, the eBPF programs and maps (`bpftool net` plus map
 * dumps), and the Service datapath: `iptables-save`, `nft list table ip kube-proxy`, `ipvsadm -Ln`,
 * `ipset list`, the eBPF load-balancer maps, and `/etc/resolv.conf`.
 */
export type LinuxShowWhat =
  'ip-addr' | 'ip-br-addr' | 'ip-route' | 'ip-neigh' | 'bridge-fdb' | 'ip-link' | 'ebpf';
export type ServiceShowWhat = 'iptables-save' | 'nft' | 'ipvsadm' | 'ipset' | 'ebpf-maps' | 'resolv.conf';
export type ShowWhat = LinuxShowWhat | ServiceShowWhat;

export const LINUX_SHOW_WHATS: readonly LinuxShowWhat[] = [
  'ip-addr',
  'ip-br-addr',
  'ip-route',
  'ip-neigh',
  'bridge-fdb',
  'ip-link',
  'ebpf',
];
export const SERVICE_SHOW_WHATS: readonly ServiceShowWhat[] = [
  'iptables-save',
  'nft',
  'ipvsadm',
  'ipset',
  'ebpf-maps',
  'resolv.conf',
];
export const SHOW_WHATS: readonly ShowWhat[] = [...LINUX_SHOW_WHATS, ...SERVICE_SHOW_WHATS];
