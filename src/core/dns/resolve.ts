import type { ServiceState } from '../services/types';
import { type DnsRecord, type DnsType, inClusterZone, lookupCluster } from './records';
import { type DnsClient, type ResolvConf, clusterDnsIp, ndotsOf, podResolvConf } from './resolvconf';

/**
 * Name resolution as a Pod's stub resolver performs it (glibc/musl, resolv.conf(5)):
 * a name with fewer dots than `ndots` walks the search list first and is then tried as-is; a name
 * with at least `ndots` dots is tried as-is first; a trailing dot means "absolute, no search".
 * Each try goes to the first nameserver. CoreDNS answers the cluster zone itself and forwards
 * everything else to the node's resolver (`forward . /etc/resolv.conf`); we do not invent upstream
 * addresses unless the caller supplies them.
 */

export type TryRcode = 'NOERROR' | 'NXDOMAIN' | 'NODATA' | 'FORWARDED';

export interface DnsTry {
  name: string;
  rcode: TryRcode;
}

export interface Resolution {
  resolvConf: ResolvConf;
  /** The nameserver every try was sent to. */
  server: string | null;
  answers: DnsRecord[];
  tried: DnsTry[];
  /** True when the final answer came from (or would come from) the upstream resolver. */
  forwarded: boolean;
}

export interface DnsEnv {
  state: ServiceState;
  /** The node's own resolv.conf (used by `Default` and as CoreDNS's upstream). */
  nodeResolvConf: ResolvConf;
  /** Known external answers (name without trailing dot → A records); absent names stay "forwarded". */
  upstream?: Record<string, string[]>;
}

/** Candidate query names in the order the stub resolver tries them. */
export function candidates(name: string, rc: ResolvConf): string[] {
  if (name.endsWith('.')) return [name];
  const dots = name.split('.').length - 1;
  const searched = rc.search.map((s) => `${name}.${s}.`);
  return dots >= ndotsOf(rc) ? [`${name}.`, ...searched] : [...searched, `${name}.`];
}

/** Resolves `name` for `client`, reporting every search-list try. */
export function resolve(client: DnsClient, name: string, type: DnsType, env: DnsEnv): Resolution {
  const rc = podResolvConf(client, env.state, env.nodeResolvConf);
  const server = rc.nameservers[0] ?? null;
  const viaCoreDns = server !== null && server === clusterDnsIp(env.state);
  const tried: DnsTry[] = [];
  for (const q of candidates(name, rc)) {
    const local = viaCoreDns ? lookupCluster(env.state, q, type) : null;
    if (local) {
      const cname = local.answers.find((a) => a.type === 'CNAME');
      if (local.rcode === 'NOERROR' && local.answers.length > 0) {
        tried.push({ name: q, rcode: 'NOERROR' });
        // ExternalName: CoreDNS returns the CNAME; the target is resolved upstream.
        const target = cname ? upstreamAnswer(env, cname.data, type) : [];
        return {
          resolvConf: rc,
          server,
          answers: [...local.answers, ...target],
          tried,
          forwarded: cname !== undefined,
        };
      }
      tried.push({ name: q, rcode: local.rcode === 'NXDOMAIN' ? 'NXDOMAIN' : 'NODATA' });
      continue;
    }
    if (viaCoreDns && inClusterZone(env.state, q)) {
      tried.push({ name: q, rcode: 'NXDOMAIN' });
      continue;
    }
    const answers = upstreamAnswer(env, q, type);
    tried.push({ name: q, rcode: answers.length ? 'NOERROR' : 'FORWARDED' });
    return { resolvConf: rc, server, answers, tried, forwarded: true };
  }
  return { resolvConf: rc, server, answers: [], tried, forwarded: false };
}

function upstreamAnswer(env: DnsEnv, name: string, type: DnsType): DnsRecord[] {
  const key = name.replace(/\.$/, '').toLowerCase();
  const ips = env.upstream?.[key];
  if (!ips || type !== 'A') return [];
  return ips.map((data) => ({ name: `${key}.`, type: 'A' as const, ttl: 30, data }));
}
