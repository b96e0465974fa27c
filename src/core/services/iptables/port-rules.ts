import { type Cidr, cidr, cidrContains } from '../../net/cidr';
import type { Ipv4 } from '../../net/ipv4';
import { type Categorized, externalPolicyLocal, policyChains } from '../categorize';
import { type EndpointState, type ServicePortState } from '../types';
import { type IptRule, type Part, type Target, jump, rule } from './model';
import { endpointText, protoLower, sepChain, serviceChains } from './names';

/**
 * The rules one service port contributes (K8S pkg/proxy/iptables/proxier.go `syncProxyRules`, the
 * per-service loop): its KUBE-SERVICES / KUBE-NODEPORTS entries, KUBE-EXT/FW/SVC/SVL/SEP
 * chains and filter rules, plus the chain names and constants the node assembly shares.
 */

export const KUBE_SERVICES = 'KUBE-SERVICES';
export const KUBE_NODEPORTS = 'KUBE-NODEPORTS';
export const KUBE_EXTERNAL = 'KUBE-EXTERNAL-SERVICES';
export const KUBE_FORWARD = 'KUBE-FORWARD';
export const KUBE_POSTROUTING = 'KUBE-POSTROUTING';
export const KUBE_MARK_MASQ = 'KUBE-MARK-MASQ';
export const KUBE_PROXY_FIREWALL = 'KUBE-PROXY-FIREWALL';
export const KUBE_FIREWALL = 'KUBE-FIREWALL';
export const KUBE_PROXY_CANARY = 'KUBE-PROXY-CANARY';
/** Above this many endpoints kube-proxy drops per-endpoint comments (`largeClusterEndpointsThreshold`). */
export const LARGE_CLUSTER_ENDPOINTS = 1000;

export const LOOPBACK: Cidr = cidr('127.0.0.0/8');
export const host = (ip: Ipv4): Cidr => ({ base: ip, prefix: 32 });
export const comment = (text: string): Part => ({ t: 'comment', text });

/**
 * The rules one service port contributes, split by the chain/buffer they go to. Its own nat chains
 * (SVC/SVL/EXT/FW/SEP) are built by `natChains()` on first use and then kept.
 */
export interface Fragment {
  natServices: IptRule[];
  natNodePorts: IptRule[];
  natChains: () => Map<string, IptRule[]>;
  filterServices: IptRule[];
  filterExternal: IptRule[];
  filterNodePorts: IptRule[];
  filterFirewall: IptRule[];
}

export interface Ctx {
  clusterCidr: Cidr;
  masqueradeAll: boolean;
  large: boolean;
  nodeIp: Ipv4 | null;
}

/** `computeProbability`: Go `%0.10f` of 1/n. */
export const probability = (n: number): string => (1 / n).toFixed(10);

function writeServiceToEndpointRules(
  sp: ServicePortState,
  chain: string,
  eps: EndpointState[],
  c: Ctx,
): IptRule[] {
  const out: IptRule[] = [];
  const cm = (e: EndpointState): Part[] => (c.large ? [] : [comment(`${sp.name} -> ${endpointText(e)}`)]);
  if (sp.sessionAffinity === 'ClientIP') {
    for (const e of eps) {
      const sep = sepChain(sp, e);
      out.push(
        rule(
          chain,
          [...cm(e), { t: 'recent', op: 'rcheck', name: sep, seconds: sp.affinityTimeoutSeconds }],
          jump(sep),
        ),
      );
    }
  }
  eps.forEach((e, i) => {
    const parts = cm(e);
    if (i < eps.length - 1) parts.push({ t: 'statistic', p: probability(eps.length - i) });
    out.push(rule(chain, parts, { t: 'jump', chain: sepChain(sp, e), endpoint: endpointText(e) }));
  });
  return out;
}

