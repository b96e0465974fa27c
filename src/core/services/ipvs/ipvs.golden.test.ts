import { describe, expect, it } from 'vitest';
import { buildEngine, engineShow, engineTrace, withDesigns, type Engine } from '../../engine';
import { smallScenario } from '../../../scenario/presets/small';
import { IPSET_INFO } from './ipsets';

/**
 * Golden views of IPVS mode as a real node prints them (K8S pkg/proxy/ipvs/proxier.go
 * `writeIptablesRules`, `ipsetInfo`; netlink `GetAllLocalAddressesExcept`): kube-proxy still
 * programs nat and filter rules next to IPVS, every ipset exists, NodePorts listen on every local
 * address, and the trace shows the very rules `iptables-save` prints.
 */
const ipvs = (): Engine => {
  const e = buildEngine(smallScenario()).engine!;
  return withDesigns(e, { ...e.world.designs, proxy: 'ipvs' });
};

const SAVE = `*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:KUBE-FORWARD - [0:0]
:KUBE-IPVS-FILTER - [0:0]
:KUBE-IPVS-OUT-FILTER - [0:0]
:KUBE-NODE-PORT - [0:0]
:KUBE-PROXY-FIREWALL - [0:0]
:KUBE-SOURCE-RANGES-FIREWALL - [0:0]
-A INPUT -m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-FILTER
-A INPUT -m comment --comment "kube-proxy firewall rules" -j KUBE-PROXY-FIREWALL
-A INPUT -m comment --comment "kubernetes health check rules" -j KUBE-NODE-PORT
-A FORWARD -m comment --comment "kube-proxy firewall rules" -j KUBE-PROXY-FIREWALL
-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD
-A OUTPUT -m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-OUT-FILTER
-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT
-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A KUBE-IPVS-FILTER -m set --match-set KUBE-LOAD-BALANCER dst,dst -j RETURN
-A KUBE-IPVS-FILTER -m set --match-set KUBE-CLUSTER-IP dst,dst -j RETURN
-A KUBE-IPVS-FILTER -m set --match-set KUBE-EXTERNAL-IP dst,dst -j RETURN
-A KUBE-IPVS-FILTER -m set --match-set KUBE-EXTERNAL-IP-LOCAL dst,dst -j RETURN
-A KUBE-IPVS-FILTER -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j RETURN
-A KUBE-IPVS-FILTER -m conntrack --ctstate NEW -m set --match-set KUBE-IPVS-IPS dst -j REJECT --reject-with icmp-port-unreachable
-A KUBE-NODE-PORT -m comment --comment "Kubernetes health check node port" -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j ACCEPT
-A KUBE-SOURCE-RANGES-FIREWALL -j DROP
COMMIT
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:KUBE-LOAD-BALANCER - [0:0]
:KUBE-MARK-MASQ - [0:0]
:KUBE-NODE-PORT - [0:0]
:KUBE-POSTROUTING - [0:0]
:KUBE-SERVICES - [0:0]
-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ
-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ
-A KUBE-POSTROUTING -m comment --comment "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE
-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN
-A KUBE-SERVICES -m comment --comment "Kubernetes service lb portal" -m set --match-set KUBE-LOAD-BALANCER dst,dst -j KUBE-LOAD-BALANCER
-A KUBE-SERVICES ! -s 10.244.0.0/16 -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ
-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT
-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT
-A KUBE-SERVICES -m set --match-set KUBE-LOAD-BALANCER dst,dst -j ACCEPT
COMMIT
`;

