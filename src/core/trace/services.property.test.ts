import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildEngine, engineTrace, type Engine } from '../engine';
import { engineResolve } from '../queries';
import { formatIpv4 } from '../net/ipv4';
import type { K8sService } from '../model/k8s';
import type { ProxyMode, Scenario } from '../model/scenario';
import { arbScenario } from '../testing/arbitraries';
import { EXTERNAL_CLIENT } from './trace';

/**
 * Issue #3 properties over random clusters, every CNI design and every proxy mode: Services are
 * rules on every node, translated on the client's node, and reach a ready endpoint.
 */
const PROXIES: ProxyMode[] = ['iptables', 'ipvs', 'nftables', 'ebpf'];

/** A random cluster with Services selecting `app: a0|a1|a2` (some with no Pods), of every type. */
const arbWithServices = fc
  .record({
    s: arbScenario,
    proxy: fc.constantFrom(...PROXIES),
    types: fc.array(fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'headless'), {
      minLength: 1,
      maxLength: 3,
    }),
    local: fc.boolean(),
  })
  .map(({ s, proxy, types, local }): Scenario => {
    const services: K8sService[] = types.map((type, i) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `svc-${i}`, namespace: 'default' },
      spec: {
        ...(type === 'headless' ? { clusterIP: 'None' } : { type }),
        ...(type !== 'ClusterIP' && type !== 'headless' && local
          ? { externalTrafficPolicy: 'Local' as const }
          : {}),
        selector: { app: `a${i}` },
        ports: [{ name: 'web', port: 80, targetPort: 8080, protocol: 'TCP' }],
      },
    }));
    return { ...s, designs: { ...s.designs, proxy }, services };
  });

const engineOf = (s: Scenario): Engine => {
  const { engine, problems } = buildEngine(s);
  expect(problems).toEqual([]);
  return engine!;
};

const podKeyOfIp = (e: Engine, ip: string): string | undefined =>
  e.cluster.pods
    .map((p) => [formatIpv4(p.ip), `${p.namespace}/${p.name}`] as const)
    .find(([x]) => x === ip)?.[1];

