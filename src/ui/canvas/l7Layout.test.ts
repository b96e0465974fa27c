import { describe, expect, it } from 'vitest';
import type { L7Entry } from '../../core/l7/types';
import type { L7View } from '../../worker/l7View';
import type { Layout } from './layout';
import { G, computeL7Layout } from './l7Layout';
import { gatewayCardData, l7Flow } from './l7Nodes';

const entry = (via: string, pods: string[]): L7Entry => ({
  via,
  implementation: 'envoy-gateway',
  service: 'envoy-gateway-system/envoy',
  pods,
  ports: [80],
});

const layout = {
  nodes: [
    {
      name: 'n1',
      netns: 'node:n1',
      rect: { x: 0, y: 0, w: 600, h: 400 },
      pods: [
        { key: 'gw/proxy-a', rect: { x: 16, y: 80, w: 280, h: 150 } },
        { key: 'gw/proxy-b', rect: { x: 310, y: 80, w: 280, h: 150 } },
      ],
      devices: [],
    },
  ],
} as unknown as Layout;

describe('Gateway / IngressClass cards on the canvas', () => {
  it('sit left of the cluster, level with the first proxy Pod, one link per proxy Pod ending on its left edge', () => {
    const gl = computeL7Layout(
      [{ entry: entry('gateway/infra/gw', ['gw/proxy-a', 'gw/proxy-b']), rows: 4 }],
      layout,
    );
    expect(gl.cards).toHaveLength(1);
    const card = gl.cards[0]!.rect;
    expect(card.x + card.w).toBeLessThan(0);
    expect(card.y).toBe(80);
    expect(gl.links.map((l) => l.pod)).toEqual(['gw/proxy-a', 'gw/proxy-b']);
    expect(gl.links[1]!.points.at(-1)!.x).toBe(310);
    expect(gl.links[0]!.points[0]!.x).toBe(card.x + G.cardW);
  });

  it('stack without overlapping when two entries share a proxy node, and skip Pods not drawn', () => {
    const gl = computeL7Layout(
      [
        { entry: entry('gateway/infra/a', ['gw/proxy-a']), rows: 4 },
        { entry: entry('ingressclass/nginx', ['gw/proxy-b', 'other/not-drawn']), rows: 4 },
      ],
      layout,
    );
    const [a, b] = gl.cards.map((c) => c.rect);
    expect(b!.y).toBeGreaterThanOrEqual(a!.y + a!.h);
    expect(gl.links.map((l) => l.pod)).toEqual(['gw/proxy-a', 'gw/proxy-b']);
  });

  it('take listener counts and route status from the worker view; edges target the Pod nodes', () => {
    const view: L7View = {
      entries: [entry('gateway/infra/gw', ['gw/proxy-a']), entry('ingressclass/nginx', [])],
      status: {
        gateways: [{ name: 'infra/gw', listeners: [{ name: 'http', attachedRoutes: 2, conditions: [] }] }],
        routes: [
          {
            kind: 'HTTPRoute',
            name: 'site/home',
            parents: [
              {
                gateway: 'infra/gw',
                sectionName: null,
                conditions: [{ type: 'Accepted', status: 'True', reason: 'Accepted', message: '' }],
              },
            ],
          },
          {
            kind: 'Ingress',
            name: 'default/fanout',
            parents: [
              {
                gateway: 'nginx',
                sectionName: null,
                conditions: [{ type: 'Accepted', status: 'False', reason: 'NoClass', message: '' }],
              },
            ],
          },
        ],
      } as unknown as L7View['status'],
      routes: [{ key: 'default/fanout', kind: 'Ingress', yaml: '', rules: [], hosts: ['foo.bar.com'] }],
      suggestedUrl: null,
    };
    const [gw, ing] = gatewayCardData(view);
    expect(gw!.gateway?.listeners[0]?.attachedRoutes).toBe(2);
    expect([gw!.accepted, gw!.routes]).toEqual([1, 1]);
    expect(ing!.gateway).toBeNull();
    expect(ing!.hosts).toEqual(['foo.bar.com']);
    expect([ing!.accepted, ing!.routes]).toEqual([0, 1]);
    const flow = l7Flow(view, layout);
    expect(flow.nodes.map((n) => n.id)).toEqual(['gw:gateway/infra/gw', 'gw:ingressclass/nginx']);
    expect(flow.edges.map((e) => e.target)).toEqual(['pod:gw/proxy-a']);
    expect(l7Flow(null, layout)).toEqual({ nodes: [], edges: [] });
  });
});
