import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cidr } from '../../net/cidr';
import { ipv4, type Ipv4 } from '../../net/ipv4';
import type { Protocol } from '../../model/k8s';
import { ep, port, stateOf } from '../testing/state';
import { IPSET_INFO } from './ipsets';
import { setHasMembers } from './members';
import { programIpvs } from './program';
import { compilePort, sharedIpvs } from './shared';
import type { IpvsPort } from './types';

/** Random Service ports with every feature that puts entries in an ipset. */
const portsArb = fc.array(
  fc.record({
    protocol: fc.constantFrom<Protocol>('TCP', 'UDP', 'SCTP'),
    nodePort: fc.constantFrom(0, 30080, 30443),
    external: fc.boolean(),
    lb: fc.boolean(),
    sourceRange: fc.constantFrom(null, '192.168.1.0/24', '203.0.113.0/24'),
    local: fc.boolean(),
    healthCheck: fc.boolean(),
    endpointNodes: fc.array(fc.constantFrom<string | null>('node1', 'node2', null), { maxLength: 3 }),
  }),
  { maxLength: 6 },
);

describe('IPVS: which ipsets have members on a node', () => {
  it('setHasMembers agrees with listing every member, on every node, with and without NodePort addresses', () => {
    fc.assert(
      fc.property(portsArb, fc.boolean(), (specs, withAddresses) => {
        const ports = specs.map((x, i) =>
          port(
            `default/s${i}:p`,
            `172.30.0.${i + 10}`,
            80 + i,
            x.endpointNodes.map((n, j) => ep(`10.244.${j}.${i + 2}:8080`, n)),
            {
              protocol: x.protocol,
              nodePort: x.nodePort,
              externalIPs: x.external ? [ipv4(`198.51.100.${i + 1}`)] : [],
              loadBalancerIPs: x.lb ? [ipv4(`203.0.113.${i + 1}`)] : [],
              loadBalancerSourceRanges: x.lb && x.sourceRange ? [cidr(x.sourceRange)] : [],
              externalTrafficPolicy: x.local ? 'Local' : 'Cluster',
              healthCheckNodePort: x.local && x.healthCheck ? 32000 + i : 0,
            },
          ),
        );
        const state = stateOf(ports);
        const s = sharedIpvs(state);
        for (const nodeIndex of [0, 1]) {
          const nodeName = state.nodeNames[nodeIndex]!;
          const nodeIp = state.nodeIps[nodeIndex]!;
          const addresses: Ipv4[] = withAddresses ? [nodeIp] : [];
          const host = { addresses: () => addresses.map((ip) => ({ ip, dev: 'eth0' })) };
          const listed = programIpvs(state, nodeIndex, host as never).ipsets;
          const localPorts = new Map<number, IpvsPort>();
          state.ports.forEach((sp, i) => {
            if (!s.ports[i]) localPorts.set(i, compilePort(sp, nodeName));
          });
          const has = setHasMembers(state, nodeName, nodeIp, () => addresses, localPorts);
          for (const { name } of IPSET_INFO)
            expect(has(name), `${name} on ${nodeName}`).toBe(listed.get(name)!.length > 0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
