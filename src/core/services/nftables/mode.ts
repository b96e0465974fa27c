import type { ProxyModule } from '../proxy/types';
import { translateNftables } from './interpret';
import type { NftRules } from './model';
import { programNftables } from './program';
import { renderList, renderTransaction } from './render';

/** kube-proxy `--proxy-mode=nftables` (GA in 1.33; kubernetes pkg/proxy/nftables/proxier.go). */
export const nftablesMode: ProxyModule<NftRules> = {
  mode: 'nftables',
  renders: ['nft', 'nft-transaction'] as const,
  program: (state, _cluster, nodeIndex) => programNftables(state, nodeIndex),
  translate: translateNftables,
  render: (rules, what) => (what === 'nft-transaction' ? renderTransaction(rules) : renderList(rules)),
};
