import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ipv4, type Ipv4 } from '../net/ipv4';
import type { Protocol } from '../model/k8s';
import { buildServiceState } from './control-plane/build';
import { addressedPort, serviceNamed, serviceOwning, serviceWithClusterIP } from './lookup';
import { clusterOf, smallWithServices, svc } from './testing/fixture';
import { port, stateOf } from './testing/state';
import type { ServicePortState } from './types';

/** The scan the index replaced: the first port, in order, that the packet addresses. */
function scan(
  ports: ServicePortState[],
  protocol: Protocol,
  dst: Ipv4,
  dstPort: number,
  isLocal: (ip: Ipv4) => boolean,
): ServicePortState | undefined {
  return ports.find(
    (p) =>
      p.protocol === protocol &&
      ((p.clusterIP === dst && p.port === dstPort) ||
        ((p.loadBalancerIPs.includes(dst) || p.externalIPs.includes(dst)) && p.port === dstPort) ||
        (p.nodePort === dstPort && p.nodePort > 0 && isLocal(dst))),
  );
}

describe('Service lookups', () => {
  it('addressedPort finds the port a scan in order finds, VIPs and NodePorts shared on purpose', () => {
    // few addresses and ports, so that ports share VIPs, NodePorts and port numbers
    const ip = fc.constantFrom('10.96.0.10', '10.96.0.11', '198.51.100.1', '192.168.1.10');
    const arb = fc.array(
      fc.record({
        clusterIP: ip,
        port: fc.constantFrom(80, 443, 30080),
        protocol: fc.constantFrom<Protocol>('TCP', 'UDP'),
        nodePort: fc.constantFrom(0, 30080),
        external: fc.option(ip, { nil: undefined }),
        lb: fc.option(ip, { nil: undefined }),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const ports = specs.map((x, i) =>
          port(`default/s${i}:p`, x.clusterIP, x.port, [], {
            protocol: x.protocol,
            nodePort: x.nodePort,
            externalIPs: x.external ? [ipv4(x.external)] : [],
            loadBalancerIPs: x.lb ? [ipv4(x.lb)] : [],
          }),
        );
        const state = stateOf(ports);
        const isLocal = (a: Ipv4) => a === ipv4('192.168.1.10');
        for (const dst of ['10.96.0.10', '10.96.0.11', '198.51.100.1', '192.168.1.10', '10.0.0.1'])
          for (const dstPort of [80, 443, 30080])
            for (const protocol of ['TCP', 'UDP'] as const)
              expect(addressedPort(state, protocol, ipv4(dst), dstPort, isLocal)).toBe(
                scan(ports, protocol, ipv4(dst), dstPort, isLocal),
              );
      }),
    );
  });

  it('finds every Service by name and by the addresses it owns, ClusterIP alone for PTR', () => {
    const state = buildServiceState(
      clusterOf(
        smallWithServices([
          svc('default', 'ext', { app: 'frontend' }, [{ name: 'http', port: 80 }], {
            externalIPs: ['198.51.100.7'],
          }),
        ]),
      ),
    );
    expect(state.services.length).toBeGreaterThan(5);
    for (const s of state.services) {
      expect(serviceNamed(state, s.namespace, s.name)).toBe(s);
      if (s.clusterIP !== null) {
        expect(serviceOwning(state, s.clusterIP)).toBe(s);
        expect(serviceWithClusterIP(state, s.clusterIP)).toBe(s);
      }
    }
    const ext = serviceNamed(state, 'default', 'ext')!;
    expect(serviceOwning(state, ipv4('198.51.100.7'))).toBe(ext);
    expect(serviceWithClusterIP(state, ipv4('198.51.100.7'))).toBeUndefined();
    expect(serviceNamed(state, 'default', 'missing')).toBeUndefined();
  });
});
