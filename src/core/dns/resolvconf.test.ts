import { describe, expect, it } from 'vitest';
import { buildServiceState } from '../services/control-plane/build';
import { clusterOf, smallWithServices } from '../services/testing/fixture';
import { podResolvConf, renderResolvConf } from './resolvconf';
import { buildEngine, engineShow, engineTrace } from '../engine';
import { smallScenario } from '../../scenario/presets/small';
import { importYaml } from '../../scenario/yaml/import';
import type { K8sPod } from '../model/k8s';

/**
 * kubelet's resolv.conf for every dnsPolicy with spec.dnsConfig (kubernetes/kubernetes
 * pkg/kubelet/network/dns/dns.go `GetPodDNS`, `appendDNSConfig`), printed as containerd writes it,
 * and the same file driving name resolution in a trace.
 */
const state = buildServiceState(clusterOf(smallWithServices()));
const node = { search: ['corp.example'], nameservers: ['192.168.1.1'], options: ['edns0'] };
const file = (c: Parameters<typeof podResolvConf>[0]) => renderResolvConf(podResolvConf(c, state, node));

describe("kubelet's resolv.conf", () => {
  it('None: only what dnsConfig says', () => {
    expect(
      file({
        namespace: 'web',
        dnsPolicy: 'None',
        dnsConfig: {
          nameservers: ['1.1.1.1', '8.8.8.8'],
          searches: ['svc.example', 'example'],
          options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }],
        },
      }),
    ).toBe('search svc.example example\nnameserver 1.1.1.1\nnameserver 8.8.8.8\noptions ndots:2 edns0\n');
    expect(file({ namespace: 'web', dnsPolicy: 'None' })).toBe('\n');
  });

  it('ClusterFirst with dnsConfig: appended, duplicates dropped, options merged by name', () => {
    expect(
      file({
        namespace: 'web',
        dnsConfig: {
          nameservers: ['10.96.0.10', '192.0.2.53'],
          searches: ['cluster.local', 'ns.example'],
          options: [{ name: 'ndots', value: '2' }, { name: 'single-request-reopen' }],
        },
      }),
    ).toBe(
      'search web.svc.cluster.local svc.cluster.local cluster.local corp.example ns.example\n' +
        'nameserver 10.96.0.10\nnameserver 192.0.2.53\n' +
        'options ndots:2 single-request-reopen\n',
    );
  });

  it('hostNetwork: ClusterFirst falls back to the node file, ClusterFirstWithHostNet keeps cluster DNS', () => {
    expect(file({ namespace: 'kube-system', hostNetwork: true })).toBe(
      'search corp.example\nnameserver 192.168.1.1\noptions edns0\n',
    );
    expect(file({ namespace: 'kube-system', hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' })).toBe(
      'search kube-system.svc.cluster.local svc.cluster.local cluster.local corp.example\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
    // Default with dnsConfig: the node file plus the additions.
    expect(file({ namespace: 'x', dnsPolicy: 'Default', dnsConfig: { nameservers: ['192.0.2.53'] } })).toBe(
      'search corp.example\nnameserver 192.168.1.1\nnameserver 192.0.2.53\noptions edns0\n',
    );
  });

  it('at most 3 nameservers and 32 search domains (formDNSConfigFitsLimits)', () => {
    const rc = podResolvConf(
      {
        namespace: 'x',
        dnsPolicy: 'None',
        dnsConfig: {
          nameservers: ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4'],
          searches: Array.from({ length: 40 }, (_, i) => `d${i}.example`),
        },
      },
      state,
      node,
    );
    expect(rc.nameservers).toEqual(['192.0.2.1', '192.0.2.2', '192.0.2.3']);
    expect(rc.search).toHaveLength(32);
  });
});

describe('the view and resolution read the same file', () => {
  it('a Pod with dnsPolicy None asks its own nameserver: no CoreDNS query, search list from dnsConfig', () => {
    const s = smallScenario();
    const client = s.pods.find((p) => p.metadata.name === 'client')! as K8sPod;
    client.spec.dnsPolicy = 'None';
    client.spec.dnsConfig = { nameservers: ['192.0.2.53'], searches: ['default.svc.cluster.local'] };
    const e = buildEngine(s).engine!;
    expect(engineShow(e, 'default/client', 'resolv.conf')).toBe(
      'search default.svc.cluster.local\nnameserver 192.0.2.53\n',
    );
    const t = engineTrace(e, { from: 'default/client', to: 'backend', port: 80, protocol: 'TCP' });
    // The resolver sent every try to 192.0.2.53, which is not CoreDNS: nothing in the cluster answers.
    const dns = t.hops.find((h) => h.leg === 'dns' && (h.kind === 'dns' || h.kind === 'drop'))!;
    expect(dns.packet.dst).toBe('192.0.2.53');
    expect(t.hops.some((h) => h.kind === 'dnat' && h.leg === 'dns')).toBe(false);
    expect(t.verdict).toBe('dropped');
  });

  it('YAML import carries spec.dnsConfig', () => {
    const r = importYaml(
      `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: default}
spec:
  dnsPolicy: None
  dnsConfig:
    nameservers: [1.1.1.1]
    searches: [example.org]
    options: [{name: ndots, value: "1"}, {name: rotate}]
  containers: [{name: c, image: nginx}]
`,
      smallScenario(),
    );
    const pod = r.scenario!.pods.find((p) => p.metadata.name === 'p')!;
    expect(pod.spec.dnsConfig).toEqual({
      nameservers: ['1.1.1.1'],
      searches: ['example.org'],
      options: [{ name: 'ndots', value: '1' }, { name: 'rotate' }],
    });
  });
});
