import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEngine, engineTrace } from '../../core/engine';
import { emptyScenario } from '../../core/model/scenario';
import { formatIpv4 } from '../../core/net/ipv4';
import { importYaml } from './import';
import { sayText } from './messages';
import { formatIssue } from './types';

const fixture = (name: string): string => readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8');
const empty = emptyScenario;

function eks() {
  const r = importYaml(fixture('eks.yaml'), empty());
  expect(r.errors.map(formatIssue)).toEqual([]);
  return { scenario: r.scenario!, inferred: r.inferred.map(sayText), keys: r.inferred.map((s) => s.key) };
}

describe('an EKS dump: Pods on the node network (AWS VPC CNI)', () => {
  it('infers the VPC-native design, one network for nodes and Pods, and says so', () => {
    const { scenario, inferred, keys } = eks();
    expect(scenario.designs).toMatchObject({ intra: 'vpc', inter: 'routing' });
    expect(scenario.cluster).toMatchObject({
      underlayCidr: '10.0.0.0/16',
      podCidr: '10.0.0.0/16',
      nodeCidrMaskSize: 16,
      serviceCidr: '172.20.0.0/16',
      clusterDomain: 'cluster.local',
    });
    expect(inferred[0]).toMatch(
      /^Pods on the node network 10\.0\.0\.0\/16 \(gateway 10\.0\.0\.1\): no Node has spec\.podCIDR and the IPs of 5 Pods share 10\.0\.0\.0\/22 with the InternalIPs of Nodes ip-10-0-1-25\.ec2\.internal/,
    );
    expect(inferred).toContain(
      'Node ip-10-0-1-25.ec2.internal holds the IPs of 2 Pods, 10.0.1.104 to 10.0.1.188 (no Pod CIDR block).',
    );
    expect(keys).toContain('import.plan.domain.corefile');
    expect(keys).not.toContain('import.plan.nodeBlock');
  });

  it('keeps every Pod IP; the nodes have no routes for Pods but /32s to their own eni veths', () => {
    const { scenario } = eks();
    const { engine, problems } = buildEngine(scenario);
    expect(problems).toEqual([]);
    const c = engine!.cluster;
    const ipOf = (key: string) => formatIpv4(c.pods[c.podByKey.get(key)!]!.ip);
    expect(ipOf('default/client')).toBe('10.0.3.19');
    expect(ipOf('kube-system/aws-node-7xk2p')).toBe('10.0.1.25');
    const node1 = engine!.world.nodeNetns(0);
    const routes = node1.routes
      .entries()
      .map((r) => `${r.dst ? `${formatIpv4(r.dst.base)}/${r.dst.prefix}` : 'default'} ${r.dev}`);
    expect(routes.some((r) => /^10\.0\.1\.188\/32 eni[0-9a-f]{11}$/.test(r))).toBe(true);
    expect(routes.some((r) => r.startsWith('10.0.2.33'))).toBe(false);
    const pod = engine!.world.podNetns(c.podByKey.get('default/client')!);
    expect(pod.addresses.find((a) => a.dev === 'eth0')).toMatchObject({ prefix: 32 });
    expect(pod.neighbors.entries()).toEqual([
      expect.objectContaining({ ip: 0xa9fe0101, dev: 'eth0', state: 'PERMANENT' }),
    ]);
  });

  it('traces Pod → Pod across nodes from the modelled state: the Pod IP leaves eth0 and the VPC delivers it', () => {
    const { engine } = buildEngine(eks().scenario);
    const t = engineTrace(engine!, {
      from: 'default/client',
      to: 'default/web-6d4f8b9c7-h2kxm',
      protocol: 'TCP',
      port: 80,
    });
    expect(t.verdict).toBe('delivered');
    const wire = t.hops.find((h) => h.kind === 'underlay')!;
    expect(wire.say.key).toBe('hop.underlay.fabric');
    expect(wire.packet.src).toBe('10.0.3.19');
    expect(wire.packet.dst).toBe('10.0.1.188');
    expect(wire.outer).toBeNull();
    expect(t.hops.some((h) => h.kind === 'encap')).toBe(false);
  });
});
