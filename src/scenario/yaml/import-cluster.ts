import { INTER_DESIGN_IDS, INTRA_DESIGN_IDS, PROXY_MODE_IDS, type Designs } from '../../core/model/scenario';
import { readCidrText, readIpText } from './import-core';
import type { StatedPlan } from './plan';
import {
  type Obj,
  type ReadCtx,
  fail,
  isDns1123Subdomain,
  readEnum,
  readInt,
  readList,
  readObj,
  readStr,
} from './reader';

/**
 * kubeadm's ClusterConfiguration (kubeadm.k8s.io/v1beta3 and v1beta4), the one place a real
 * cluster writes down its networks: `networking.podSubnet` (→ `--cluster-cidr`),
 * `networking.serviceSubnet` (→ `--service-cluster-ip-range`), `networking.dnsDomain`, and the
 * controller manager's `node-cidr-mask-size` extra argument. The exporter writes one so an
 * exported scenario keeps its address plan when imported again.
 */
export const KUBEADM_API_VERSIONS = ['kubeadm.k8s.io/v1beta3', 'kubeadm.k8s.io/v1beta4'];

export function readClusterConfiguration(c: ReadCtx, o: Obj, where?: string): StatedPlan {
  readObj(c, o, [], null);
  const out: StatedPlan = {};
  const by = (field: string): string =>
    `${where ?? `ClusterConfiguration (document ${c.document})`} ${field}`;
  const net = readObj(c, o.networking, ['networking'], ['podSubnet', 'serviceSubnet', 'dnsDomain']);
  if (net) {
    const pod = readCidrText(c, net.podSubnet, ['networking', 'podSubnet'], true);
    if (pod !== undefined) out.podCidr = { value: pod, by: by('networking.podSubnet') };
    const svc = readCidrText(c, net.serviceSubnet, ['networking', 'serviceSubnet'], true);
    if (svc !== undefined) out.serviceCidr = { value: svc, by: by('networking.serviceSubnet') };
    const domain = readStr(c, net.dnsDomain, ['networking', 'dnsDomain']);
    if (domain !== undefined) {
      if (isDns1123Subdomain(domain)) out.clusterDomain = { value: domain, by: by('networking.dnsDomain') };
      else fail(c, ['networking', 'dnsDomain'], 'import.field.dnsDomain', { value: JSON.stringify(domain) });
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
        fail(c, path, 'import.field.maskFlag', { value: String(JSON.stringify(mask)) });
      else out.nodeCidrMaskSize = { value: n, by: by('node-cidr-mask-size') };
    }
  }
  return out;
}

/**
 * The explorer's own settings document: what the scenario holds that no Kubernetes object does
 * (the node network, its gateway and MTU, the chosen designs). `exportYaml` writes it so an
 * exported scenario comes back whole; kubectl has no such kind, so remove it before
 * `kubectl apply -f`.
 */
export const SETTINGS_API_VERSION = 'explorer.kne.dev/v1';
export const SETTINGS_KIND = 'ExplorerSettings';

export function readExplorerSettings(c: ReadCtx, o: Obj): { stated: StatedPlan; designs: Partial<Designs> } {
  readObj(c, o, [], ['apiVersion', 'kind', 'metadata', 'underlay', 'designs']);
  const stated: StatedPlan = {};
  const designs: Partial<Designs> = {};
  const by = (field: string): string => `${SETTINGS_KIND} (document ${c.document}) ${field}`;
  const u = readObj(c, o.underlay, ['underlay'], ['network', 'gateway', 'mtu']);
  if (u) {
    const net = readCidrText(c, u.network, ['underlay', 'network'], true);
    if (net !== undefined) stated.underlayCidr = { value: net, by: by('underlay.network') };
    const gw = readIpText(c, u.gateway, ['underlay', 'gateway']);
    if (gw !== undefined) stated.underlayGateway = { value: gw, by: by('underlay.gateway') };
    const mtu = readInt(c, u.mtu, ['underlay', 'mtu'], 576, 9216);
    if (mtu !== undefined) stated.mtu = { value: mtu, by: by('underlay.mtu') };
  }
  const d = readObj(c, o.designs, ['designs'], ['intra', 'inter', 'proxy']);
  if (d) {
    const intra = readEnum(c, d.intra, ['designs', 'intra'], INTRA_DESIGN_IDS);
    if (intra) designs.intra = intra;
    const inter = readEnum(c, d.inter, ['designs', 'inter'], INTER_DESIGN_IDS);
    if (inter) designs.inter = inter;
    const proxy = readEnum(c, d.proxy, ['designs', 'proxy'], PROXY_MODE_IDS);
    if (proxy) designs.proxy = proxy;
  }
  return { stated, designs };
}
