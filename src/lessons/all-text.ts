import type { LessonText } from './types';
import { text as invariants } from './invariants/text';
import { text as netnsVeth } from './netns-veth/text';
import { text as sameNode } from './same-node/text';
import { text as crossNode } from './cross-node/text';
import { text as ipam } from './ipam/text';
import { text as service } from './service/text';
import { text as proxyModes } from './proxy-modes/text';
import { text as external } from './external/text';
import { text as dns } from './dns/text';
import { text as policy } from './policy/text';
import { text as ingressGateway } from './ingress-gateway/text';

/**
 * Every lesson's prose at once, for the command line (which runs synchronously). The page never
 * imports this file: it loads one lesson's text at a time (`loadLessonText`).
 */
export const ALL_LESSON_TEXT: Readonly<Record<string, LessonText>> = {
  invariants,
  'netns-veth': netnsVeth,
  'same-node': sameNode,
  'cross-node': crossNode,
  ipam,
  service,
  'proxy-modes': proxyModes,
  external,
  dns,
  policy,
  'ingress-gateway': ingressGateway,
};
