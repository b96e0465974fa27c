import type { K8sPod, K8sService } from '../../model/k8s';
import type { Scenario } from '../../model/scenario';

/**
 * The add-ons every kubeadm cluster starts with: the `default/kubernetes` Service (apiserver,
 * port https 443 → 6443) and CoreDNS, deployed as Deployment `coredns` (2 replicas, label
 * `k8s-app: kube-dns`, ports dns 53/UDP, dns-tcp 53/TCP, metrics 9153/TCP) behind Service
 * `kube-system/kube-dns`. Source: kubeadm cmd/kubeadm/app/phases/addons/dns/manifests.go.
 */

/** The ReplicaSet hash part of the CoreDNS Pod names (any 10-char hash; fixed so scenarios stay stable). */
export const COREDNS_POD_NAMES = ['coredns-668d6bf9bc-7xk2p', 'coredns-668d6bf9bc-q4n8w'];
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.3';

/** Adds the `kubernetes` and `kube-dns` Services and two CoreDNS Pods unless the scenario already has them. */
export function withClusterAddons(scenario: Scenario): Scenario {
  const hasSvc = (ns: string, name: string) =>
    scenario.services.some((s) => (s.metadata.namespace ?? 'default') === ns && s.metadata.name === name);
  const services: K8sService[] = [...scenario.services];
  const pods: K8sPod[] = [...scenario.pods];
  if (!hasSvc('default', 'kubernetes')) services.push(kubernetesService());
  const hasDnsPods = scenario.pods.some(
    (p) => p.metadata.namespace === 'kube-system' && p.metadata.labels?.['k8s-app'] === 'kube-dns',
  );
  if (!hasDnsPods && scenario.nodes.length > 0) {
    COREDNS_POD_NAMES.forEach((name, i) => {
      // The scheduler spreads the two replicas; we put them on the first two nodes.
      const node = scenario.nodes[Math.min(i, scenario.nodes.length - 1)]!;
      pods.push(corednsPod(name, node.metadata.name));
    });
  }
  if (!hasSvc('kube-system', 'kube-dns')) services.push(kubeDnsService());
  const namespaces = scenario.namespaces.some((n) => n.metadata.name === 'kube-system')
    ? scenario.namespaces
    : [
        ...scenario.namespaces,
        {
          apiVersion: 'v1' as const,
          kind: 'Namespace' as const,
          metadata: { name: 'kube-system', labels: { 'kubernetes.io/metadata.name': 'kube-system' } },
        },
      ];
  return { ...scenario, namespaces, services, pods };
}

function kubernetesService(): K8sService {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: { type: 'ClusterIP', ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443 }] },
  };
}

function kubeDnsService(): K8sService {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: {
        'k8s-app': 'kube-dns',
        'kubernetes.io/cluster-service': 'true',
        'kubernetes.io/name': 'CoreDNS',
      },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      type: 'ClusterIP',
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
        { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
        { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153 },
      ],
    },
  };
}

function corednsPod(name: string, nodeName: string): K8sPod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '668d6bf9bc' },
    },
    spec: {
      nodeName,
      // CoreDNS itself resolves upstream names through the node's resolv.conf (`forward . /etc/resolv.conf`).
      dnsPolicy: 'Default',
      containers: [
        {
          name: 'coredns',
          image: COREDNS_IMAGE,
          ports: [
            { name: 'dns', containerPort: 53, protocol: 'UDP' },
            { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
            { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
          ],
        },
      ],
    },
  };
}
