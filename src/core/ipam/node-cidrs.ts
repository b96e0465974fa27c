import { cidrContains, formatCidr, parseCidr, subnetAt, type Cidr } from '../net/cidr';
import type { ClusterNetworks, Problem } from '../model/cluster';
import type { K8sNode } from '../model/k8s';

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
      problems.push({ code: 'INVALID_CIDR', path, message: `"${text}" is not an IPv4 CIDR` });
      return;
    }
    if (!cidrContains(nets.podCidr, c.base) || c.prefix !== mask) {
      problems.push({
        code: 'INVALID_VALUE',
        path,
        message: `${text} must be a /${mask} inside the cluster Pod CIDR ${formatCidr(nets.podCidr)}`,
      });
      return;
    }
    const index = (c.base - nets.podCidr.base) / blockSize;
    if (used[index]) {
      const other = out.findIndex((o) => o?.base === c.base);
      problems.push({
        code: 'CIDR_OVERLAP',
        path,
        message: `${text} is already the Pod CIDR of node "${nodes[other]?.metadata.name}"`,
      });
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
    problems.push({
      code: 'RANGE_EXHAUSTED',
      path: `nodes[${i}]`,
      message: `no free /${mask} left in ${formatCidr(nets.podCidr)} for node "${node.metadata.name}" (${blocks} blocks)`,
    });
  });
  return out;
}