export function fragment(sp: ServicePortState, cat: Categorized, c: Ctx): Fragment {
  const f: Fragment = {
    natServices: [],
    natNodePorts: [],
    natChains: () => new Map(),
    filterServices: [],
    filterExternal: [],
    filterNodePorts: [],
    filterFirewall: [],
  };
  const proto = protoLower(sp);
  const l4: Part = { t: 'l4', proto };
  const name = sp.name;
  const ch = serviceChains(sp);
  const { clusterEndpoints, localEndpoints, reachable, hasAny } = cat;
  const pc = policyChains(sp, cat, ch.svc, ch.svl);
  const { internalChain, hasInternal, externalPolicyChain, hasExternal } = pc;
  const usesClusterPolicyChain = pc.usesClusterChain;
  const usesLocalPolicyChain = pc.usesLocalChain;
  const usesExt = pc.usesExternal;
  const usesFW = pc.usesFirewall;
  const lbChain = usesFW ? ch.fw : ch.ext;
  let intTarget: Target = { t: 'REJECT' };
  let intComment = `${name} has no endpoints`;
  let extTarget: Target = { t: 'REJECT' };
  let extComment = intComment;
  if (hasAny) {
    intTarget = extTarget = { t: 'DROP' };
    intComment = extComment = `${name} has no local endpoints`;
  }
  const vip = (ip: Ipv4): Part[] => [
    l4,
    { t: 'dst', cidr: host(ip), neg: false },
    { t: 'dport', port: sp.port },
  ];
  const clusterIP = sp.clusterIP!;

  if (hasInternal)
    f.natServices.push(
      rule('KUBE-SERVICES', [comment(`${name} cluster IP`), ...vip(clusterIP)], jump(internalChain)),
    );
  else f.filterServices.push(rule(KUBE_SERVICES, [comment(intComment), ...vip(clusterIP)], intTarget));

  for (const ip of sp.externalIPs) {
    if (hasAny)
      f.natServices.push(rule(KUBE_SERVICES, [comment(`${name} external IP`), ...vip(ip)], jump(ch.ext)));
    if (!hasExternal)
      f.filterExternal.push(rule(KUBE_EXTERNAL, [comment(extComment), ...vip(ip)], extTarget));
  }
  for (const ip of sp.loadBalancerIPs) {
    if (hasAny)
      f.natServices.push(
        rule(KUBE_SERVICES, [comment(`${name} loadbalancer IP`), ...vip(ip)], jump(lbChain)),
      );
    if (usesFW)
      f.filterFirewall.push(
        rule(KUBE_PROXY_FIREWALL, [comment(`${name} traffic not accepted by ${ch.fw}`), ...vip(ip)], {
          t: 'DROP',
        }),
      );
  }
  if (!hasExternal)
    for (const ip of sp.loadBalancerIPs)
      f.filterExternal.push(rule(KUBE_EXTERNAL, [comment(extComment), ...vip(ip)], extTarget));
  if (sp.nodePort !== 0) {
    const np: Part = { t: 'dport', port: sp.nodePort };
    if (hasAny) f.natNodePorts.push(rule(KUBE_NODEPORTS, [comment(name), l4, np], jump(ch.ext)));
    if (!hasExternal)
      f.filterExternal.push(
        rule(KUBE_EXTERNAL, [comment(extComment), { t: 'addrtype', dir: 'dst' }, l4, np], extTarget),
      );
  }
  if (sp.healthCheckNodePort !== 0)
    f.filterNodePorts.push(
      rule(
        KUBE_NODEPORTS,
        [
          comment(`${name} health check node port`),
          { t: 'l4', proto: 'tcp' },
          { t: 'dport', port: sp.healthCheckNodePort },
        ],
        { t: 'ACCEPT' },
      ),
    );

  let built: Map<string, IptRule[]> | null = null;
  f.natChains = () => (built ??= buildChains());
  return f;

  function buildChains(): Map<string, IptRule[]> {
    const chains = new Map<string, IptRule[]>();
    const add = (chain: string, r: IptRule) => {
      const list = chains.get(chain);
      if (list) list.push(r);
      else chains.set(chain, [r]);
    };
    const masqInternal = () => {
      if (!hasInternal) return;
      const parts: Part[] = [comment(`${name} cluster IP`), ...vip(clusterIP)];
      if (!c.masqueradeAll) parts.push({ t: 'src', cidr: c.clusterCidr, neg: true });
      add(internalChain, rule(internalChain, parts, jump(KUBE_MARK_MASQ)));
    };
    if (usesExt) {
      chains.set(ch.ext, []);
      if (!externalPolicyLocal(sp)) {
        add(
          ch.ext,
          rule(
            ch.ext,
            [comment(`masquerade traffic for ${name} external destinations`)],
            jump(KUBE_MARK_MASQ),
          ),
        );
      } else {
        add(
          ch.ext,
          rule(
            ch.ext,
            [
              comment(`pod traffic for ${name} external destinations`),
              { t: 'src', cidr: c.clusterCidr, neg: false },
            ],
            jump(ch.svc),
          ),
        );
        add(
          ch.ext,
          rule(
            ch.ext,
            [
              comment(`masquerade LOCAL traffic for ${name} external destinations`),
              { t: 'addrtype', dir: 'src' },
            ],
            jump(KUBE_MARK_MASQ),
          ),
        );
        add(
          ch.ext,
          rule(
            ch.ext,
            [comment(`route LOCAL traffic for ${name} external destinations`), { t: 'addrtype', dir: 'src' }],
            jump(ch.svc),
          ),
        );
      }
      if (hasExternal) add(ch.ext, rule(ch.ext, [], jump(externalPolicyChain)));
    }
    if (usesFW) {
      chains.set(ch.fw, []);
      const lbc = comment(`${name} loadbalancer IP`);
      let allowFromNode = false;
      for (const r of sp.loadBalancerSourceRanges) {
        add(ch.fw, rule(ch.fw, [lbc, { t: 'src', cidr: r, neg: false }], jump(ch.ext)));
        if (c.nodeIp !== null && cidrContains(r, c.nodeIp)) allowFromNode = true;
      }
      if (allowFromNode)
        for (const ip of sp.loadBalancerIPs)
          add(ch.fw, rule(ch.fw, [lbc, { t: 'src', cidr: host(ip), neg: false }], jump(ch.ext)));
      add(
        ch.fw,
        rule(ch.fw, [comment(`other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL`)], {
          t: 'none',
        }),
      );
    }
    if (usesClusterPolicyChain) {
      chains.set(ch.svc, chains.get(ch.svc) ?? []);
      if (internalChain === ch.svc) masqInternal();
      for (const r of writeServiceToEndpointRules(sp, ch.svc, clusterEndpoints, c)) add(ch.svc, r);
    }
    if (usesLocalPolicyChain) {
      chains.set(ch.svl, chains.get(ch.svl) ?? []);
      if (internalChain === ch.svl) masqInternal();
      for (const r of writeServiceToEndpointRules(sp, ch.svl, localEndpoints, c)) add(ch.svl, r);
    }
    for (const e of reachable) {
      const sep = sepChain(sp, e);
      const cm: Part[] = c.large ? [] : [comment(name)];
      const dnatParts: Part[] = [...cm];
      if (sp.sessionAffinity === 'ClientIP')
        dnatParts.push({ t: 'recent', op: 'set', name: sep, seconds: 0 });
      dnatParts.push(l4);
      chains.set(sep, [
        rule(sep, [...cm, { t: 'src', cidr: host(e.ip), neg: false }], jump(KUBE_MARK_MASQ)),
        rule(sep, dnatParts, { t: 'DNAT', ip: e.ip, port: e.port }),
      ]);
    }
    return chains;
  }
}
