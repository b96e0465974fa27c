import { describe, expect, it } from 'vitest';
import { hashPrefix } from '../hash';
import { ep, port, stateOf } from '../testing/state';
import { programIptables } from './program';
import { renderRestore, renderSave, restoreRule, saveProbability } from './render';
import { sepChain, serviceChains } from './names';

// Facts sheet §1.5: ClusterIP ns1/svc1, port p80 80/TCP, 172.30.0.41, endpoints 10.180.0.1:80, 10.180.0.2:80.
const svc1 = () => port('ns1/svc1:p80', '172.30.0.41', 80, [ep('10.180.0.1:80'), ep('10.180.0.2:80')]);

describe('iptables goldens (kubernetes pkg/proxy/iptables/proxier.go, proxier_test.go)', () => {
  it('reproduces the chain-name hash table of §1.2', () => {
    const h = (s: string) => hashPrefix(s, 16);
    expect(h('ns1/svc1:p80tcp')).toBe('XPGD46QRK7WJZT7O');
    expect(h('ns1/svc1:p80tcp10.180.0.1:80')).toBe('SXIVWICOYRO3J4NJ');
    expect(h('ns1/svc1:p80tcp10.180.0.2:80')).toBe('LXVODXWDISEETFEF');
    expect(h('ns2/svc2:p80tcp')).toBe('GNZBNJ2PO5MGZ6GT');
    expect(h('ns4/svc4:p80tcp10.180.0.4:80')).toBe('UKSFD7AGPMPPLUHC');
    expect(h('ns4/svc4:p80tcp10.180.0.5:80')).toBe('C6EBXVWJJZMIWKLZ');
    expect(h('default/kubernetes:httpstcp')).toBe('NPX46M4PTMTKRN6Y');
    expect(h('kube-system/kube-dns:dnsudp')).toBe('TCOU7JCQXEZGVUNU');
    expect(h('kube-system/kube-dns:dns-tcptcp')).toBe('ERIFXISQEP7F7OF4');
    const sp = svc1();
    expect(serviceChains(sp).svc).toBe('KUBE-SVC-XPGD46QRK7WJZT7O');
    expect(sepChain(sp, sp.endpoints[1]!)).toBe('KUBE-SEP-LXVODXWDISEETFEF');
  });

  it('reproduces §1.5(a), the restore input upstream tests compare, exactly', () => {
    const rules = programIptables(stateOf([svc1()], '10.0.0.0/8'), 0, { randomFully: false });
    expect(renderRestore(rules, ['nat'])).toBe(`*nat
:KUBE-NODEPORTS - [0:0]
:KUBE-SERVICES - [0:0]
:KUBE-MARK-MASQ - [0:0]
:KUBE-POSTROUTING - [0:0]
:KUBE-SEP-LXVODXWDISEETFEF - [0:0]
:KUBE-SEP-SXIVWICOYRO3J4NJ - [0:0]
:KUBE-SVC-XPGD46QRK7WJZT7O - [0:0]
-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O
-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE
-A KUBE-SEP-LXVODXWDISEETFEF -m comment --comment ns1/svc1:p80 -s 10.180.0.2 -j KUBE-MARK-MASQ
-A KUBE-SEP-LXVODXWDISEETFEF -m comment --comment ns1/svc1:p80 -m tcp -p tcp -j DNAT --to-destination 10.180.0.2:80
-A KUBE-SEP-SXIVWICOYRO3J4NJ -m comment --comment ns1/svc1:p80 -s 10.180.0.1 -j KUBE-MARK-MASQ
-A KUBE-SEP-SXIVWICOYRO3J4NJ -m comment --comment ns1/svc1:p80 -m tcp -p tcp -j DNAT --to-destination 10.180.0.1:80
-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ
-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-SXIVWICOYRO3J4NJ
-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.2:80" -j KUBE-SEP-LXVODXWDISEETFEF
COMMIT
`);
  });

  it('reproduces §1.5(b), iptables-save -t nat on a real node, exactly', () => {
    const rules = programIptables(stateOf([svc1()], '10.244.0.0/16'), 0);
    expect(renderSave(rules, ['nat'])).toBe(`*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:KUBE-MARK-MASQ - [0:0]
:KUBE-NODEPORTS - [0:0]
:KUBE-POSTROUTING - [0:0]
:KUBE-PROXY-CANARY - [0:0]
:KUBE-SEP-LXVODXWDISEETFEF - [0:0]
:KUBE-SEP-SXIVWICOYRO3J4NJ - [0:0]
:KUBE-SERVICES - [0:0]
:KUBE-SVC-XPGD46QRK7WJZT7O - [0:0]
-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
-A KUBE-SEP-LXVODXWDISEETFEF -s 10.180.0.2/32 -m comment --comment "ns1/svc1:p80" -j KUBE-MARK-MASQ
-A KUBE-SEP-LXVODXWDISEETFEF -p tcp -m comment --comment "ns1/svc1:p80" -m tcp -j DNAT --to-destination 10.180.0.2:80
-A KUBE-SEP-SXIVWICOYRO3J4NJ -s 10.180.0.1/32 -m comment --comment "ns1/svc1:p80" -j KUBE-MARK-MASQ
-A KUBE-SEP-SXIVWICOYRO3J4NJ -p tcp -m comment --comment "ns1/svc1:p80" -m tcp -j DNAT --to-destination 10.180.0.1:80
-A KUBE-SERVICES -d 172.30.0.41/32 -p tcp -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O
-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
-A KUBE-SVC-XPGD46QRK7WJZT7O ! -s 10.244.0.0/16 -d 172.30.0.41/32 -p tcp -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-SXIVWICOYRO3J4NJ
-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.2:80" -j KUBE-SEP-LXVODXWDISEETFEF
COMMIT
`);
  });

  it('prints probabilities as the kernel fixed point (§1.3)', () => {
    expect(saveProbability('0.3333333333')).toBe('0.33333333349');
    expect(saveProbability('0.2500000000')).toBe('0.25000000000');
  });

  it('reproduces §1.5(c), the Local-policy extras, and drops without local endpoints', () => {
    const svc2 = port('ns2/svc2:p80', '172.30.0.42', 80, [ep('10.180.0.2:80', 'node1')], {
      nodePort: 30080,
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 30000,
    });
    const state = stateOf([svc2]);
    const onNode1 = programIptables(state, 0, { randomFully: false });
    const lines = (r: typeof onNode1, chain: string) =>
      (r.nat.local.get(chain) ?? r.nat.shared.get(chain) ?? []).map(restoreRule);
    expect(lines(onNode1, 'KUBE-NODEPORTS')).toEqual([
      '-A KUBE-NODEPORTS -m comment --comment ns2/svc2:p80 -m tcp -p tcp --dport 30080 -j KUBE-EXT-GNZBNJ2PO5MGZ6GT',
    ]);
    expect(lines(onNode1, 'KUBE-EXT-GNZBNJ2PO5MGZ6GT')).toEqual([
      '-A KUBE-EXT-GNZBNJ2PO5MGZ6GT -m comment --comment "pod traffic for ns2/svc2:p80 external destinations" -s 10.0.0.0/8 -j KUBE-SVC-GNZBNJ2PO5MGZ6GT',
      '-A KUBE-EXT-GNZBNJ2PO5MGZ6GT -m comment --comment "masquerade LOCAL traffic for ns2/svc2:p80 external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ',
      '-A KUBE-EXT-GNZBNJ2PO5MGZ6GT -m comment --comment "route LOCAL traffic for ns2/svc2:p80 external destinations" -m addrtype --src-type LOCAL -j KUBE-SVC-GNZBNJ2PO5MGZ6GT',
      '-A KUBE-EXT-GNZBNJ2PO5MGZ6GT -j KUBE-SVL-GNZBNJ2PO5MGZ6GT',
    ]);
    expect(lines(onNode1, 'KUBE-SVL-GNZBNJ2PO5MGZ6GT')).toEqual([
      '-A KUBE-SVL-GNZBNJ2PO5MGZ6GT -m comment --comment "ns2/svc2:p80 -> 10.180.0.2:80" -j KUBE-SEP-RS4RBKLTHTF2IUXJ',
    ]);
    expect(renderRestore(onNode1, ['filter'])).toContain(
      '-A KUBE-NODEPORTS -m comment --comment "ns2/svc2:p80 health check node port" -m tcp -p tcp --dport 30000 -j ACCEPT',
    );
    const onNode2 = programIptables(state, 1, { randomFully: false });
    expect(lines(onNode2, 'KUBE-EXT-GNZBNJ2PO5MGZ6GT')).toHaveLength(3);
    expect(onNode2.nat.local.has('KUBE-SVL-GNZBNJ2PO5MGZ6GT')).toBe(false);
    expect(renderRestore(onNode2, ['filter'])).toContain(
      '-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns2/svc2:p80 has no local endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 30080 -j DROP',
    );
  });
});

describe('chain names', () => {
  it('property: every kube-proxy chain name fits the 28-char iptables limit', async () => {
    const fc = (await import('fast-check')).default;
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,62}$/);
    fc.assert(
      fc.property(label, label, fc.option(label), fc.integer({ min: 1, max: 65535 }), (ns, name, pn, p) => {
        const sp = port(`${ns}/${name}${pn ? `:${pn}` : ''}`, '10.96.0.5', p, [ep(`10.244.3.7:${p}`)]);
        const names = [...Object.values(serviceChains(sp)), sepChain(sp, sp.endpoints[0]!)];
        for (const n of names) expect(n.length).toBeLessThanOrEqual(28);
      }),
    );
  });
});
