import { DEFAULT_CLUSTER, type Scenario } from '../../core/model/scenario';
import { generateScenario, type ScaleParams } from './generate';

/**
 * The scale presets of the quality bars: M for exploring, L and XL for the Kubernetes scalability
 * envelope (5,000 nodes, 150,000 Pods, 10,000 Services: kubernetes.io/docs/setup/best-practices/cluster-large).
 */

/** M: 10 nodes, 100 Pods, 3 apps (9 Services) with their policies. Fits the default /16 and /24 underlay. */
export const MEDIUM: ScaleParams = {
  nodes: 10,
  pods: 100,
  services: 9,
  policies: 9,
  cluster: { ...DEFAULT_CLUSTER },
};

/**
 * L: 100 nodes × 100 Pods (under kubelet's default maxPods 110), 1,000 Services, 1,000 policies.
 * 100 node /24s fit in the default 10.244.0.0/16. The nodes sit on a 172.16.0.0/16 underlay, as a
 * cluster of this size would: with VPC-native addressing (Pods take node-subnet addresses) the
 * 100 nodes and 10,000 Pods fit in it, where the default /24 holds 253 addresses.
 */
export const LARGE: ScaleParams = {
  nodes: 100,
  pods: 10_000,
  services: 1_000,
  policies: 1_000,
  cluster: { ...DEFAULT_CLUSTER, underlayCidr: '172.16.0.0/16', underlayGateway: '172.16.0.1' },
};

/**
 * XL: 5,000 nodes, 150,000 Pods (30 per node), 10,000 Services, 10,000 policies. 5,000 node /24s need
 * a bigger cluster CIDR: 10.128.0.0/9 holds 32,768 of them and stays clear of the kubeadm Service
 * range 10.96.0.0/12; the nodes sit on a 172.16.0.0/16 underlay. VPC-native addressing refuses XL:
 * 155,000 nodes and Pods do not fit one /16, and an AWS subnet is at most a /16
 * (EC2 API reference, CreateSubnet:
 * docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSubnet.html), so a real cluster of this size
 * spreads its nodes over several subnets, which the model's one node network does not describe.
 */
export const XLARGE: ScaleParams = {
  nodes: 5_000,
  pods: 150_000,
  services: 10_000,
  policies: 10_000,
  cluster: {
    ...DEFAULT_CLUSTER,
    underlayCidr: '172.16.0.0/16',
    underlayGateway: '172.16.0.1',
    podCidr: '10.128.0.0/9',
  },
};

export const mediumScenario = (seed: number): Scenario => generateScenario(MEDIUM, seed);
export const largeScenario = (seed: number): Scenario => generateScenario(LARGE, seed);
export const xlargeScenario = (seed: number): Scenario => generateScenario(XLARGE, seed);
