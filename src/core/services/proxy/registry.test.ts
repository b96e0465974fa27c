import { describe, expect, it } from 'vitest';
import { formatIpv4, ipv4 } from '../../net/ipv4';
import type { ProxyMode } from '../../model/scenario';
import { buildServiceState } from '../control-plane/build';
import { clusterOf, smallWithServices } from '../testing/fixture';
import { ep, port, stateOf } from '../testing/state';
import { nodeRules, proxyModule } from './registry';
import type { ProxyContext } from './types';

const modes: ProxyMode[] = ['iptables', 'nftables', 'ipvs', 'ebpf'];
const cluster = clusterOf(smallWithServices());
const state = buildServiceState(cluster);
const node1 = cluster.nodes[0]!.ip;
const ctx = (hook: ProxyContext['hook'], rng = 0.4): ProxyContext => ({
  hook,
  isLocal: (ip) => ip === node1,
  rng: () => rng,
});

describe('every proxy mode', () => {
  for (const mode of modes) {
    it(`${mode}: pod → kube-dns ClusterIP lands on a CoreDNS Pod; every render works`, () => {
      const rules = nodeRules(mode, state, cluster, 0);
      expect(nodeRules(mode, state, cluster, 0)).toBe(rules);
      const m = proxyModule(mode);
      const t = m.translate(
        rules,
        { src: cluster.pods[0]!.ip, dst: ipv4('10.96.0.10'), protocol: 'UDP', srcPort: 40000, dstPort: 53 },
        ctx(mode === 'ebpf' ? 'connect' : 'PREROUTING'),
      );
      expect(t.action).toBe('dnat');
      const pod = cluster.pods[cluster.podByIp.get(t.endpoint!.ip)!]!;
      expect(pod.name.startsWith('coredns-')).toBe(true);
      expect(t.endpoint!.port).toBe(53);
      expect(t.matched.length).toBeGreaterThan(0);
      for (const what of m.renders) expect(m.render(rules, what).length).toBeGreaterThan(20);
    });

    it(`${mode}: NodePort from outside is translated and masqueraded (externalTrafficPolicy Cluster)`, () => {
      const fe = state.services.find((s) => s.name === 'frontend')!.ports[0]!;
      const t = proxyModule(mode).translate(
        nodeRules(mode, state, cluster, 0),
        { src: ipv4('203.0.113.7'), dst: node1, protocol: 'TCP', srcPort: 40000, dstPort: fe.nodePort },
        ctx('PREROUTING', 0.99),
      );
      expect(t.action).toBe('dnat');
      expect(t.endpoint!.port).toBe(8080);
      if (mode !== 'ebpf' || !cluster.podsOnNode[0]!.includes(cluster.podByIp.get(t.endpoint!.ip)!))
        expect(t.masquerade).toBe(true);
    });
  }

  it('ipvs prints ipvsadm -Ln exactly as §3', () => {
    const st = stateOf([port('ns1/svc1:p80', '172.30.0.41', 80, [ep('10.180.0.1:80'), ep('10.180.0.2:80')])]);
    expect(proxyModule('ipvs').render(nodeRules('ipvs', st, null, 0), 'ipvsadm')).toBe(
      `IP Virtual Server version 1.2.1 (size=4096)
Prot LocalAddress:Port Scheduler Flags
  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
TCP  172.30.0.41:80 rr
  -> 10.180.0.1:80                Masq    1      0          0
  -> 10.180.0.2:80                Masq    1      0          0
`,
    );
    expect(proxyModule('ipvs').render(nodeRules('ipvs', st, null, 0), 'ipset')).toContain(
      '172.30.0.41,tcp:80',
    );
  });

  it('ebpf translates at connect() without masquerade; headless/ExternalName get no rules anywhere', () => {
    const t = proxyModule('ebpf').translate(
      nodeRules('ebpf', state, cluster, 0),
      {
        src: cluster.pods[0]!.ip,
        dst: state.services.find((s) => s.name === 'backend')!.clusterIP!,
        protocol: 'TCP',
        srcPort: 1,
        dstPort: 9090,
      },
      ctx('connect'),
    );
    expect(t.stage).toBe('bpf-sock');
    expect(t.masquerade).toBe(false);
    expect(['default/backend-1', 'default/backend-2']).toContain(
      `default/${cluster.pods[cluster.podByIp.get(t.endpoint!.ip)!]!.name}`,
    );
    const save = proxyModule('iptables').render(nodeRules('iptables', state, cluster, 0), 'iptables-save');
    expect(save).not.toContain('default/db');
    expect(save).not.toContain('default/search');
    expect(save).toContain('KUBE-SVC-NPX46M4PTMTKRN6Y');
    expect(formatIpv4(state.services.find((s) => s.name === 'kube-dns')!.clusterIP!)).toBe('10.96.0.10');
  });
});
