import { describe, expect, it } from 'vitest';
import { formatIpv4, ipv4 } from '../../net/ipv4';
import type { ProxyContext, ProxyPacket } from '../proxy/types';
import { ep, port, stateOf } from '../testing/state';
import { translateNftables } from './interpret';
import { programNftables } from './program';
import { nftTime, renderList, renderTransaction } from './render';

const svc1 = () => port('ns1/svc1:p80', '172.30.0.41', 80, [ep('10.180.0.1:80'), ep('10.180.0.2:80')]);
const ctx = (over: Partial<ProxyContext> = {}): ProxyContext => ({
  hook: 'PREROUTING',
  isLocal: (ip) => ip === ipv4('192.168.1.10'),
  rng: () => 0.7,
  ...over,
});
const pkt = (src: string, dst: string, dstPort: number): ProxyPacket => ({
  src: ipv4(src),
  dst: ipv4(dst),
  srcPort: 40000,
  dstPort,
  protocol: 'TCP',
});

describe('nftables mode', () => {
  it('reproduces the §2.3 transaction block exactly', () => {
    const r = programNftables(stateOf([svc1()]), 0);
    expect(r.blocks[0]!.join('\n')).toBe(`add chain ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80
add rule ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80 ip daddr 172.30.0.41 ip saddr != 10.0.0.0/8 jump mark-for-masquerade
add rule ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80 numgen random mod 2 vmap { 0 : goto endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 , 1 : goto endpoint-2ZNDXFAB-ns1/svc1/tcp/p80__10.180.0.2/80 }
add chain ip kube-proxy endpoint-2ZNDXFAB-ns1/svc1/tcp/p80__10.180.0.2/80
add rule ip kube-proxy endpoint-2ZNDXFAB-ns1/svc1/tcp/p80__10.180.0.2/80 ip saddr 10.180.0.2 jump mark-for-masquerade
add rule ip kube-proxy endpoint-2ZNDXFAB-ns1/svc1/tcp/p80__10.180.0.2/80 meta l4proto tcp dnat to 10.180.0.2:80
add chain ip kube-proxy endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80
add rule ip kube-proxy endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 ip saddr 10.180.0.1 jump mark-for-masquerade
add rule ip kube-proxy endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 meta l4proto tcp dnat to 10.180.0.1:80
add element ip kube-proxy cluster-ips { 172.30.0.41 }
add element ip kube-proxy service-ips { 172.30.0.41 . tcp . 80 : goto service-ULMVA6XW-ns1/svc1/tcp/p80 }`);
    expect(renderTransaction(r)).toContain(
      'add rule ip kube-proxy services ip daddr . meta l4proto . th dport vmap @service-ips',
    );
    expect(renderList(r)).toContain('\tchain service-ULMVA6XW-ns1/svc1/tcp/p80 {');
  });

  it('looks ClusterIPs up in one map and picks with numgen', () => {
    const r = programNftables(stateOf([svc1()]), 0);
    const t = translateNftables(r, pkt('10.244.0.5', '172.30.0.41', 80), ctx());
    expect(t.action).toBe('dnat');
    expect(formatIpv4(t.endpoint!.ip)).toBe('10.180.0.2');
    expect(t.masquerade).toBe(false);
    expect(t.evaluated).toBeLessThan(10);
    const forced = translateNftables(
      r,
      pkt('10.244.0.5', '172.30.0.41', 80),
      ctx({ forceEndpoint: { ip: ipv4('10.180.0.1'), port: 80 } }),
    );
    expect(formatIpv4(forced.endpoint!.ip)).toBe('10.180.0.1');
  });

  it('rejects services without endpoints and unknown ports; drops unallocated ClusterIPs', () => {
    const r = programNftables(stateOf([svc1(), port('ns6/svc6:p80', '172.30.0.46', 80, [])]), 0);
    expect(translateNftables(r, pkt('10.0.0.2', '172.30.0.46', 80), ctx()).action).toBe('reject');
    expect(translateNftables(r, pkt('10.0.0.2', '172.30.0.41', 443), ctx()).action).toBe('reject');
    expect(translateNftables(r, pkt('10.0.0.2', '172.30.0.50', 80), ctx()).action).toBe('drop');
  });
});

describe('nft list prints times and sets as nft does', () => {
  it('times: 10800 s is 3h, 90 s is 1m30s (nftables src/datatype.c time_print)', () => {
    expect(nftTime(10800)).toBe('3h');
    expect(nftTime(90)).toBe('1m30s');
    expect(nftTime(86400 + 1)).toBe('1d1s');
  });

  it('an affinity set lists its timeout in nft units; IPv4 set elements come two to a line', () => {
    const st = stateOf([
      port('ns1/svc1:p80', '172.30.0.41', 80, [ep('10.180.0.1:80')], { sessionAffinity: 'ClientIP' }),
      port('ns1/svc2:p80', '172.30.0.42', 80, [ep('10.180.0.2:80')]),
      port('ns1/svc3:p80', '172.30.0.43', 80, [ep('10.180.0.3:80')]),
    ]);
    const out = renderList(programNftables(st, 0));
    expect(out).toMatch(
      /\tset affinity-[A-Z0-9]+-ns1\/svc1\/tcp\/p80__10\.180\.0\.1\/80 \{\n\t\ttype ipv4_addr\n\t\tflags dynamic,timeout\n\t\ttimeout 3h\n\t\}/,
    );
    expect(out).toContain('\t\telements = { 172.30.0.41, 172.30.0.42,\n\t\t\t     172.30.0.43 }\n');
    // The transaction kube-proxy sends keeps seconds, as knftables writes them.
    expect(renderTransaction(programNftables(st, 0))).not.toContain('timeout 3h');
  });
});
