import type { Container, K8sPod, K8sService } from '../../model/k8s';
import type { K8sGateway } from '../../model/l7';

/**
 * The proxy Deployment an implementation's controller creates: reduced to what leaves Pods behind
 * (the scenario expands it into Pods the way the Deployment controller names them).
 */
export interface ProxyDeployment {
  namespace: string;
  name: string;
  replicas: number;
  labels: Record<string, string>;
  containers: Container[];
}

/** What an implementation provisions for one Gateway (Envoy Gateway) or for its IngressClass (ingress-nginx). */
export interface Provisioned {
  deployment: ProxyDeployment;
  service: K8sService;
}

/**
 * One L7 implementation: which GatewayClass `controllerName` / IngressClass `spec.controller` it
 * claims, how it names and labels the data plane it runs, and how to find those Pods again.
 */
export interface L7Implementation {
  id: string;
  /** Product name shown to people. */
  title: string;
  gatewayControllers: readonly string[];
  ingressControllers: readonly string[];
  /** Proxies resolve EndpointSlices and dial Pod IPs unless configured otherwise. */
  upstreamVia: 'endpoints' | 'clusterip';
  /** Objects created for a Gateway (one proxy fleet per Gateway). */
  provisionGateway?(gw: K8sGateway): Provisioned;
  /** Objects created once for the controller serving IngressClasses. */
  provisionIngress?(): Provisioned;
  /** The Service in front of the proxies of a Gateway or of the ingress controller, if present. */
  findService(services: readonly K8sService[], gw: K8sGateway | null): K8sService | undefined;
  /** The proxy Pods that Service selects. */
  findPods(pods: readonly K8sPod[], service: K8sService): K8sPod[];
}
