import type { ClusterSettings } from '../../core/model/scenario';
import { readCidrText } from './import-core';
import { type Obj, type ReadCtx, fail, isDns1123Subdomain, readList, readObj, readStr } from './reader';

/**
 * kubeadm's ClusterConfiguration (kubeadm.k8s.io/v1beta3 and v1beta4), the one place a real
 * cluster writes down its networks: `networking.podSubnet` (→ `--cluster-cidr`),
 * `networking.serviceSubnet` (→ `--service-cluster-ip-range`), `networking.dnsDomain`, and the
 * controller manager's `node-cidr-mask-size` extra argument. The exporter writes one so an
 * exported scenario keeps its address plan when imported again.
 */
export const KUBEADM_API_VERSIONS = ['kubeadm.k8s.io/v1beta3', 'kubeadm.k8s.io/v1beta4'];

export function readClusterConfiguration(c: ReadCtx, o: Obj): Partial<ClusterSettings> | undefined {
  readObj(c, o, [], null);
  const out: Partial<ClusterSettings> = {};
  const net = readObj(c, o.networking, ['networking'], ['podSubnet', 'serviceSubnet', 'dnsDomain']);
  if (net) {
    const pod = readCidrText(c, net.podSubnet, ['networking', 'podSubnet'], true);
    if (pod !== undefined) out.podCidr = pod;
    const svc = readCidrText(c, net.serviceSubnet, ['networking', 'serviceSubnet'], true);
    if (svc !== undefined) out.serviceCidr = svc;
    const domain = readStr(c, net.dnsDomain, ['networking', 'dnsDomain']);
    if (domain !== undefined) {
      if (isDns1123Subdomain(domain)) out.clusterDomain = domain;
      else fail(c, ['networking', 'dnsDomain'], `expected a DNS domain, got ${JSON.stringify(domain)}`);
    }
  }
  const cm = readObj(c, o.controllerManager, ['controllerManager'], null);
  if (cm && cm.extraArgs !== undefined && cm.extraArgs !== null) {
    // v1beta4: a list of {name, value}; v1beta3: a map of flag → value.
    let mask: unknown;
    let path: (string | number)[] = ['controllerManager', 'extraArgs'];
    if (Array.isArray(cm.extraArgs)) {
      readList(c, cm.extraArgs, path)?.forEach((item, i) => {
        const a = readObj(c, item, [...path, i], ['name', 'value'], true);
        if (a && a.name === 'node-cidr-mask-size') {
          mask = a.value;
          path = [...path, i, 'value'];
        }
      });
    } else {
      const m = readObj(c, cm.extraArgs, path, null);
      if (m && 'node-cidr-mask-size' in m) {
        mask = m['node-cidr-mask-size'];
        path = [...path, 'node-cidr-mask-size'];
      }
    }
    if (mask !== undefined) {
      const n = typeof mask === 'string' && /^\d{1,2}$/.test(mask) ? Number(mask) : NaN;
      if (!(n >= 8 && n <= 30))
        fail(c, path, `expected a prefix length 8–30 as a string, got ${JSON.stringify(mask)}`);
      else out.nodeCidrMaskSize = n;
    }
  }
  return out;
}
