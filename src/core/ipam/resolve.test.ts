import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolveCluster } from './resolve';
import { cidrContains, formatCidr } from '../net/cidr';
import { formatIpv4 } from '../net/ipv4';
import { smallScenario, makeNode, makePod } from '../../scenario/presets/small';
import { arbScenario } from '../testing/arbitraries';
import type { Scenario } from '../model/scenario';

const bridge = { firstPodOffset: 2 };
const routed = { firstPodOffset: 1 };

function resolve(s: Scenario, addressing = bridge) {
  return resolveCluster(s, addressing);
}

describe('IPAM', () => {
  it('gives nodes Pod CIDRs in order and Node IPs from .10', () => {
    const { cluster } = resolve(smallScenario());
    expect(cluster!.nodes.map((n) => [n.name, formatIpv4(n.ip), formatCidr(n.podCidr)])).toEqual([
      ['node-1', '192.168.1.10', '10.244.0.0/24'],
      ['node-2', '192.168.1.11', '10.244.1.0/24'],
      ['node-3', '192.168.1.12', '10.244.2.0/24'],
    ]);
  });

  it('hands Pods addresses like host-local: .2 onwards behind a bridge gateway, .1 onwards without one', () => {
    const s = smallScenario();
    const ips = (a: { firstPodOffset: number }) =>
      resolve(s, a)
        .cluster!.pods.filter((p) => p.nodeIndex === 0)
        .map((p) => formatIpv4(p.ip));
    expect(ips(bridge)).toEqual(['10.244.0.2', '10.244.0.3']);
    expect(ips(routed)).toEqual(['10.244.0.1', '10.244.0.2']);
  });

  it('keeps podCIDRs and Pod IPs given in the manifests and allocates around them', () => {
    const s = smallScenario();
    s.nodes[0]!.spec = { podCIDR: '10.244.1.0/24' };
    s.pods[0]!.status = { podIP: '10.244.1.2' };
    const { cluster, problems } = resolve(s);
    expect(problems).toEqual([]);
    expect(cluster!.nodes.map((n) => formatCidr(n.podCidr))).toEqual([
      '10.244.1.0/24',
      '10.244.0.0/24',
      '10.244.2.0/24',
    ]);
    expect(cluster!.pods.filter((p) => p.nodeIndex === 0).map((p) => formatIpv4(p.ip))).toEqual([
      '10.244.1.2',
      '10.244.1.3',
    ]);
  });

  it('reports every problem with its path', () => {
    const s = smallScenario();
    s.cluster.serviceCidr = '10.244.128.0/17';
    s.cluster.podCidr = '10.244.0.0/16';
    expect(resolve(s).problems).toEqual([
      expect.objectContaining({ code: 'CIDR_OVERLAP', path: 'cluster.serviceCidr' }),
    ]);
    const t = smallScenario();
    t.cluster.podCidr = '10.244.0.1/16';
    t.cluster.underlayGateway = 'nope';
    expect(resolve(t).problems.map((p) => [p.code, p.path])).toEqual([
      ['INVALID_CIDR', 'cluster.podCidr'],
      ['INVALID_IP', 'cluster.underlayGateway'],
    ]);
  });

  it('rejects duplicates, unknown nodes and Pod IPs outside their node range', () => {
    const s = smallScenario();
    s.nodes.push(makeNode('node-1'));
    expect(resolve(s).problems[0]).toMatchObject({ code: 'DUPLICATE_NAME', path: 'nodes[3].metadata.name' });

    const t = smallScenario();
    t.pods.push(makePod('default', 'client', 'node-2', {}));
    t.pods.push(makePod('default', 'ghost', 'node-9', {}));
    t.pods[1]!.status = { podIP: '10.244.2.7' };
    expect(resolve(t).problems.map((p) => [p.code, p.path])).toEqual([
      ['POD_IP_OUTSIDE_NODE_RANGE', 'pods[1].status.podIP'],
      ['DUPLICATE_NAME', 'pods[6].metadata.name'],
      ['UNKNOWN_NODE', 'pods[7].spec.nodeName'],
    ]);
    // The CLI's English sentence is unchanged; the page translates the key and args.
    expect(resolve(t).problems[1]).toMatchObject({
      message: 'Pod default/client appears twice',
      say: { key: 'problem.pod.duplicate', args: { pod: 'default/client' } },
    });

    const u = smallScenario();
    u.pods[1]!.status = { podIP: '10.244.0.9' };
    u.pods[0]!.status = { podIP: '10.244.0.9' };
    expect(resolve(u).problems[0]).toMatchObject({ code: 'DUPLICATE_IP', path: 'pods[1].status.podIP' });
  });

  const vpc = { firstPodOffset: 4, fromNodeNetwork: true };

  it('VPC-native: every node draws Pod IPs from the one node subnet, around node IPs and the gateway', () => {
    // A reference allocator: each Pod without an address takes the lowest free one from the first
    // usable address up, in Pod order; node IPs, the gateway and given Pod IPs are never free.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 20, max: 200 }), { maxLength: 4 }),
        (perNode, givenHosts) => {
          const s = smallScenario();
          s.cluster.underlayCidr = '172.20.0.0/24';
          s.cluster.underlayGateway = '172.20.0.1';
          s.nodes = perNode.map((_, i) => makeNode(`n${i}`));
          s.pods = perNode.flatMap((count, i) =>
            Array.from({ length: count }, (_, j) => makePod('default', `p${i}-${j}`, `n${i}`, {})),
          );
          s.services = [];
          const given = [...new Set(givenHosts)].slice(0, s.pods.length);
          given.forEach(
            (host, k) => (s.pods[k * 2 < s.pods.length ? k * 2 : k]!.status = { podIP: `172.20.0.${host}` }),
          );
          const { cluster, problems } = resolve(s, vpc);
          expect(problems).toEqual([]);
          const taken = new Set<string>(['172.20.0.1', ...cluster!.nodes.map((n) => formatIpv4(n.ip))]);
          for (const p of s.pods) if (p.status?.podIP) taken.add(p.status.podIP);
          const expected = s.pods.map((p) => {
            if (p.status?.podIP) return p.status.podIP;
            let host = 4;
            while (taken.has(`172.20.0.${host}`)) host++;
            taken.add(`172.20.0.${host}`);
            return `172.20.0.${host}`;
          });
          expect(cluster!.pods.map((p) => formatIpv4(p.ip))).toEqual(expected);
        },
      ),
    );
  });

  it('VPC-native: a full node subnet is named as the node subnet, not a node Pod CIDR', () => {
    const s = smallScenario();
    s.cluster.underlayCidr = '172.20.0.0/28'; // .1–.14: gateway .1, nodes .10–.12, Pods from .4
    s.cluster.underlayGateway = '172.20.0.1';
    s.pods = Array.from({ length: 9 }, (_, j) => makePod('default', `p${j}`, 'node-1', {}));
    const { problems } = resolve(s, vpc);
    expect(problems[0]).toMatchObject({
      code: 'RANGE_EXHAUSTED',
      path: 'pods[8]',
      say: { key: 'problem.podIP.subnetExhausted', args: { range: '172.20.0.0/28', pod: 'default/p8' } },
    });
    expect(problems[0]!.message).toContain('the node subnet 172.20.0.0/28 has no free address left');
  });

  it('says when a node range or the cluster CIDR is exhausted', () => {
    const s = smallScenario();
    s.cluster.nodeCidrMaskSize = 30; // a /30 holds .1 and .2 for Pods; the bridge gateway takes .1
    const r = resolve(s);
    expect(
      r.problems.some((p) => p.code === 'RANGE_EXHAUSTED' && p.message.includes('no free address')),
    ).toBe(true);
    const t = smallScenario();
    t.cluster.podCidr = '10.244.0.0/23';
    expect(resolve(t).problems).toEqual([
      expect.objectContaining({ code: 'RANGE_EXHAUSTED', path: 'nodes[2]' }),
    ]);
  });

  it('property: every Pod gets one unique IP inside its node Pod CIDR, and node CIDRs are disjoint', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const { cluster, problems } = resolve(s, { firstPodOffset: s.designs.intra === 'routed' ? 1 : 2 });
        expect(problems).toEqual([]);
        const seen = new Set<number>();
        for (const p of cluster!.pods) {
          expect(seen.has(p.ip)).toBe(false);
          seen.add(p.ip);
          expect(cidrContains(cluster!.nodes[p.nodeIndex]!.podCidr, p.ip)).toBe(true);
        }
        const bases = new Set(cluster!.nodes.map((n) => n.podCidr.base));
        expect(bases.size).toBe(cluster!.nodes.length);
      }),
    );
  });
});
