import { describe, expect, it } from 'vitest';
import { emptyScenario } from '../../core/model/scenario';
import { corefileDomain } from './corefile';
import { importYaml } from './import';
import { sayText } from './messages';
import { formatIssue } from './types';

// kubeadm's Corefile template (kubernetes cmd/kubeadm/app/phases/addons/dns/manifests.go).
const KUBEADM_COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes corp.internal in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30
    loop
    reload
    loadbalance
}
`;

const empty = emptyScenario;

const indent = (text: string, n: number): string =>
  text
    .split('\n')
    .map((l) => (l ? ' '.repeat(n) + l : l))
    .join('\n');

const corednsConfigMap = (corefile: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
data:
  Corefile: |
${indent(corefile, 4)}`;

const kubeadmConfigMap = (domain: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: kubeadm-config
  namespace: kube-system
data:
  ClusterConfiguration: |
    apiVersion: kubeadm.k8s.io/v1beta3
    kind: ClusterConfiguration
    networking:
      dnsDomain: ${domain}
      podSubnet: 10.244.0.0/16
      serviceSubnet: 10.96.0.0/12
`;

describe('corefileDomain', () => {
  it("reads the kubernetes plugin's zone from kubeadm's Corefile, skipping the reverse zones", () => {
    expect(corefileDomain(KUBEADM_COREFILE)).toBe('corp.internal');
    expect(corefileDomain('.:53 {\n  kubernetes in-addr.arpa cluster.local.\n}')).toBe('cluster.local');
  });

  it("falls back to the server block's keys when the directive names no zone", () => {
    expect(corefileDomain('cluster.local:53 {\n  kubernetes {\n    pods verified\n  }\n}')).toBe(
      'cluster.local',
    );
  });

  it('ignores comments and Corefiles without the kubernetes plugin', () => {
    expect(corefileDomain('# kubernetes evil.example\n.:53 {\n  forward . 8.8.8.8\n}')).toBeNull();
  });
});

describe('the cluster domain from the dump', () => {
  it('CoreDNS ConfigMap: infers the domain and says which object it came from', () => {
    const r = importYaml(corednsConfigMap(KUBEADM_COREFILE), empty());
    expect(r.errors.map(formatIssue)).toEqual([]);
    expect(r.scenario!.cluster.clusterDomain).toBe('corp.internal');
    expect(r.inferred.map(sayText)).toContain(
      "Cluster domain corp.internal: the zone CoreDNS's kubernetes plugin serves in ConfigMap kube-system/coredns data.Corefile.",
    );
    // The ConfigMap was used, so it is not listed as skipped.
    expect(r.notices.filter((n) => n.skipped)).toEqual([]);
  });

  it('kubeadm ClusterConfiguration: networking.dnsDomain is stated, like its podSubnet', () => {
    const r = importYaml(kubeadmConfigMap('corp.internal'), empty());
    expect(r.errors.map(formatIssue)).toEqual([]);
    expect(r.scenario!.cluster.clusterDomain).toBe('corp.internal');
  });

  it('kubeadm and CoreDNS agreeing load; disagreeing is an error naming both', () => {
    const agree = importYaml(
      `${kubeadmConfigMap('corp.internal')}---\n${corednsConfigMap(KUBEADM_COREFILE)}`,
      empty(),
    );
    expect(agree.errors).toEqual([]);
    expect(agree.scenario!.cluster.clusterDomain).toBe('corp.internal');

    const clash = importYaml(
      `${kubeadmConfigMap('cluster.local')}---\n${corednsConfigMap(KUBEADM_COREFILE)}`,
      empty(),
    );
    expect(clash.scenario).toBeNull();
    expect(clash.errors.map((e) => e.message)).toEqual([
      'ConfigMap kube-system/kubeadm-config networking.dnsDomain names cluster domain cluster.local but ConfigMap kube-system/coredns data.Corefile names corp.internal: the cluster has one domain (give --cluster-domain to choose)',
    ]);
  });

  it('--cluster-domain wins over both, with no error', () => {
    const r = importYaml(
      `${kubeadmConfigMap('cluster.local')}---\n${corednsConfigMap(KUBEADM_COREFILE)}`,
      empty(),
      {
        stated: { clusterDomain: { value: 'other.test', by: '--cluster-domain' } },
      },
    );
    expect(r.errors).toEqual([]);
    expect(r.scenario!.cluster.clusterDomain).toBe('other.test');
    expect(r.inferred.map((s) => s.key)).not.toContain('import.plan.domain.corefile');
  });
});
