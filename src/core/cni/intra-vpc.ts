import { ipv4 } from '../net/ipv4';
import type { IntraDesignModule } from './types';
import { macFor } from './macs';
import { awsVethName } from './names';
import { hostRouteToPod, hostVeth, podEth0, podOnLinkGateway } from './veth';

/** The Pod's gateway: a link-local address that exists nowhere (driver.go: 169.254.1.1 for the first interface). */
export const AWS_POD_GATEWAY = ipv4('169.254.1.1');

/**
 * VPC-native Pods as the AWS VPC CNI wires them (aws/amazon-vpc-cni-k8s): ipamd gives each Pod a
 * secondary private IP of one of the node's ENIs, drawn from the VPC subnet the node sits in, so
 * Pod IPs and node IPs share one network and no node has a Pod CIDR block.
 * - In the Pod (cmd/routed-eni-cni-plugin/driver/driver.go `createVethPairContext.run`): the IP as
 *   a /32 on `eth0`, `169.254.1.1 dev eth0 scope link`, `default via 169.254.1.1 dev eth0`, and a
 *   PERMANENT neighbour entry mapping 169.254.1.1 to the host veth's MAC.
 * - On the node (driver.go `setupIPBasedContainerRouteRules`): the host veth `eni` + 11 hex of
 *   sha1("<ns>.<pod>") (pkg/networkutils `GeneratePodHostVethName`) with no address, and
 *   `<podIP> dev eniX scope link` in the main table. The rules it adds (`to <podIP> lookup main`,
 *   priority 512; `from <podIP> lookup <ENI table>` for Pods on secondary ENIs) only matter with
 *   several ENIs; the model gives each node one ENI, so every Pod is on the primary one and the
 *   main table decides.
 * - Between nodes: nothing on the node. The VPC delivers a secondary IP to the ENI that holds it
 *   (`buildShared` registers them), so packets leave `eth0` with the Pod IP as source.
 */
export const vpcDesign: IntraDesignModule = {
  id: 'vpc',
  // AWS reserves the first four addresses of every subnet (network, VPC router, DNS, future use).
  addressing: { firstPodOffset: 4, fromNodeNetwork: true },
  hostVethName: awsVethName,
  hostVethMac: (pod) => macFor('eniVeth', pod.index),
  roles: {},
  policyNote: 'AWS VPC CNI: the network policy agent (eBPF), shown as iptables filter rules',

  buildShared(shared, ctx) {
    // EC2 AssignPrivateIpAddresses: each Pod IP is a secondary private IP of its node's ENI.
    for (const pod of ctx.cluster.pods) if (!pod.hostNetwork) shared.fabric.set(pod.ip, pod.nodeIndex);
  },

  buildNode(b, ctx, _node, pods) {
    for (const p of pods) {
      hostVeth(b, ctx, p);
      hostRouteToPod(b, p, 'link');
    }
  },

  buildPod(b, ctx, p) {
    podEth0(b, ctx, p);
    podOnLinkGateway(b, p, AWS_POD_GATEWAY);
    b.neighbors.push({ ip: AWS_POD_GATEWAY, dev: 'eth0', lladdr: p.hostVethMac, state: 'PERMANENT' });
  },
};
