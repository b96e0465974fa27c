import { describe, expect, it } from 'vitest';
import { buildEngine, engineTrace, withDesigns, type Engine } from '../engine';
import { smallScenario } from '../../scenario/presets/small';
import type { Probe } from './types';

/** Every hop's sentence and headers say what happened to this packet (issue 9, part 6). */

const engine = (): Engine => buildEngine(smallScenario()).engine!;
const probe = (from: string, to: string, port: number): Probe => ({ from, to, port, protocol: 'TCP' });
const last = (e: Engine, p: Probe) => engineTrace(e, p).hops.at(-1)!;

describe('hop explanations match the packet', () => {
  it('Pod to Pod, untranslated: "the Pod IPs, unchanged"', () => {
    const h = last(engine(), probe('default/client', 'default/backend-1', 9090));
    expect(h.say.key).toBe('hop.deliver.pod');
  });

  it('after DNAT the delivery names the Service address it replaced, never "unchanged Pod IPs"', () => {
    const h = last(engine(), probe('default/client', 'default/backend', 80));
    expect(h.say.key).toBe('hop.deliver.pod.dnat');
    expect(h.explain).toContain('10.');
    expect(h.explain).not.toContain('Pod IPs, unchanged');
    expect(String(h.say.args.vip)).toMatch(/:80$/);
  });

  it('after DNAT and SNAT (external client, externalTrafficPolicy Cluster) both rewrites are named', () => {
    const h = last(engine(), probe('external', 'default/frontend', 80));
    expect(h.say.key).toBe('hop.deliver.pod.dnatSnat');
    expect(String(h.say.args.before)).toMatch(/^203\.0\.113\.10\b/);
    expect(h.packet.src).not.toBe('203.0.113.10');
    expect(h.explain).not.toContain('unchanged Pod');
  });

  it('from a node (not a Pod address): no claim that the source is a Pod IP', () => {
    const h = last(engine(), probe('node/node-1', 'default/backend-2', 9090));
    expect(h.say.key).toBe('hop.deliver.pod.fromHost');
  });

  it('the underlay hop carries the outer Ethernet header (NIC MACs), not the inner VTEP MACs', () => {
    const t = engineTrace(engine(), probe('default/client', 'default/backend-1', 9090));
    const wire = t.hops.find((h) => h.kind === 'underlay')!;
    const encap = t.hops.find((h) => h.kind === 'encap')!;
    expect(wire.outer?.srcMac).toBeDefined();
    expect(wire.outer?.dstMac).toBe(wire.say.args.dstMac);
    // The inner frame still carries the VTEP MACs the encap hop set; the outer ones differ.
    expect(wire.outer!.dstMac).not.toBe(encap.packet.dstMac);
  });

  it('the decap hop still shows the outer header it removes; the next hop has none', () => {
    const t = engineTrace(engine(), probe('default/client', 'default/backend-1', 9090));
    const i = t.hops.findIndex((h) => h.kind === 'decap');
    expect(t.hops[i]!.outer).not.toBeNull();
    expect(t.hops[i + 1]!.outer).toBeNull();
  });

  it('routing between nodes (no tunnel): the delivery of a Pod-to-Pod packet is still "unchanged"', () => {
    const e = withDesigns(engine(), { intra: 'bridge', inter: 'routing', proxy: 'iptables' });
    expect(last(e, probe('default/client', 'default/backend-1', 9090)).say.key).toBe('hop.deliver.pod');
  });
});
