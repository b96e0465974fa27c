import { describe, expect, it } from 'vitest';
import { buildEngine, engineTopology, engineTrace, withDesigns, type Engine } from '../engine';
import type { ProxyMode } from '../model/scenario';
import { smallScenario } from '../../scenario/presets/small';

const engineOf = (): Engine => {
  const { engine, problems } = buildEngine(smallScenario());
  expect(problems).toEqual([]);
  return engine!;
};

// What each mode's deciding entry looks like on the DNAT hop (kubernetes pkg/proxy/{iptables,nftables,ipvs}/proxier.go):
// iptables walks KUBE-SERVICES → KUBE-SVC-* → KUBE-SEP-*; nftables looks the VIP up in the
// `service-ips` verdict map and picks with `numgen random`; IPVS prints the virtual server as
// `ipvsadm -Ln` does; Cilium's LB map is `cilium_lb4_services_v2`.
const EXPECTED: Record<ProxyMode, RegExp[]> = {
  iptables: [/-j KUBE-SERVICES/, /KUBE-SVC-/, /-j DNAT --to-destination 10\.244\./],
  nftables: [/@service-ips/, /numgen random mod 2/, /dnat to 10\.244\./],
  ipvs: [/-j KUBE-SERVICES/, /^TCP {2}10\.\d+\.\d+\.\d+:80 rr/m, /-> 10\.244\./],
  ebpf: [/count=2/, /backend_id=/],
};

describe('Service DNAT hops carry the rules of their proxy mode', () => {
  for (const proxy of ['iptables', 'nftables', 'ipvs', 'ebpf'] as const) {
    it(`${proxy}: the DNAT hop names the rules that matched and the endpoint it chose`, () => {
      const e = withDesigns(engineOf(), { ...engineOf().world.designs, proxy });
      const t = engineTrace(e, { from: 'default/client', to: 'default/backend', port: 80, protocol: 'TCP' });
      expect(t.verdict).toBe('delivered');
      const dnat = t.hops.find((h) => h.kind === 'dnat');
      expect(dnat, 'a dnat hop').toBeDefined();
      for (const re of EXPECTED[proxy]) expect(dnat!.rule ?? '').toMatch(re);
      expect(dnat!.rule).toContain(`${dnat!.packet.dst}`);
    });
  }

  it('each Service port lists its endpoints as IP:port with named target ports resolved', () => {
    const e = engineOf();
    const backend = engineTopology(e).services.find((s) => s.key === 'default/backend')!;
    // backend's targetPort is the name `api`; the Pods declare it as containerPort 9090.
    expect(backend.ports[0]!.targetPort).toBe('api');
    const pods = new Map(engineTopology(e).nodes.flatMap((n) => n.pods.map((p) => [p.key, p.ip])));
    expect(backend.ports[0]!.endpoints?.sort()).toEqual(
      ['default/backend-1', 'default/backend-2'].map((k) => `${pods.get(k)}:9090`).sort(),
    );
    // A trace forced to one of them ends at that Pod.
    const want = backend.ports[0]!.endpoints![1]!;
    const t = engineTrace(
      e,
      { from: 'default/client', to: 'default/backend', port: 80, protocol: 'TCP' },
      want,
    );
    expect(t.hops.find((h) => h.kind === 'dnat')!.packet.dst).toBe(want.split(':')[0]);
  });
});
