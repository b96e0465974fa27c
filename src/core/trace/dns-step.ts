import { formatIpv4, parseIpv4, type Ipv4 } from '../net/ipv4';
import type { Netns } from '../linux/types';
import type { World } from '../cni/world';
import { resolve } from '../dns/resolve';
import type { Hop } from './types';
import { say } from './messages';
import type { TraceEnv } from './env';

export interface NameResolution {
  /** The query to trace (to the nameserver in the client's resolv.conf), if it goes to cluster DNS. */
  query: { server: Ipv4 } | null;
  hop: Hop;
  answer: Ipv4 | null;
}

/**
 * The client's stub resolver at work (resolv.conf search list and ndots, kubernetes pkg/kubelet/network/dns/dns.go; resolv.conf(5)): which names
 * were tried and what CoreDNS answered. Returns the `dns` hop and the address to connect to.
 */
export function resolveName(world: World, env: TraceEnv, src: Netns, name: string): NameResolution {
  const c = world.cluster;
  const podIndex = c.podByKey.get(src.id);
  const pod = podIndex === undefined ? null : c.pods[podIndex]!;
  const spec = podIndex === undefined ? undefined : c.scenario.pods[podIndex]?.spec;
  const client = {
    namespace: pod?.namespace ?? 'default',
    hostNetwork: pod ? pod.hostNetwork : true,
    ...(spec?.dnsPolicy ? { dnsPolicy: spec.dnsPolicy } : {}),
    ...(spec?.dnsConfig ? { dnsConfig: spec.dnsConfig } : {}),
  };
  const nodeResolvConf = { search: [], nameservers: [formatIpv4(c.networks.underlayGateway)], options: [] };
  const res = env.services ? resolve(client, name, 'A', { state: env.services, nodeResolvConf }) : null;
  const a = res?.answers.find((r) => r.type === 'A');
  const answer = a ? parseIpv4(a.data) : null;
  const tries = res?.tried.map((t) => `${t.name} → ${t.rcode}`).join(', ') ?? 'no resolver';
  const server = res?.server ? parseIpv4(res.server) : null;
  const clusterDns =
    server !== null && env.services !== null && env.services.services.some((s) => s.clusterIP === server);
  const key = answer === null ? 'hop.drop.dnsFailed' : 'hop.dns.query';
  const { say: s, explain } = say(key, {
    pod: src.id,
    name,
    tries,
    answer: answer === null ? '' : formatIpv4(answer),
  });
  const rule = res
    ? res.answers.map((r) => `${r.name} ${r.ttl} IN ${r.type} ${r.data}`).join('\n') || null
    : null;
  const hop: Hop = {
    netns: src.id,
    device: null,
    kind: answer === null ? 'drop' : 'dns',
    explain,
    say: s,
    rule,
    table: 'CoreDNS',
    packet: {
      src: '0.0.0.0',
      dst: res?.server ?? '0.0.0.0',
      protocol: 'UDP',
      srcPort: null,
      dstPort: 53,
      ttl: 64,
    },
    outer: null,
    leg: 'dns',
  };
  return { query: clusterDns ? { server: server! } : null, hop, answer };
}
