import { type Ipv4, formatIpv4, parseIpv4 } from '../net/ipv4';
import type { ServiceRecord, ServiceState } from '../services/types';
import { serviceNamed, serviceWithClusterIP } from '../services/lookup';

/**
 * CoreDNS's `kubernetes` plugin answers for the cluster zone (KDNS docs/specification.md; CDNS
 * plugin/kubernetes), as kubeadm configures it (`pods insecure`, `ttl 30`):
 * ClusterIP Services → A; headless → one A per ready endpoint plus per-endpoint names; named ports
 * → SRV; ExternalName → CNAME; `a-b-c-d.<ns>.pod.<zone>` → A; ClusterIP PTRs.
 */

export type DnsType = 'A' | 'AAAA' | 'SRV' | 'CNAME' | 'PTR' | 'TXT';

export interface DnsRecord {
  /** Owner name, fully qualified with the trailing dot. */
  name: string;
  type: DnsType;
  ttl: number;
  /** RDATA as `dig` prints it. */
  data: string;
}

export type Rcode = 'NOERROR' | 'NXDOMAIN';

export interface ZoneAnswer {
  rcode: Rcode;
  answers: DnsRecord[];
}

/** kubeadm's Corefile sets `ttl 30` (plugin default 5). */
export const KUBEADM_TTL = 30;

const dashed = (ip: Ipv4) => formatIpv4(ip).replace(/\./g, '-');
const fqdn = (n: string) => (n.endsWith('.') ? n : `${n}.`);

/** True when `name` (FQDN) is inside a zone CoreDNS's kubernetes plugin is authoritative for. */
export function inClusterZone(state: ServiceState, name: string): boolean {
  const n = fqdn(name).toLowerCase();
  return (
    n.endsWith(`.${state.clusterDomain}.`) || n === `${state.clusterDomain}.` || n.endsWith('.in-addr.arpa.')
  );
}

/** Answers one question from the cluster zone; null when the name is outside it (CoreDNS forwards). */
export function lookupCluster(state: ServiceState, qname: string, qtype: DnsType): ZoneAnswer | null {
  const name = fqdn(qname).toLowerCase();
  if (!inClusterZone(state, name)) return null;
  const zone = `${state.clusterDomain}.`;
  const rr = (type: DnsType, data: string, owner = name): DnsRecord => ({
    name: owner,
    type,
    ttl: KUBEADM_TTL,
    data,
  });
  const nx: ZoneAnswer = { rcode: 'NXDOMAIN', answers: [] };
  const answer = (records: DnsRecord[]): ZoneAnswer => ({
    rcode: 'NOERROR',
    answers: records.filter((r) => r.type === qtype || r.type === 'CNAME'),
  });
  if (name === `dns-version.${zone}`) return answer([rr('TXT', '"1.1.0"')]);
  if (name.endsWith('.in-addr.arpa.')) return ptr(state, name, rr) ?? nx;
  const labels = name.slice(0, -zone.length - 1).split('.');
  // <a-b-c-d>.<ns>.pod.<zone>: `pods insecure` answers without checking a Pod exists.
  if (labels.length === 3 && labels[2] === 'pod') {
    const ip = parseIpv4(labels[0]!.replace(/-/g, '.'));
    return ip === null ? nx : answer([rr('A', formatIpv4(ip))]);
  }
  if (labels.at(-1) !== 'svc') return nx;
  const l = labels.slice(0, -1);
  // _port._proto.svc.ns
  if (l.length === 4 && l[0]!.startsWith('_') && l[1]!.startsWith('_')) {
    const svc = find(state, l[3]!, l[2]!);
    if (!svc) return nx;
    const p = svc.ports.find(
      (x) => x.portName === l[0]!.slice(1) && x.protocol.toLowerCase() === l[1]!.slice(1),
    );
    if (!p || !p.portName) return nx;
    const base = `${svc.name}.${svc.namespace}.svc.${zone}`;
    if (!svc.headless) return answer([rr('SRV', `0 100 ${p.port} ${base}`)]);
    const ready = p.endpoints.filter((e) => e.ready);
    const w = ready.length ? Math.floor(100 / ready.length) : 0;
    return ready.length
      ? answer(ready.map((e) => rr('SRV', `0 ${w} ${e.port} ${e.hostname ?? dashed(e.ip)}.${base}`)))
      : nx;
  }
  if (l.length === 2) {
    const svc = find(state, l[1]!, l[0]!);
    if (!svc) return nx;
    if (svc.externalName) return { rcode: 'NOERROR', answers: [rr('CNAME', fqdn(svc.externalName))] };
    if (svc.clusterIP !== null) return answer([rr('A', formatIpv4(svc.clusterIP))]);
    const ready = svc.addresses.filter((a) => a.ready);
    return ready.length ? answer(ready.map((a) => rr('A', formatIpv4(a.ip)))) : nx;
  }
  if (l.length === 3) {
    const svc = find(state, l[2]!, l[1]!);
    if (!svc || !svc.headless) return nx;
    const hit = svc.addresses.filter((a) => a.ready && (a.hostname ?? dashed(a.ip)) === l[0]);
    return hit.length ? answer(hit.map((a) => rr('A', formatIpv4(a.ip)))) : nx;
  }
  return nx;
}

function find(state: ServiceState, ns: string, name: string): ServiceRecord | undefined {
  return serviceNamed(state, ns, name);
}

function ptr(state: ServiceState, name: string, rr: (t: DnsType, d: string) => DnsRecord): ZoneAnswer | null {
  const octets = name.slice(0, -'.in-addr.arpa.'.length).split('.').reverse().join('.');
  const ip = parseIpv4(octets);
  if (ip === null) return null;
  const svc = serviceWithClusterIP(state, ip);
  if (svc)
    return {
      rcode: 'NOERROR',
      answers: [rr('PTR', `${svc.name}.${svc.namespace}.svc.${state.clusterDomain}.`)],
    };
  for (const s of state.services)
    for (const a of s.addresses)
      if (s.headless && a.ip === ip && a.hostname)
        return {
          rcode: 'NOERROR',
          answers: [rr('PTR', `${a.hostname}.${s.name}.${s.namespace}.svc.${state.clusterDomain}.`)],
        };
  return null;
}

/** Every record CoreDNS serves for the Services (a zone listing for the DNS panel). */
export function clusterRecords(state: ServiceState): DnsRecord[] {
  const out: DnsRecord[] = [];
  const zone = `${state.clusterDomain}.`;
  for (const s of state.services) {
    const base = `${s.name}.${s.namespace}.svc.${zone}`;
    const get = (n: string, t: DnsType) => lookupCluster(state, n, t)?.answers ?? [];
    out.push(...get(base, s.externalName ? 'CNAME' : 'A'));
    for (const p of s.ports)
      if (p.portName) out.push(...get(`_${p.portName}._${p.protocol.toLowerCase()}.${base}`, 'SRV'));
    if (s.headless)
      for (const a of s.addresses)
        if (a.ready) out.push(...get(`${a.hostname ?? dashed(a.ip)}.${base}`, 'A'));
  }
  return out;
}
