import { describe, expect, it } from 'vitest';
import type { K8sNetworkPolicy } from '../../core/model/k8s';
import { smallScenario } from '../../scenario/presets/small';
import { isLabelKey, isLabelValue, policyKeyOf, removePolicy, setPodLabel, upsertPolicy } from './edits';
import { emptyForm, formToPolicy, labelListErrors, parseLabelList, policyToForm } from './policyForm';

const policy = (name: string, spec: K8sNetworkPolicy['spec']): K8sNetworkPolicy => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, namespace: 'prod' },
  spec,
});

describe('policy form', () => {
  it('round-trips every peer kind and port form', () => {
    const p = policy('mixed', {
      podSelector: { matchLabels: { app: 'db' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        {
          from: [
            { podSelector: { matchLabels: { app: 'api' } } },
            { namespaceSelector: { matchLabels: { team: 'a' } } },
            { namespaceSelector: {}, podSelector: { matchLabels: { role: 'mon' } } },
            { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.0.0/16'] } },
          ],
          ports: [
            { protocol: 'TCP', port: 5432 },
            { protocol: 'UDP', port: 'dns' },
            { protocol: 'TCP', port: 8000, endPort: 8100 },
          ],
        },
      ],
      egress: [{}],
    });
    const { form, exact } = policyToForm(p);
    expect(exact).toBe(true);
    expect(form.ingress[0]!.peers.map((x) => x.kind)).toEqual([
      'pods',
      'namespaces',
      'podsInNamespaces',
      'ipBlock',
    ]);
    expect(formToPolicy(form)).toEqual(p);
  });

  it('marks a policy with matchExpressions as YAML-only', () => {
    const p = policy('expr', {
      podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['a', 'b'] }] },
    });
    expect(policyToForm(p).exact).toBe(false);
  });

  it('passes typos on for the validator and flags malformed label lists by path', () => {
    const f = { ...emptyForm(), name: 'x', podSelector: 'app' };
    f.ingress = [
      { peers: [{ kind: 'pods', pods: 'a=1, b', namespaces: '', cidr: '', except: '' }], ports: [] },
    ];
    f.ingress[0]!.ports.push({ port: 'http', endPort: 'ten', protocol: 'TCP' });
    expect(labelListErrors(f)).toEqual(['spec.podSelector', 'spec.ingress[0].from[0].podSelector']);
    expect(formToPolicy(f).spec.ingress![0]!.ports).toEqual([
      { protocol: 'TCP', port: 'http', endPort: 'ten' },
    ]);
    expect(parseLabelList(' a = 1 ,, b=2 ')).toEqual({ a: '1', b: '2' });
    // No policyType ticked: the field is left out so the API default applies.
    expect(formToPolicy({ ...f, ingressType: false }).spec.policyTypes).toBeUndefined();
  });
});

describe('policy editor edits', () => {
  it('adds, renames in place and removes policies; sets and removes Pod labels', () => {
    const a = policy('a', { podSelector: {} });
    const b = policy('b', { podSelector: {} });
    let s = upsertPolicy(b)(upsertPolicy(a)(smallScenario()));
    expect(s.networkPolicies.map(policyKeyOf)).toEqual(['prod/a', 'prod/b']);
    s = upsertPolicy({ ...a, metadata: { ...a.metadata, name: 'a2' } }, 'prod/a')(s);
    expect(s.networkPolicies.map(policyKeyOf)).toEqual(['prod/a2', 'prod/b']);
    s = removePolicy('prod/b')(s);
    expect(s.networkPolicies.map(policyKeyOf)).toEqual(['prod/a2']);

    s = setPodLabel('default/db-0', 'locked', 'yes')(s);
    expect(s.pods.find((p) => p.metadata.name === 'db-0')!.metadata.labels).toMatchObject({
      locked: 'yes',
      app: 'db',
    });
    s = setPodLabel('default/db-0', 'app', null)(s);
    expect(s.pods.find((p) => p.metadata.name === 'db-0')!.metadata.labels).toEqual({
      tier: 'data',
      locked: 'yes',
    });
  });

  it('checks label syntax as apimachinery does', () => {
    expect(['app', 'app.kubernetes.io/name', 'a_b-c.d', 'x'.repeat(63)].every(isLabelKey)).toBe(true);
    expect(['', '-a', 'a-', 'Bad/x', 'a b', 'x'.repeat(64), 'p/'].some(isLabelKey)).toBe(false);
    expect(isLabelValue('')).toBe(true);
    expect(isLabelValue('v1.2')).toBe(true);
    expect(isLabelValue('no spaces')).toBe(false);
  });
});