describe('Services on the path (random clusters × designs × proxy modes)', () => {
  it('every Pod → ClusterIP trace is translated on the client’s node and ends at a ready endpoint', () => {
    fc.assert(
      fc.property(arbWithServices, (s) => {
        const e = engineOf(s);
        // The generated Services (the `kubernetes` Service's endpoint is the apiserver, not a Pod).
        for (const svc of e.services.services.filter((x) => x.name.startsWith('svc-') && !x.headless)) {
          const ready = new Set(svc.ports[0]!.endpoints.filter((ep) => ep.ready).map((ep) => ep.podKey));
          for (const client of e.cluster.pods.slice(0, 4)) {
            const from = `${client.namespace}/${client.name}`;
            const t = engineTrace(e, {
              from,
              to: `default/${svc.name}`,
              port: svc.ports[0]!.port,
              protocol: 'TCP',
            });
            if (ready.size === 0) {
              expect(t.verdict).toBe('dropped');
              expect(t.reason).toBe('NO_ENDPOINTS');
              continue;
            }
            expect(t.verdict, `${from} → ${svc.name}: ${t.hops.at(-1)?.explain}`).toBe('delivered');
            expect(ready.has(t.deliveredTo)).toBe(true);
            const dnat = t.hops.filter((h) => h.kind === 'dnat');
            expect(dnat).toHaveLength(1);
            // Translated before the packet leaves the client's node (in the Pod itself for the socket LB).
            const clientNode = `node/${e.cluster.nodes[client.nodeIndex]!.name}`;
            expect([clientNode, from]).toContain(dnat[0]!.netns);
            // The ClusterIP never travels between nodes.
            for (const h of t.hops.filter((x) => x.kind === 'underlay'))
              expect(h.packet.dst).not.toBe(formatIpv4(svc.clusterIP!));
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a NodePort answers on every node; Local policy keeps the client IP and drops where no endpoint is local', () => {
    fc.assert(
      fc.property(arbWithServices, (s) => {
        const e = engineOf(s);
        for (const svc of e.services.services.filter(
          (x) => x.type === 'NodePort' || x.type === 'LoadBalancer',
        )) {
          const sp = svc.ports[0]!;
          const ready = sp.endpoints.filter((ep) => ep.ready);
          for (const node of e.cluster.nodes) {
            const t = engineTrace(e, {
              from: 'external',
              to: `node/${node.name}`,
              port: sp.nodePort,
              protocol: 'TCP',
            });
            if (ready.length === 0) {
              expect(t.verdict).toBe('dropped');
              continue;
            }
            const localHere = ready.some((ep) => ep.nodeIndex === node.index);
            if (sp.externalTrafficPolicy === 'Local' && !localHere) {
              expect(t).toMatchObject({ verdict: 'dropped', reason: 'NO_LOCAL_ENDPOINTS' });
              continue;
            }
            expect(t.verdict, `${svc.name} via ${node.name}: ${t.hops.at(-1)?.explain}`).toBe('delivered');
            expect(ready.map((ep) => ep.podKey)).toContain(t.deliveredTo);
            const last = t.hops.at(-1)!;
            // Cilium's NodePort keeps the client address for a backend on the entry node whatever
            // the policy (bpf/lib/nodeport.h), and SNATs in eBPF, never with an iptables rule.
            const ebpf = e.world.designs.proxy === 'ebpf';
            const backendHere =
              e.cluster.podByKey.get(t.deliveredTo!) !== undefined &&
              e.cluster.pods[e.cluster.podByKey.get(t.deliveredTo!)!]!.nodeIndex === node.index;
            const snat = t.hops.find((h) => h.kind === 'snat');
            if (sp.externalTrafficPolicy === 'Local' || (ebpf && backendHere)) {
              expect(last.packet.src).toBe(formatIpv4(EXTERNAL_CLIENT));
              expect(snat).toBeUndefined();
            } else {
              expect(last.packet.src).not.toBe(formatIpv4(EXTERNAL_CLIENT));
              if (ebpf) expect(snat?.table).toBe('cilium_snat_v4_external');
              else expect(['nat', 'ip kube-proxy']).toContain(snat?.table);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a DNS answer is the Service’s ClusterIP, or its ready endpoints when headless', () => {
    fc.assert(
      fc.property(arbWithServices, (s) => {
        const e = engineOf(s);
        const client = e.cluster.pods.find((p) => p.namespace === 'default');
        fc.pre(client !== undefined);
        for (const svc of e.services.services.filter((x) => x.namespace === 'default')) {
          const r = engineResolve(e, `default/${client!.name}`, svc.name)!;
          const got = r.answers
            .filter((a) => a.type === 'A')
            .map((a) => a.data)
            .sort();
          const want = svc.headless
            ? svc.addresses
                .filter((a) => a.ready)
                .map((a) => formatIpv4(a.ip))
                .sort()
            : [formatIpv4(svc.clusterIP!)];
          expect(got).toEqual(want);
          if (!svc.headless) expect(r.tried[0]!.name).toBe(`${svc.name}.default.svc.cluster.local.`);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a name in the trace resolves first, then the connection reaches the same Service', () => {
    fc.assert(
      fc.property(arbWithServices, (s) => {
        const e = engineOf(s);
        const client = e.cluster.pods.find((p) => p.namespace === 'default');
        fc.pre(client !== undefined);
        const svc = e.services.services.find(
          (x) => x.name.startsWith('svc-') && !x.headless && x.ports[0]!.endpoints.some((ep) => ep.ready),
        );
        fc.pre(svc !== undefined);
        const t = engineTrace(e, {
          from: `default/${client!.name}`,
          to: svc!.name,
          port: 80,
          protocol: 'TCP',
        });
        expect(t.verdict, t.hops.map((h) => `[${h.kind}] ${h.netns} ${h.explain}`).join('\n')).toBe(
          'delivered',
        );
        const dnsEnd = t.hops.map((h) => h.leg === 'dns').lastIndexOf(true);
        expect(dnsEnd).toBeGreaterThan(0);
        expect(t.hops[dnsEnd]!.kind).toBe('dns');
        expect(podKeyOfIp(e, t.hops.at(-1)!.packet.dst)).toBe(t.deliveredTo);
      }),
      { numRuns: 30 },
    );
  });
});
