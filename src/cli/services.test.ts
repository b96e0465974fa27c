import { describe, expect, it } from 'vitest';
import { itShared } from '../testing/shared-data';
import { EXIT } from './run';
import { type JsonTrace, cli, cliJson, eth0Ip, realPath } from './testing';

/** Services, kube-proxy modes, DNS names and policies through the CLI, on preset S and real recipes. */

const PROXIES = ['iptables', 'ipvs', 'nftables', 'ebpf'] as const;
const HOP_KEYS = ['netns', 'device', 'kind', 'explain', 'rule', 'packet', 'outer'];

const trace = (args: string[]) => cliJson<JsonTrace>(['trace', ...args]);

/** The ClusterIP of default/backend as the Pod's resolver finds it (`resolve`, not the engine). */
function backendClusterIp(): string {
  const r = cliJson<{ answers: string[] }>(['resolve', '--from', 'default/client', 'backend.default']).json;
  const m = /^backend\.default\.svc\.cluster\.local\. \d+ IN A (\S+)$/.exec(r.answers[0] ?? '');
  expect(m, r.answers.join('\n')).not.toBeNull();
  return m![1]!;
}

describe('cli trace to a Service', () => {
  const backends = () => ({
    'default/backend-1': eth0Ip('default/backend-1'),
    'default/backend-2': eth0Ip('default/backend-2'),
  });

  it.each(PROXIES)(
    'proxy %s: DNAT to an endpoint Pod, delivered to that Pod, conntrack reported (not for socket LB)',
    (proxy) => {
      const vip = backendClusterIp();
      const ips = backends();
      const { run, json: t } = trace([
        '--from',
        'default/client',
        '--to',
        'default/backend',
        '--port',
        '80',
        '--proxy',
        proxy,
      ]);
      expect(run.code, run.err).toBe(EXIT.ok);
      expect(t.verdict).toBe('delivered');
      // Top-level keys as before, plus conntrack when netfilter/IPVS translated the packet; the eBPF
      // socket LB rewrites connect() itself and leaves no conntrack entry.
      expect(Object.keys(t)).toEqual(
        proxy === 'ebpf'
          ? ['verdict', 'reason', 'deliveredTo', 'hops', 'probe']
          : ['verdict', 'reason', 'deliveredTo', 'hops', 'probe', 'conntrack'],
      );
      // Hop keys as before, then every hop's leg, then the Service a DNAT hop translated for.
      for (const h of t.hops)
        expect(Object.keys(h)).toEqual(
          h.kind === 'dnat' ? [...HOP_KEYS, 'leg', 'service'] : [...HOP_KEYS, 'leg'],
        );
      const dnat = t.hops.filter((h) => h.kind === 'dnat');
      expect(dnat).toHaveLength(1);
      expect(dnat[0]).toMatchObject({ leg: 'client', service: 'default/backend' });
      // Until the translation (eBPF mode: at connect(), before the first hop) the packet goes to the ClusterIP.
      for (const h of t.hops.slice(0, t.hops.indexOf(dnat[0]!)))
        expect(h.packet).toMatchObject({ dst: vip, dstPort: 80 });
      // The deciding rule, as the mode's own tool prints it, names the ClusterIP and the chosen endpoint.
      expect(dnat[0]!.rule).toContain(vip);
      expect(dnat[0]!.rule).toContain(dnat[0]!.packet.dst);
      const chosen = Object.entries(ips).find(([, ip]) => ip === dnat[0]!.packet.dst);
      expect(chosen, `DNAT to ${dnat[0]!.packet.dst}`).toBeDefined();
      // targetPort `api` names containerPort 9090.
      expect(dnat[0]!.packet.dstPort).toBe(9090);
      expect(t.deliveredTo).toBe(chosen![0]);
      const last = t.hops[t.hops.length - 1]!;
      expect(last).toMatchObject({ kind: 'deliver', netns: chosen![0] });
      expect(last.packet).toMatchObject({ dst: chosen![1], dstPort: 9090, src: t.hops[0]!.packet.src });
      // conntrack -L: the original tuple to the ClusterIP, the reply tuple from the endpoint.
      if (proxy === 'ebpf') return;
      expect(t.conntrack!.length).toBeGreaterThan(0);
      expect(t.conntrack![0]!.entry).toContain(`dst=${vip}`);
      expect(t.conntrack![0]!.entry).toContain(`src=${chosen![1]}`);
    },
  );

  it.each(PROXIES)('proxy %s: --endpoint picks each endpoint in turn', (proxy) => {
    for (const [pod, ip] of Object.entries(backends())) {
      const { run, json: t } = trace([
        '--from',
        'default/client',
        '--to',
        'default/backend',
        '--port',
        '80',
        '--proxy',
        proxy,
        '--endpoint',
        `${ip}:9090`,
      ]);
      expect(run.err).not.toContain('warning');
      expect(t.deliveredTo).toBe(pod);
      expect(t.hops.find((h) => h.kind === 'dnat')!.packet.dst).toBe(ip);
    }
  });

  it('--endpoint: a bad value is a usage error; an address that is no endpoint is ignored with a warning', () => {
    const base = ['trace', '--from', 'default/client', '--to', 'default/backend', '--port', '80'];
    const bad = cli([...base, '--endpoint', '10.244.1.3']);
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.err).toMatch(/--endpoint must be IPv4:PORT/);
    const unused = cli([...base, '--endpoint', '10.9.9.9:9090']);
    expect(unused.code).toBe(EXIT.ok);
    expect(unused.err).toContain('warning: --endpoint 10.9.9.9:9090 was not used');
  });

  it('--from external to the LoadBalancer Service: lb, then DNAT on the node, SNAT, delivered to a frontend Pod', () => {
    const { run, json: t } = trace(['--from', 'external', '--to', 'default/frontend', '--port', '80']);
    expect(run.code, run.err).toBe(EXIT.ok);
    expect(t.hops[0]!.netns).toBe('external');
    const kinds = t.hops.map((h) => h.kind);
    const [lb, dnat, snat] = ['lb', 'dnat', 'snat'].map((k) => kinds.indexOf(k));
    expect(lb).toBeGreaterThanOrEqual(0);
    expect(lb).toBeLessThan(dnat!);
    expect(dnat).toBeLessThan(snat!);
    const frontends = ['default/frontend-1', 'default/frontend-2'];
    expect(frontends).toContain(t.deliveredTo);
    const ip = eth0Ip(t.deliveredTo!);
    expect(t.hops[dnat!]!.packet).toMatchObject({ dst: ip, dstPort: 8080 });
    // externalTrafficPolicy Cluster: the client address is masqueraded, so the Pod sees a node-side source.
    const client = t.hops[0]!.packet.src;
    const snatted = t.hops[snat!]!.packet.src;
    expect(snatted).not.toBe(client);
    expect(t.hops[t.hops.length - 1]!.packet).toMatchObject({ src: snatted, dst: ip });
  });

  it('a DNS name: the DNS query hops come first, then the connection to the ClusterIP it returned', () => {
    const vip = backendClusterIp();
    const resolvConf = cli(['show', '--netns', 'default/client', '--what', 'resolv.conf']).out;
    const nameserver = /^nameserver (\S+)$/m.exec(resolvConf)![1]!;
    for (const name of ['backend', 'backend.default', 'backend.default.svc.cluster.local.']) {
      const { run, json: t } = trace(['--from', 'default/client', '--to', name, '--port', '80']);
      expect(run.code, name).toBe(EXIT.ok);
      // The query (phase dns, ending in CoreDNS), then the stub resolver's answer (a dns hop in the Pod).
      const firstConn = t.hops.findIndex((h) => h.phase !== 'dns' && h.kind !== 'dns');
      expect(firstConn, name).toBeGreaterThan(1);
      expect(t.hops.slice(firstConn).every((h) => h.phase === undefined && h.kind !== 'dns')).toBe(true);
      const query = t.hops.slice(0, firstConn - 1);
      expect(query.every((h) => h.phase === 'dns')).toBe(true);
      expect(query[0]!.packet).toMatchObject({ dst: nameserver, dstPort: 53, protocol: 'UDP' });
      expect(query[query.length - 1]!.kind).toBe('dns');
      expect(query[query.length - 1]!.netns).toMatch(/^kube-system\/coredns-/);
      for (const h of query) {
        expect(Object.keys(h).slice(0, HOP_KEYS.length + 2)).toEqual([...HOP_KEYS, 'phase', 'leg']);
        expect(h).toMatchObject({ phase: 'dns', leg: 'dns' });
      }
      expect(t.hops[firstConn - 1]).toMatchObject({ kind: 'dns', netns: 'default/client' });
      expect(t.hops[firstConn]!.packet).toMatchObject({ dst: vip, dstPort: 80, protocol: 'TCP' });
      expect(['default/backend-1', 'default/backend-2']).toContain(t.deliveredTo);
    }
    const table = cli(['trace', '--from', 'default/client', '--to', 'backend', '--port', '80']).out;
    expect(table).toMatch(/^-- DNS: default\/client resolves backend\n1 /m);
    expect(table).toMatch(/^-- connection to backend$/m);
    expect(table).toMatch(/^conntrack:\n {2}node\/node-1: udp /m);
  });

  it('names the checks accept before the engine: add-on Services, external; an unknown name is DNS_FAILED', () => {
    const dns = cli([
      'trace',
      '--from',
      'default/client',
      '--to',
      'kube-system/kube-dns',
      '--port',
      '53',
      '--protocol',
      'UDP',
    ]);
    expect(dns.code, dns.err).toBe(EXIT.ok);
    const nx = trace(['--from', 'default/client', '--to', 'no-such-service', '--port', '80']);
    expect(nx.run.code).toBe(EXIT.dropped);
    expect(nx.json.reason).toBe('DNS_FAILED');
    const bad = cli(['trace', '--from', 'default/client', '--to', 'web!', '--port', '80']);
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.err).toMatch(/--to must be NS\/POD, NS\/SVC, an IPv4 address or a DNS name/);
  });
});

