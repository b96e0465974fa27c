import type { Problem } from '../../model/cluster';
import type { K8sService } from '../../model/k8s';
import { clipText, problem } from '../../model/problem-messages';
import { type Cidr, broadcastOf, cidrContains, formatCidr, nthAddress } from '../../net/cidr';
import { formatIpv4, parseIpv4 } from '../../net/ipv4';
import { DNS_SERVICE_INDEX, KUBERNETES_SERVICE_INDEX, serviceKey } from './clusterip';
import { ipv4Problem } from '../../net/ipv4-problem';

/**
 * The API server's checks on a requested `spec.clusterIP`, run before anything is allocated:
 * the address must parse strictly (no leading zeros: k8s.io/apimachinery/pkg/util/validation/ip.go),
 * lie inside the Service CIDR and be neither its network nor its broadcast address (else
 * "provided IP … is not in the valid range"), and not be held by another Service (else "provided IP
 * is already allocated": kubernetes pkg/registry/core/service/ipallocator/interfaces.go). kubeadm
 * creates `default/kubernetes` (index 1) and `kube-system/kube-dns` (index 10) before any user
 * Service, so their addresses are taken first when they take the default, unless a Service in
 * the scenario asks for that address explicitly (a partial dump: the add-on is the explorer's).
 * Uses the scenario's own Service CIDR (`cluster.serviceCidr`), never a default.
 */
export function clusterIpProblems(services: readonly K8sService[], serviceCidr: Cidr): Problem[] {
  const problems: Problem[] = [];
  const owner = new Map<number, string>();
  const given = (s: K8sService) => s.spec.clusterIP ?? s.spec.clusterIPs?.[0];
  const wellKnown: [string, number][] = [
    ['default/kubernetes', KUBERNETES_SERVICE_INDEX],
    ['kube-system/kube-dns', DNS_SERVICE_INDEX],
  ];
  // Only an add-on that takes the default is reserved, and only when no Service asks for that
  // address itself: a dump without kube-dns (the explorer adds one) may hold a user Service on .10,
  // and the added kube-dns then gets another address (its Pods' resolv.conf follows it).
  const asked = new Set(
    services
      .map(given)
      .filter((t): t is string => t !== undefined)
      .map(parseIpv4),
  );
  for (const [key, index] of wellKnown) {
    const svc = services.find((s) => serviceKey(s) === key);
    const ip = nthAddress(serviceCidr, index);
    if (svc && given(svc) === undefined && svc.spec.type !== 'ExternalName' && !asked.has(ip))
      owner.set(ip, key);
  }
  const last = broadcastOf(serviceCidr);
  services.forEach((svc, i) => {
    const text = given(svc);
    if (text === undefined || text === '' || text === 'None' || svc.spec.type === 'ExternalName') return;
    const key = clipText(serviceKey(svc));
    const path = `services[${i}].spec.clusterIP`;
    const ip = parseIpv4(text);
    if (ip === null) {
      problems.push(ipv4Problem(path, `Service ${key} spec.clusterIP`, text));
      return;
    }
    if (!cidrContains(serviceCidr, ip) || ip === serviceCidr.base || ip === last) {
      problems.push(
        problem('INVALID_IP', path, 'problem.clusterIP.notInRange', {
          service: key,
          ip: formatIpv4(ip),
          range: formatCidr(serviceCidr),
        }),
      );
      return;
    }
    const held = owner.get(ip);
    if (held !== undefined && held !== serviceKey(svc)) {
      problems.push(
        problem('DUPLICATE_IP', path, 'problem.clusterIP.allocated', {
          service: key,
          ip: formatIpv4(ip),
          owner: held,
        }),
      );
      return;
    }
    owner.set(ip, serviceKey(svc));
  });
  return problems;
}
