import { describe, expect, it } from 'vitest';
import { smallScenario } from '../scenario/presets/small';
import { createSimApi } from '../worker/sim.worker';
import { createSimClient } from '../worker/client';
import { createAppStore } from './createAppStore';

const DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
  namespace: default
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

const bit = (bits: Uint8Array, b: number) => (bits[b >> 3]! & (1 << (b & 7))) !== 0;

describe('policy and YAML calls of the simulator', () => {
  it('imports a default-deny policy by merge, and the matrix turns the default namespace red', async () => {
    const api = createSimApi();
    await api.load(smallScenario());
    const before = await api.matrix(9090, 'TCP', { namespace: 'default' });
    const n = before.pods.length;
    expect(before.allowedCount).toBe(n * n);
    expect(before.ports).toContainEqual({ port: 9090, protocol: 'TCP' });

    const r = await api.importYaml(DENY, 'merge');
    expect(r.errors).toEqual([]);
    expect(r.scenario!.pods.length).toBe(smallScenario().pods.length);
    expect((await api.load(r.scenario!)).topology).not.toBeNull();
    const after = await api.matrix(9090, 'TCP', { namespace: 'default' });
    // Only a Pod reaching itself (loopback) stays allowed.
    expect(after.allowedCount).toBe(n);
    for (let i = 0; i < n; i++) expect(bit(after.bits, i * n + i)).toBe(true);
    expect(after.summary[0]!.ingressBy).toEqual(['default/default-deny-ingress']);
    expect(after.summary[0]!.egressBy).toEqual([]);
    expect(after.summary.every((s) => s.allowedIn === 0)).toBe(true);
    expect(await api.exportYaml()).toContain('name: default-deny-ingress');
  });

  it('reports a malformed document with its line and builds no scenario', async () => {
    const api = createSimApi();
    await api.load(smallScenario());
    const r = await api.importYaml('apiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n', 'replace');
    expect(r.scenario).toBeUndefined();
    expect(r.errors[0]).toMatchObject({ document: 1 });
    expect(r.errors[0]!.line).toBeGreaterThan(0);
    expect(r.errors[0]!.message).toMatch(/malformed YAML/);
  });

  it('checks one policy: a bad CIDR and a non-numeric endPort are named by field path', async () => {
    const api = createSimApi();
    const bad = await api.checkPolicy({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'p', namespace: 'default' },
      spec: {
        podSelector: {},
        ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/33' } }], ports: [{ port: 80, endPort: 'x' }] }],
      },
    });
    expect(bad.policy).toBeNull();
    const paths = bad.errors.map((e) => e.path);
    expect(paths).toContain('spec.ingress[0].from[0].ipBlock.cidr');
    expect(paths).toContain('spec.ingress[0].ports[0].endPort');

    const ok = await api.parsePolicyYaml(DENY);
    expect(ok.errors).toEqual([]);
    expect(ok.policy?.spec.policyTypes).toEqual(['Ingress']);
    const two = await api.parsePolicyYaml(
      `${DENY}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n`,
    );
    expect(two.policy).toBeNull();
    expect(two.errors.at(-1)!.message).toMatch(/exactly one NetworkPolicy/);
  });

  it('the store imports through history, keeps the scenario on a bad document, and traces a denied cell', async () => {
    const store = createAppStore({ sim: createSimClient({ inThread: true }) });
    await store.getState().loadScenario(smallScenario());
    const before = store.getState().scenario;
    const bad = await store.getState().importYaml('kind: Pod\nmetadata: {name: x', 'replace');
    expect(bad.applied).toBe(false);
    expect(bad.errors.length).toBeGreaterThan(0);
    expect(store.getState().scenario).toBe(before);

    const ok = await store.getState().importYaml(DENY, 'merge');
    expect(ok).toMatchObject({ applied: true, errors: [] });
    expect(store.getState().scenario!.networkPolicies).toHaveLength(1);
    expect(store.getState().past).toEqual([before]);

    store.getState().setMatrixOptions({ port: 9090, protocol: 'TCP', namespace: 'default' });
    await store.getState().refreshMatrix();
    expect(store.getState().matrix!.allowedCount).toBe(store.getState().matrix!.pods.length);
    await store.getState().traceCell('default/client', 'default/backend-1');
    const trace = store.getState().trace!;
    expect(store.getState().probe).toMatchObject({
      from: 'default/client',
      to: 'default/backend-1',
      port: 9090,
    });
    expect(trace.verdict).toBe('dropped');
    expect(trace.reason).toBe('POLICY_DENIED');
    // The flow is dropped at the destination's veth, by the policy that isolates it.
    const last = trace.hops.at(-1)!;
    expect(last.say.key).toBe('hop.policy.denied');
    expect(last.say.args.policies).toBe('default/default-deny-ingress');
  });
});
