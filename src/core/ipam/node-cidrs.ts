import { cidrContains, formatCidr, parseCidr, subnetAt, type Cidr } from '../net/cidr';
import type { ClusterNetworks, Problem } from '../model/cluster';
import type { K8sNode } from '../model/k8s';
import { problem } from '../model/problem-messages';

/**
 * Per-node Pod CIDRs as kube-controller-manager's nodeipam range allocator hands them out
 * (pkg/controller/nodeipam/ipam/cidrset/cidr_set.go): the cluster CIDR is cut into
 * 2^(nodeMask − clusterMask) blocks; CIDRs already in `spec.podCIDR` are marked occupied first,
 * then nodes without one get the next free block from a cursor that starts at 0 and wraps.
 */
export function allocateNodeCidrs(
  nodes: K8sNode[],
  nets: ClusterNetworks,
  problems: Problem[],
): (Cidr | null)[] {
  const mask = nets.nodeCidrMaskSize;
  const blocks = 2 ** (mask - nets.podCidr.prefix);
  const used = new Uint8Array(blocks);
  const out: (Cidr | null)[] = nodes.map(() => null);
  const blockSize = 2 ** (32 - mask);

  nodes.forEach((node, i) => {
    const text = node.spec?.podCIDR;
    if (text === undefined) return;
    const path = `nodes[${i}].spec.podCIDR`;
    const c = parseCidr(text);
    if (!c) {
      problems.push(problem('INVALID_CIDR', path, 'problem.nodeCidr.invalid', { cidr: String(text) }));
      return;
    }
    if (!cidrContains(nets.podCidr, c.base) || c.prefix !== mask) {
      problems.push(
        problem('INVALID_VALUE', path, 'problem.nodeCidr.outside', {
          cidr: text,
          mask: String(mask),
          range: formatCidr(nets.podCidr),
        }),
      );
      return;
    }
    const index = (c.base - nets.podCidr.base) / blockSize;
    if (used[index]) {
      const other = out.findIndex((o) => o?.base === c.base);
      problems.push(
        problem('CIDR_OVERLAP', path, 'problem.nodeCidr.taken', {
          cidr: text,
          node: String(nodes[other]?.metadata.name),
        }),
      );
      return;
    }
    used[index] = 1;
    out[i] = c;
  });

  let cursor = 0;
  nodes.forEach((node, i) => {
    if (out[i] || node.spec?.podCIDR !== undefined) return;
    for (let tries = 0; tries < blocks; tries++) {
      const candidate = (cursor + tries) % blocks;
      if (!used[candidate]) {
        used[candidate] = 1;
        out[i] = subnetAt(nets.podCidr, mask, candidate);
        cursor = candidate + 1;
        return;
      }
    }
    problems.push(
      problem('RANGE_EXHAUSTED', `nodes[${i}]`, 'problem.nodeCidr.exhausted', {
        mask: String(mask),
        range: formatCidr(nets.podCidr),
        node: node.metadata.name,
        blocks: String(blocks),
      }),
    );
  });
  return out;
}
