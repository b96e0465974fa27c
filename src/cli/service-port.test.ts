import { describe, expect, it } from 'vitest';
import { EXIT } from './run';
import { type JsonTrace, cli, cliJson } from './testing';

/**
 * A probe to a port the Service does not serve: a `warning:` line and `"warnings"` in the JSON,
 * and a trace that shows what each proxy mode's node really does with the packet.
 */

const args = (proxy: string, port = '7070') => [
  'trace',
  '--from',
  'default/client',
  '--to',
  'default/backend',
  '--port',
  port,
  '--proxy',
  proxy,
];

type Warned = JsonTrace & { warnings?: { code: string; args: Record<string, unknown>; message: string }[] };

describe('cli trace to a port the Service does not serve', () => {
  it('warns on stderr and in the JSON, naming the ports the Service serves', () => {
    const { run, json } = cliJson<Warned>([...args('iptables')]);
    expect(run.err).toContain('warning: Service default/backend does not serve 7070/TCP; it serves 80/TCP');
    expect(json.warnings).toHaveLength(1);
    expect(json.warnings![0]!.code).toBe('SERVICE_PORT_NOT_SERVED');
    expect(json.warnings![0]!.args).toMatchObject({
      service: 'default/backend',
      port: 7070,
      protocol: 'TCP',
    });
    expect(String(json.warnings![0]!.args.ports)).toContain('80/TCP');
  });

  it('a served port gives no warnings key at all', () => {
    const { run, json } = cliJson<Warned>([...args('iptables', '80')]);
    expect(run.err).not.toContain('warning');
    expect('warnings' in json).toBe(false);
  });

  it('iptables: no KUBE-SERVICES rule matches, the packet follows the routes and leaves the cluster', () => {
    const { json } = cliJson<Warned>([...args('iptables')]);
    expect(json.hops.some((h) => h.kind === 'dnat')).toBe(false);
    expect(json.reason).toBe('LEFT_CLUSTER');
    expect(json.hops.at(-2)!.rule).toMatch(/^default via /);
  });

  it("nftables: cluster-ips-check rejects it, named as that rule (not 'no endpoints')", () => {
    const { json } = cliJson<Warned>([...args('nftables')]);
    expect(json.reason).toBe('INVALID_SERVICE_PORT');
    const last = json.hops.at(-1)!;
    expect(last.rule).toContain('cluster-ips-check ip daddr @cluster-ips reject');
    expect(last.explain).toContain('cluster-ips-check');
    expect(last.explain).not.toContain('no ready endpoints');
  });

  it('IPVS: the VIP on kube-ipvs0 is local; KUBE-IPVS-FILTER (filter table) rejects the port no Service has', () => {
    const tcp = cliJson<Warned>([...args('ipvs')]).json;
    expect(tcp.verdict).toBe('dropped');
    expect(tcp.reason).toBe('INVALID_SERVICE_PORT');
    expect(tcp.hops.at(-1)!.rule).toMatch(/-A KUBE-IPVS-FILTER .*--match-set KUBE-IPVS-IPS dst -j REJECT/);
    expect(tcp.hops.at(-1)!.explain).toContain('kube-ipvs0');
    expect(tcp.hops.at(-1)!.explain).toContain('ICMP port unreachable');
    const udp = cliJson<Warned>([...args('ipvs'), '--protocol', 'UDP']).json;
    expect(udp.hops.at(-1)!.explain).toContain('ICMP port unreachable');
  });

  it('the table output prints the warning too, and the exit status is "dropped"', () => {
    const run = cli(args('nftables'));
    expect(run.code).toBe(EXIT.dropped);
    expect(run.err).toMatch(/^warning: Service default\/backend does not serve 7070\/TCP/m);
  });
});
