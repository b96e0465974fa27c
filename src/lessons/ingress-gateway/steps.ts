import type { Lesson, LessonStep } from '../types';
import { FLANNEL_VXLAN, tcp } from '../designs';

/**
 * Ingress and Gateway API: the entry is a declaration, a controller's proxy Pods do the work, and an
 * HTTP request travels in two connections (client → proxy, proxy → backend Pod). Preset `gateway`:
 * Gateway default/shop (Envoy Gateway) with its Envoy Pod on node-2, HTTPRoute default/shop sending
 * /api to Service api (api-1 on node-1) and the rest to web.
 */

/** The Envoy Pod and Service Envoy Gateway creates for Gateway default/shop (named from a hash of it). */
const PROXY = 'envoy-gateway-system/envoy-default-shop-5be479ca-0';
const PROXY_SERVICE = 'envoy-gateway-system/envoy-default-shop-5be479ca';
const CLIENT = '203.0.113.10';

const request: Pick<LessonStep, 'preset' | 'designs' | 'probe' | 'request'> = {
  preset: 'gateway',
  designs: FLANNEL_VXLAN,
  // The client leg alone is an ordinary TCP connection to the proxy's LoadBalancer Service.
  probe: tcp('external', PROXY_SERVICE, 80),
  request: { url: 'http://shop.example.com/api/cart', method: 'GET' },
};

export const lesson: Lesson = {
  id: 'ingress-gateway',
  title: { en: 'Ingress and Gateway API', ja: 'Ingress と Gateway API' },
  steps: [
    {
      id: 'client-leg',
      ...request,
      hop: 2,
      highlights: [{ netns: 'node/node-2' }, { netns: PROXY }],
      expect: { leg: 'client', netns: 'node/node-2', kind: 'dnat', dst: { pod: PROXY } },
      question: {
        answer: 'proxy',
        choices: [
          { id: 'proxy', claim: { dst: { pod: PROXY } } },
          { id: 'backend', claim: { dst: { pod: 'default/api-1' } } },
        ],
      },
    },
    {
      id: 'decision',
      ...request,
      hop: 7,
      highlights: [{ netns: PROXY, device: 'eth0' }],
      expect: {
        netns: PROXY,
        kind: 'l7',
        l7Via: 'gateway/default/shop',
        l7Route: 'default/shop',
        l7Rule: 1,
        l7Backend: 'default/api:80',
      },
      question: {
        answer: 'api',
        choices: [
          { id: 'api', claim: { l7Rule: 1, l7Backend: 'default/api:80' } },
          { id: 'web', claim: { l7Rule: 0, l7Backend: 'default/web:80' } },
        ],
      },
    },
    {
      id: 'new-connection',
      ...request,
      hop: 8,
      highlights: [{ netns: PROXY, device: 'eth0' }],
      expect: {
        leg: 'upstream',
        netns: PROXY,
        src: { pod: PROXY },
        dst: { pod: 'default/api-1' },
        srcChanged: true,
      },
      question: {
        answer: 'no',
        choices: [
          { id: 'no', claim: { upstreamLacks: 'dnat' } },
          { id: 'yes', claim: { upstreamHas: 'dnat' } },
        ],
      },
    },
    {
      id: 'backend-sees',
      ...request,
      hop: 20,
      highlights: [{ netns: 'default/api-1', device: 'eth0' }],
      expect: {
        netns: 'default/api-1',
        kind: 'deliver',
        src: { pod: PROXY },
        forwardedFor: CLIENT,
        verdict: 'delivered',
        deliveredTo: 'default/api-1',
      },
      question: {
        answer: 'proxy',
        choices: [
          { id: 'proxy', claim: { src: { pod: PROXY } } },
          { id: 'client', claim: { src: CLIENT } },
        ],
      },
    },
    {
      id: 'portable',
      ...request,
      hop: 7,
      highlights: [{ netns: PROXY }],
      expect: { kind: 'l7', l7Via: 'gateway/default/shop', l7Route: 'default/shop' },
      question: null,
    },
  ],
};
