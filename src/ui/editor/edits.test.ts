import { describe, expect, it } from 'vitest';
import { smallScenario } from '../../scenario/presets/small';
import {
  formatLabels,
  formatPorts,
  isDnsLabel,
  isDnsSubdomain,
  parseLabels,
  parsePorts,
  removeNamespace,
  removeNode,
  renameNamespace,
  renameNode,
  updatePod,
  podFields,
} from './edits';

describe('editor edits', () => {
  it('renaming a node moves its Pods and its hostname label', () => {
    const s = renameNode('node-2', 'worker-b')(smallScenario());
    expect(s.nodes.map((n) => n.metadata.name)).toEqual(['node-1', 'worker-b', 'node-3']);
    expect(s.nodes[1]!.metadata.labels?.['kubernetes.io/hostname']).toBe('worker-b');
    const onB = s.pods.filter((p) => p.spec.nodeName === 'worker-b').map((p) => p.metadata.name);
    expect(onB).toEqual(['frontend-2', 'backend-1']);
    expect(s.pods.some((p) => p.spec.nodeName === 'node-2')).toBe(false);
  });

  it('removing a node removes the Pods bound to it (podgc)', () => {
    const s = removeNode('node-3')(smallScenario());
    expect(s.pods.map((p) => p.metadata.name)).not.toContain('db-0');
    expect(s.pods).toHaveLength(4);
  });

  it('renaming and removing a namespace carries every namespaced object', () => {
    const renamed = renameNamespace('default', 'shop')(smallScenario());
    expect(new Set(renamed.pods.map((p) => p.metadata.namespace))).toEqual(new Set(['shop']));
    expect(renamed.services.every((x) => x.metadata.namespace === 'shop')).toBe(true);
    const removed = removeNamespace('default')(smallScenario());
    expect(removed.pods).toEqual([]);
    expect(removed.services).toEqual([]);
    expect(removed.namespaces.map((n) => n.metadata.name)).toEqual(['kube-system']);
  });

  it('moving a Pod to another node drops its fixed IP; ports and labels round-trip through text', () => {
    const base = smallScenario();
    base.pods[0]!.status = { podIP: '10.244.0.7', phase: 'Running' };
    const f = podFields(base.pods[0]!);
    const s = updatePod('default', 'client', { ...f, node: 'node-3' })(base);
    expect(s.pods[0]!.spec.nodeName).toBe('node-3');
    expect(s.pods[0]!.status).toEqual({ phase: 'Running' });
    const ports = parsePorts('http:8080, 53/udp, 9090')!;
    expect(ports).toEqual([
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
      { containerPort: 53, protocol: 'UDP' },
      { containerPort: 9090, protocol: 'TCP' },
    ]);
    expect(parsePorts(formatPorts(ports))).toEqual(ports);
    expect(parsePorts('70000')).toBeNull();
    expect(parseLabels('app=web, tier=')).toEqual({ app: 'web', tier: '' });
    expect(parseLabels(formatLabels({ 'app.kubernetes.io/name': 'x' }))).toEqual({
      'app.kubernetes.io/name': 'x',
    });
    expect(parseLabels('no-equals')).toBeNull();
  });

  it('checks names the way Kubernetes does (RFC 1123)', () => {
    expect(isDnsLabel('kube-system')).toBe(true);
    expect(isDnsLabel('Bad_Name')).toBe(false);
    expect(isDnsLabel('-x')).toBe(false);
    expect(isDnsLabel('a'.repeat(64))).toBe(false);
    expect(isDnsSubdomain('node-1.example')).toBe(true);
    expect(isDnsSubdomain('a..b')).toBe(false);
  });
});