describe('cli show: the Service datapath views on preset S', () => {
  const show = (netns: string, what: string, proxy?: string) => {
    const r = cli(['show', '--netns', netns, '--what', what, ...(proxy ? ['--proxy', proxy] : [])]);
    expect(r.code, r.err).toBe(EXIT.ok);
    return r.out;
  };

  it('iptables-save, nft, ipvsadm, ipset and ebpf-maps show default/backend in the matching proxy mode', () => {
    const vip = backendClusterIp();
    const ipt = show('node/node-1', 'iptables-save', 'iptables');
    expect(ipt).toMatch(/^\*nat$/m);
    expect(ipt).toMatch(
      new RegExp(
        `^-A KUBE-SERVICES -d ${vip.replace(/\./g, '\\.')}/32 -p tcp .*"default/backend:api cluster IP".*--dport 80 -j KUBE-SVC-`,
        'm',
      ),
    );
    expect(show('node/node-1', 'nft', 'nftables')).toMatch(/^table ip kube-proxy \{$/m);
    const ipvs = show('node/node-1', 'ipvsadm', 'ipvs');
    expect(ipvs).toContain(`TCP  ${vip}:80 rr`);
    const block = ipvs
      .slice(ipvs.indexOf(`TCP  ${vip}:80 rr`))
      .split('\n')
      .slice(1, 3)
      .join('\n');
    for (const pod of ['default/backend-1', 'default/backend-2'])
      expect(block).toContain(`-> ${eth0Ip(pod)}:9090`);
    const ipset = show('node/node-1', 'ipset', 'ipvs');
    expect(ipset).toMatch(/^Name: KUBE-CLUSTER-IP$/m);
    expect(ipset).toContain(`${vip},tcp:80`);
    expect(show('node/node-1', 'ebpf-maps', 'ebpf')).toContain(`${vip}:80/TCP`);
  });

  it("resolv.conf of a Pod points at kube-dns with the namespace's search list", () => {
    const conf = show('default/client', 'resolv.conf');
    expect(conf).toContain('search default.svc.cluster.local svc.cluster.local cluster.local');
    expect(conf).toMatch(/^nameserver 10\.96\.0\.10$/m);
    expect(conf).toMatch(/^options ndots:5$/m);
  });
});

describe('cli trace with NetworkPolicies (real recipes)', () => {
  itShared(
    'recipe 01: every packet to the isolated app is dropped at a policy hop, by Pod, ClusterIP or name',
    () => {
      const file = realPath('recipes/01-deny-all-traffic-to-an-application/manifests.yaml');
      // 10.96.1.10 is the fixed spec.clusterIP of Service default/web in the recipe's manifests.
      for (const to of ['default/web', '10.96.1.10', 'web']) {
        const { run, json: t } = trace([
          '--manifests',
          file,
          '--from',
          'default/test-1',
          '--to',
          to,
          '--port',
          '80',
        ]);
        expect(run.code, to).toBe(EXIT.dropped);
        expect(t.reason, to).toBe('POLICY_DENIED');
        const policy = t.hops.findIndex((h) => h.kind === 'policy' && h.phase === undefined);
        expect(policy, to).toBeGreaterThan(0);
        expect(t.hops[t.hops.length - 1]!.kind).toBe('drop');
        if (to !== 'default/web') {
          // Through the Service: DNAT to the web Pod first, then its ingress policy drops the packet.
          const dnat = t.hops.findIndex((h) => h.kind === 'dnat' && h.phase === undefined);
          expect(dnat, to).toBeGreaterThanOrEqual(0);
          expect(t.hops[dnat]!.packet.dst).toBe('10.244.1.10');
        }
      }
    },
  );

  itShared(
    'recipe 02: the allowed client passes the policy hops and is delivered; the other is dropped',
    () => {
      const file = realPath('recipes/02-limit-traffic-to-an-application/manifests.yaml');
      const args = ['--manifests', file, '--to', 'default/apiserver', '--port', '80'];
      const ok = trace(['--from', 'default/test-2', ...args]);
      expect(ok.run.code).toBe(EXIT.ok);
      expect(ok.json.deliveredTo).toBe('default/apiserver');
      expect(ok.json.hops.some((h) => h.kind === 'policy')).toBe(true);
      const denied = trace(['--from', 'default/test-1', ...args]);
      expect(denied.run.code).toBe(EXIT.dropped);
      expect(denied.json.reason).toBe('POLICY_DENIED');
      expect(denied.json.hops.some((h) => h.kind === 'policy')).toBe(true);
    },
  );
});

describe('cli trace to an http:// URL', () => {
  it('without a Gateway or Ingress it is a usage error that says so', () => {
    const r = cli(['trace', '--from', 'external', '--to', 'http://www.example.com/']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain('no Gateway or Ingress');
  });

  it('flags of the other form are refused with a located message', () => {
    const r = cli(['trace', '--from', 'external', '--to', 'http://www.example.com/', '--port', '80']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain('--port does not apply');
    const r2 = cli(['trace', '--from', 'default/client', '--to', 'default/backend', '--method', 'POST']);
    expect(r2.code).toBe(EXIT.usage);
    expect(r2.err).toContain('--method is only for an http:// --to');
  });
});
