import fc from 'fast-check';
import type { K8sPod } from '../model/k8s';
import {
  DEFAULT_CLUSTER,
  INTER_DESIGN_IDS,
  INTRA_DESIGN_IDS,
  type Designs,
  type Scenario,
} from '../model/scenario';
import { makeNamespace, makeNode, makePod } from '../../scenario/presets/small';

/** Every combination of the Pod-network designs that builds (proxy mode fixed; VPC-native has no overlay). */
export const ALL_DESIGNS: Designs[] = INTRA_DESIGN_IDS.flatMap((intra) =>
  INTER_DESIGN_IDS.map((inter) => ({ intra, inter, proxy: 'iptables' as const })),
).filter((d) => !(d.intra === 'vpc' && d.inter === 'overlay'));

/** A random valid cluster: 1–6 nodes, 0–6 Pods each, a random design. For property tests. */
export const arbScenario: fc.Arbitrary<Scenario> = fc
  .record({
    podsPerNode: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 6 }),
    designs: fc.constantFrom(...ALL_DESIGNS),
    nodeMask: fc.constantFrom(24, 25, 26),
  })
  .map(({ podsPerNode, designs, nodeMask }) => {
    const nodes = podsPerNode.map((_, i) => makeNode(`n${i + 1}`));
    const pods: K8sPod[] = podsPerNode.flatMap((count, i) =>
      Array.from({ length: count }, (_, j) =>
        makePod(j % 2 ? 'shop' : 'default', `p${i + 1}-${j}`, `n${i + 1}`, { app: `a${j % 3}` }),
      ),
    );
    return {
      version: 1 as const,
      cluster: { ...DEFAULT_CLUSTER, nodeCidrMaskSize: nodeMask },
      designs,
      nodes,
      namespaces: [makeNamespace('default'), makeNamespace('shop')],
      pods,
      services: [],
      endpointSlices: [],
      networkPolicies: [],
    };
  });
