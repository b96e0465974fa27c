import type { LinuxShowWhat } from '../../show';
import type { Netns } from '../types';
import { renderIpAddr, renderIpBrAddr } from './addr';
import { renderBpf } from './bpf';
import { renderBridgeFdb } from './fdb';
import { renderIpLink } from './link';
import type { RenderOptions } from './links';
import { renderIpNeigh } from './neigh';
import { renderIpRoute } from './route';

/**
 * What `engineShow` prints for one netns: the output of the command a `ShowWhat` is named after
 * (`ip addr`, `ip route`, `ip neigh`, `bridge fdb show`, `ip -d link`, `bpftool net` + map dumps).
 * An empty table prints nothing (empty string), as the tools do.
 */
export function renderShow(ns: Netns, what: LinuxShowWhat, options: RenderOptions = {}): string {
  switch (what) {
    case 'ip-addr':
      return renderIpAddr(ns, options);
    case 'ip-br-addr':
      return renderIpBrAddr(ns);
    case 'ip-route':
      return renderIpRoute(ns);
    case 'ip-neigh':
      return renderIpNeigh(ns);
    case 'bridge-fdb':
      return renderBridgeFdb(ns);
    case 'ip-link':
      return renderIpLink(ns, options);
    case 'ebpf':
      return renderBpf(ns);
  }
}