describe('IPVS mode, as a node shows it', () => {
  it('iptables-save prints the nat and filter rules IPVS mode writes (ipset matches, KUBE-IPVS-FILTER, random-fully)', () => {
    expect(engineShow(ipvs(), 'node/node-1', 'iptables-save')).toBe(SAVE);
  });

  it('ipset list shows every set kube-proxy creates, with its type, revision and header', () => {
    const out = engineShow(ipvs(), 'node/node-1', 'ipset');
    expect([...out.matchAll(/^Name: (.+)$/gm)].map((m) => m[1])).toEqual(IPSET_INFO.map((s) => s.name));
    expect(out).toContain(
      'Name: KUBE-CLUSTER-IP\nType: hash:ip,port\nRevision: 6\nHeader: family inet hashsize 1024 maxelem 65536 bucketsize 12 initval 0x',
    );
    expect(out).toContain(
      'Name: KUBE-NODE-PORT-TCP\nType: bitmap:port\nRevision: 3\nHeader: range 0-65535\nReferences: 1\nNumber of entries: 1\nMembers:\n31244\n',
    );
    expect(out).toMatch(
      /Name: KUBE-IPVS-IPS\nType: hash:ip\n[^]*?Number of entries: 5\nMembers:\n10\.96\.0\.1\n10\.96\.0\.10\n10\.100\.141\.251\n/,
    );
  });

  it('NodePort virtual servers exist on every local address but loopback and kube-ipvs0', () => {
    const e = ipvs();
    const out = engineShow(e, 'node/node-1', 'ipvsadm');
    // eth0, cni0 (the bridge gateway) and flannel.1 (the VTEP /32) each carry the NodePort.
    for (const addr of ['192.168.1.10', '10.244.0.1', '10.244.0.0'])
      expect(out).toContain(`TCP  ${addr}:31244 rr`);
    expect(out).not.toContain('127.0.0.1:31244');
    expect(out).not.toMatch(/10\.96\.0\.10:31244|198\.51\.100\.10:31244/);
    // ... and none of them is bound to kube-ipvs0.
    const addrs = engineShow(e, 'node/node-1', 'ip-addr');
    expect(addrs).not.toMatch(/inet (192\.168\.1\.10|10\.244\.0\.1)\/32 scope global kube-ipvs0/);
    // A NodePort reached through the cni0 address is served like the node IP.
    const t = engineTrace(e, { from: 'default/client', to: '10.244.0.1', port: 31244, protocol: 'TCP' });
    expect(t.verdict).toBe('delivered');
    expect(t.hops.find((h) => h.kind === 'dnat')!.rule).toContain('TCP  10.244.0.1:31244 rr');
  });

  it('a VIP on a port no Service has is refused by the filter table (KUBE-IPVS-FILTER), labelled filter', () => {
    const t = engineTrace(ipvs(), {
      from: 'default/client',
      to: 'default/backend',
      port: 81,
      protocol: 'TCP',
    });
    const drop = t.hops.at(-1)!;
    expect(drop.kind).toBe('drop');
    expect(drop.table).toBe('filter');
    expect(drop.rule).toBe(
      '-A INPUT -m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-FILTER\n' +
        '-A KUBE-IPVS-FILTER -m conntrack --ctstate NEW -m set --match-set KUBE-IPVS-IPS dst -j REJECT --reject-with icmp-port-unreachable',
    );
  });

  it('the trace shows the rules iptables-save prints, and MASQUERADE --random-fully picks a new source port', () => {
    const e = ipvs();
    const save = engineShow(e, 'node/node-1', 'iptables-save').split('\n');
    const t = engineTrace(e, { from: 'external', to: 'node/node-1', port: 31244, protocol: 'TCP' });
    const dnat = t.hops.find((h) => h.kind === 'dnat')!;
    expect(dnat.table).toBe('nat + ipvs');
    for (const line of dnat.rule!.split('\n').filter((l) => l.startsWith('-A'))) expect(save).toContain(line);
    const snat = t.hops.find((h) => h.kind === 'snat')!;
    expect(snat.rule!.split('\n').at(-1)).toBe(
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
    );
    for (const line of snat.rule!.split('\n')) expect(save).toContain(line);
    const before = t.hops[0]!.packet.srcPort!;
    const after = snat.packet.srcPort!;
    expect(after).not.toBe(before);
    expect(after).toBeGreaterThanOrEqual(1024);
    // conntrack's reply tuple goes back to the new port.
    expect(t.conntrack![0]!.entry).toContain(`sport=${before} dport=31244 [UNREPLIED]`);
    expect(t.conntrack![0]!.entry).toMatch(new RegExp(`sport=8080 dport=${after} mark=0`));
    // The same probe gives the same port (seeded generator).
    expect(engineTrace(e, { from: 'external', to: 'node/node-1', port: 31244, protocol: 'TCP' })).toEqual(t);
  });
});
