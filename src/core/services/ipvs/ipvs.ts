import type { ProxyModule } from '../proxy/types';
import { renderSave } from '../iptables/render';
import { renderIpsetList } from './ipsets';
import { kubeIpvs0 } from './dummy';
import { programIpvs } from './program';
import { renderIpvsadm, renderKubeIpvs0, setReferences } from './render';
import { translateIpvs } from './translate';
import type { IpvsRules } from './types';

export type { IpvsRules, RealServer, VirtualServer } from './types';
export { programIpvs } from './program';
export { renderIpvsadm, renderKubeIpvs0 } from './render';
export { translateIpvs } from './translate';

/**
 * kube-proxy `--proxy-mode=ipvs` (K8S pkg/proxy/ipvs/proxier.go, README, ipset.go): every
 * ClusterIP / externalIP / LB IP is bound to the dummy device `kube-ipvs0`, an IPVS virtual server
 * (scheduler rr, NAT "Masq" forwarding, weight 1; `persistent` for ClientIP affinity) exists per
 * VIP:port and, for NodePorts, per local address of the node (not only eth0's, and never bound to
 * kube-ipvs0), and iptables still marks, masquerades and filters, driven by ipsets (netfilter.ts).
 */
export const ipvsMode: ProxyModule<IpvsRules> = {
  mode: 'ipvs',
  renders: ['ipvsadm', 'ipset', 'kube-ipvs0', 'iptables-save'] as const,
  program: (state, _cluster, nodeIndex, host) => programIpvs(state, nodeIndex, host),
  translate: translateIpvs,
  buildNode: kubeIpvs0,
  render: (r, what) =>
    what === 'ipset'
      ? renderIpsetList(
          (name) => r.ipsets.get(name) ?? [],
          (name) => setReferences(r, name),
        )
      : what === 'kube-ipvs0'
        ? renderKubeIpvs0(r)
        : what === 'iptables-save'
          ? renderSave(r.netfilter)
          : renderIpvsadm(r),
};
