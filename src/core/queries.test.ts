import { describe, expect, it } from 'vitest';
import { buildEngine, engineTrace } from './engine';
import { engineMatrix, engineReach, engineResolve } from './queries';
import { smallScenario } from '../scenario/presets/small';
import { formatIpv4 } from './net/ipv4';
import type { K8sNetworkPolicy } from './model/k8s';

const denyToDb: K8sNetworkPolicy = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'db-from-backend', namespace: 'default' },
  spec: {
    podSelector: { matchLabels: { app: 'db' } },
    ingress: [{ from: [{ podSelector: { matchLabels: { app: 'backend' } } }], ports: [{ port: 5432 }] }],
  },
};

describe('engine queries', () => {
  it('resolve walks the search list and answers with the ClusterIP', () => {
    const { engine } = buildEngine(smallScenario());
    const r = engineResolve(engine!, 'default/client', 'backend.default')!;
    expect(r.tried.map((t) => [t.name, t.rcode])).toEqual([
      ['backend.default.default.svc.cluster.local.', 'NXDOMAIN'],
      ['backend.default.svc.cluster.local.', 'NOERROR'],
    ]);
    const svc = engine!.services.services.find((s) => s.name === 'backend')!;
    expect(r.answers.map((a) => a.data)).toEqual([formatIpv4(svc.clusterIP!)]);
    expect(r.resolvConf).toContain('search default.svc.cluster.local svc.cluster.local cluster.local');
  });

  it('reach and the matrix agree with traces: the policy closes db to everyone but backend (and itself)', () => {
    const s = smallScenario();
    s.networkPolicies = [denyToDb];
    const { engine } = buildEngine(s);
    const probes = engineReach(engine!, [{ port: 5432, protocol: 'TCP' }]).probes.filter(
      (p) => p.to === 'default/db-0',
    );
    expect(
      probes
        .filter((p) => p.allowed)
        .map((p) => p.from)
        .sort(),
    ).toEqual(['default/backend-1', 'default/backend-2', 'default/db-0']);
    const m = engineMatrix(engine!, 5432, 'TCP');
    const n = m.pods.length;
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        const bit = r * n + c;
        const allowed = (m.bits[bit >> 3]! & (1 << (bit & 7))) !== 0;
        const t = engineTrace(engine!, { from: m.pods[r]!, to: m.pods[c]!, port: 5432, protocol: 'TCP' });
        expect(t.verdict === 'delivered', `${m.pods[r]} -> ${m.pods[c]}: ${t.hops.at(-1)?.explain}`).toBe(
          allowed,
        );
        if (!allowed) expect(t.reason).toBe('POLICY_DENIED');
      }
    }
  });

  it('a Service whose Pods deny the client: DNS resolves, the ClusterIP is translated, the packet dies at the Pod', () => {
    const s = smallScenario();
    s.networkPolicies = [denyToDb];
    s.services.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'db-rw', namespace: 'default' },
      spec: { selector: { app: 'db' }, ports: [{ port: 5432, targetPort: 5432 }] },
    });
    const { engine } = buildEngine(s);
    const t = engineTrace(engine!, { from: 'default/client', to: 'db-rw', port: 5432, protocol: 'TCP' });
    const kinds = t.hops.map((h) => h.kind);
    expect(kinds).toContain('dns');
    expect(kinds).toContain('dnat');
    expect(t).toMatchObject({ verdict: 'dropped', reason: 'POLICY_DENIED' });
    expect(t.hops.at(-1)!.explain).toMatch(/isolated for ingress by default\/db-from-backend/);
  });
});
