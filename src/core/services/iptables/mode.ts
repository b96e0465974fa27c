import type { ProxyModule, RenderWhat } from '../proxy/types';
import { translateIptables } from './interpret';
import type { IptablesRules } from './model';
import { programIptables } from './program';
import { renderRestore, renderSave } from './render';

/** kube-proxy `--proxy-mode=iptables` (the Linux default; kubernetes pkg/proxy/iptables/proxier.go). */
export const iptablesMode: ProxyModule<IptablesRules> = {
  mode: 'iptables',
  renders: ['iptables-save', 'iptables-restore'] as const,
  program: (state, _cluster, nodeIndex) => programIptables(state, nodeIndex),
  translate: translateIptables,
  render: (rules, what: RenderWhat) =>
    what === 'iptables-restore' ? renderRestore(rules) : renderSave(rules),
};
