import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER, DEFAULT_DESIGNS } from '../core/model/scenario';
import { loadScenario } from './load';
import { buildPreset } from './presets/registry';

const S = buildPreset('s');

describe('loadScenario', () => {
  it('returns a valid scenario unchanged, from an object or JSON text', () => {
    expect(loadScenario(S)).toEqual({ ok: true, scenario: S, warnings: [] });
    expect(loadScenario(JSON.stringify(buildPreset('service')))).toEqual({
      ok: true,
      scenario: buildPreset('service'),
      warnings: [],
    });
  });

  it('fills missing settings and collections with the defaults', () => {
    const r = loadScenario({ version: 1, cluster: { mtu: 9000 }, pods: S.pods });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.cluster).toEqual({ ...DEFAULT_CLUSTER, mtu: 9000 });
    expect(r.scenario.designs).toEqual(DEFAULT_DESIGNS);
    expect(r.scenario.pods).toEqual(S.pods);
    expect(r.scenario.services).toEqual([]);
  });

  it('drops unknown fields with a warning naming their path', () => {
    const doc = structuredClone(S) as unknown as { pods: Record<string, unknown>[] };
    doc.pods[0]!.spec = { ...(doc.pods[0]!.spec as object), restartPolicy: 'Always' };
    const r = loadScenario(doc);
    expect(r.ok && r.scenario).toEqual(S);
    expect(r.warnings).toEqual([
      {
        path: '$.pods[0].spec.restartPolicy',
        code: 'UNKNOWN_FIELD',
        message: 'unknown field restartPolicy was ignored',
        say: { key: 'shape.unknownField', args: { field: 'restartPolicy' } },
      },
    ]);
  });

  it('reports every structural error with its JSON path', () => {
    const doc = structuredClone(S) as unknown as Record<string, unknown> & {
      pods: { spec: Record<string, unknown> }[];
    };
    (doc.pods[1]!.spec.containers as { ports: { containerPort: unknown }[] }[])[0]!.ports[0]!.containerPort =
      '8080';
    doc.pods[2]!.spec.containers = undefined;
    doc.designs = { intra: 'calico' };
    doc.services = [
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'x', labels: { 'app.kubernetes.io/name': 1 } },
        spec: {},
      },
    ];
    const r = loadScenario(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.path, e.code])).toEqual([
      ['$.designs.intra', 'ENUM'],
      ['$.pods[1].spec.containers[0].ports[0].containerPort', 'TYPE'],
      ['$.pods[2].spec.containers', 'REQUIRED'],
      ['$.services[0].metadata.labels["app.kubernetes.io/name"]', 'TYPE'],
    ]);
  });

  it('checks ranges and enums of the Kubernetes API', () => {
    const svc = (spec: object) => ({
      version: 1,
      services: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec }],
    });
    expect(loadScenario(svc({ ports: [{ port: 70000 }] }))).toMatchObject({
      ok: false,
      errors: [{ code: 'RANGE' }],
    });
    expect(loadScenario(svc({ type: 'Internal' }))).toMatchObject({ ok: false, errors: [{ code: 'ENUM' }] });
    expect(loadScenario(svc({ ports: [{ port: 80, targetPort: 'http' }] })).ok).toBe(true);
    expect(
      loadScenario({
        version: 1,
        pods: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'p' }, spec: { containers: [] } }],
      }),
    ).toMatchObject({ ok: false, errors: [{ path: '$.pods[0].kind', code: 'ENUM' }] });
  });

  it('refuses non-objects, bad JSON and future versions; reads an unversioned file as v1', () => {
    expect(loadScenario('{oops')).toMatchObject({ ok: false, errors: [{ code: 'PARSE' }] });
    expect(loadScenario([S])).toMatchObject({ ok: false, errors: [{ path: '$', code: 'TYPE' }] });
    expect(loadScenario(null)).toMatchObject({ ok: false });
    expect(loadScenario({ ...S, version: 2 })).toMatchObject({
      ok: false,
      errors: [{ path: '$.version', code: 'FUTURE_VERSION' }],
    });
    const { version: _v, ...unversioned } = S;
    expect(loadScenario(unversioned)).toMatchObject({
      ok: true,
      scenario: S,
      warnings: [{ path: '$.version' }],
    });
  });

  it('ignores a __proto__ key in label maps instead of changing the prototype', () => {
    const doc = JSON.parse(
      JSON.stringify(S).replace(
        '"labels":{"kubernetes.io/hostname"',
        '"labels":{"__proto__":{"x":1},"kubernetes.io/hostname"',
      ),
    );
    const r = loadScenario(doc);
    expect(r.ok && Object.getPrototypeOf(r.scenario.nodes[0]!.metadata.labels)).toBe(Object.prototype);
    expect(r.warnings[0]?.code).toBe('UNKNOWN_FIELD');
  });
});
