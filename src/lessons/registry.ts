import type { Lesson, LessonText } from './types';
import { lesson as invariants } from './invariants/steps';
import { lesson as netnsVeth } from './netns-veth/steps';
import { lesson as sameNode } from './same-node/steps';
import { lesson as crossNode } from './cross-node/steps';
import { lesson as ipam } from './ipam/steps';
import { lesson as service } from './service/steps';
import { lesson as proxyModes } from './proxy-modes/steps';
import { lesson as external } from './external/steps';
import { lesson as dns } from './dns/steps';
import { lesson as policy } from './policy/steps';
import { lesson as ingressGateway } from './ingress-gateway/steps';

/**
 * Every lesson, in the order of the concepts (the Pod network's rules, then a node, then the cluster,
 * then Services, the way in from outside, names and policy). Steps are small and load with the page;
 * the prose of each lesson is a separate chunk (`loadLessonText`).
 */
export const LESSONS: readonly Lesson[] = [
  invariants,
  netnsVeth,
  sameNode,
  crossNode,
  ipam,
  service,
  proxyModes,
  external,
  dns,
  policy,
  ingressGateway,
];

/** Lessons announced but not written yet (they need a part of the simulator still being built). */
export const COMING_LESSONS: readonly { id: string; title: { en: string; ja: string } }[] = [];

const TEXT: Record<string, () => Promise<{ text: LessonText }>> = {
  invariants: () => import('./invariants/text'),
  'netns-veth': () => import('./netns-veth/text'),
  'same-node': () => import('./same-node/text'),
  'cross-node': () => import('./cross-node/text'),
  ipam: () => import('./ipam/text'),
  service: () => import('./service/text'),
  'proxy-modes': () => import('./proxy-modes/text'),
  external: () => import('./external/text'),
  dns: () => import('./dns/text'),
  policy: () => import('./policy/text'),
  'ingress-gateway': () => import('./ingress-gateway/text'),
};

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** The prose of one lesson (both languages), fetched on demand. */
export async function loadLessonText(id: string): Promise<LessonText> {
  const load = TEXT[id];
  if (!load) throw new Error(`no text for lesson ${id}`);
  return (await load()).text;
}
