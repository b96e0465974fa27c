import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itShared, realManifest } from '../testing/shared-data';
import { emptyScenario } from '../core/model/scenario';
import { importYaml } from '../scenario/manifests';
import { EXIT, runCli } from './run';

const realPath = realManifest;

const emptyBase = emptyScenario;

interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process; `files` stand in for files on disk. */
function cli(args: string[], files: Record<string, string> = {}): Run {
  let out = '';
  let err = '';
  const code = runCli(args, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    readFile: (p) => files[p] ?? readFileSync(p, 'utf8'),
  });
  return { code, out, err };
}

interface JsonHop {
  netns: string;
  device: string | null;
  kind: string;
  explain: string;
  rule: string | null;
  packet: {
    src: string;
    dst: string;
    protocol: string;
    srcPort: number | null;
    dstPort: number | null;
    ttl: number;
  };
  outer: { src: string; dst: string; dstPort: number; vni: number } | null;
  leg: string;
}
interface JsonTrace {
  verdict: string;
  reason: string | null;
  deliveredTo: string | null;
  hops: JsonHop[];
  probe: { from: string; to: string; port: number; protocol: string };
}

function traceJson(args: string[], files?: Record<string, string>): { run: Run; t: JsonTrace } {
  const run = cli(['trace', ...args, '--json'], files);
  return { run, t: JSON.parse(run.out) as JsonTrace };
}

/** The inet address `show … ip-addr` prints for eth0 of a netns. */
function eth0Ip(netns: string, extra: string[] = []): string {
  const r = cli(['show', '--netns', netns, '--what', 'ip-addr', ...extra]);
  expect(r.code).toBe(EXIT.ok);
  const m = /inet (\d+\.\d+\.\d+\.\d+)\/\d+ .*eth0/.exec(r.out);
  expect(m, r.out).not.toBeNull();
  return m![1]!;
}

describe('cli argument handling', () => {
  it('unknown flags, bad values and missing flags exit 2 with a clear message on stderr', () => {
    const cases: [string[], RegExp][] = [
      [
        ['trace', '--from', 'default/client', '--to', 'default/db-0', '--port', '5432', '--porto', 'TCP'],
        /unknown flag --porto for "trace" \(did you mean --port\?\)/,
      ],
      [
        ['trace', '--from', 'default/client', '--to', 'default/db-0', '--port', 'http'],
        /--port must be an integer 1–65535; got "http"/,
      ],
      [
        ['trace', '--from', 'default/client', '--to', 'default/db-0', '--port', '70000'],
        /--port must be an integer 1–65535; got "70000"/,
      ],
      [
        ['trace', '--from', 'default/client', '--to', 'default/db-0', '--port', '1', '--protocol', 'ICMP'],
        /--protocol must be one of TCP, UDP, SCTP; got "ICMP"/,
      ],
      [['trace', '--from', 'default/client', '--port', '1'], /missing required flag --to/],
      [['trace', '--from', 'default/client', '--to'], /--to needs a value/],
      [
        ['trace', '--from', 'default/nobody', '--to', 'default/db-0', '--port', '1'],
        /--from: no Pod default\/nobody \(Pods: default\/client, /,
      ],
      [
        ['trace', '--from', 'node/node-9', '--to', 'default/db-0', '--port', '1'],
        /--from: no node node-9 \(nodes: node-1, node-2, node-3\)/,
      ],
      [
        ['trace', '--from', 'default/client', '--to', 'default/nope', '--port', '1'],
        /--to: no Pod or Service default\/nope/,
      ],
      [
        ['show', '--netns', 'node/node-1', '--what', 'iptables'],
        /--what must be one of ip-addr, ip-br-addr, ip-route, ip-neigh, bridge-fdb, ip-link, ebpf/,
      ],
      [
        ['show', '--netns', 'node/node-1', '--what', 'ip-route', '--intra', 'vxlan'],
        /--intra must be one of bridge, routed, ebpf/,
      ],
      [
        ['show', '--netns', 'node/node-1', '--what', 'ip-route', '--manifests', '/nonexistent.yaml'],
        /cannot read --manifests \/nonexistent.yaml: ENOENT/,
      ],
      [
        ['ping'],
        /unknown command "ping" \(commands: trace, show, export, resolve, reach, status, lessons, export-image\)/,
      ],
      [['trace', 'default/client'], /unexpected argument "default\/client"/],
      [['trace', '--json=yes'], /--json takes no value/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(EXIT.usage);
      expect(r.err, args.join(' ')).toMatch(message);
      expect(r.out).toBe('');
    }
  });

  it('--help per command lists its flags; no command prints the overview and exits 2', () => {
    const h = cli(['trace', '--help']);
    expect(h.code).toBe(EXIT.ok);
    for (const flag of [
      '--manifests FILE',
      '--from',
      '--to',
      '--port N',
      '--protocol',
      '--intra',
      '--inter',
      '--json',
    ]) {
      expect(h.out).toContain(flag);
    }
    expect(cli(['show', '-h']).out).toContain(
      '(ip-addr|ip-br-addr|ip-route|ip-neigh|bridge-fdb|ip-link|ebpf|iptables-save|nft|ipvsadm|ipset|ebpf-maps|resolv.conf)',
    );
    const none = cli([]);
    expect(none.code).toBe(EXIT.usage);
    expect(none.err).toContain('commands:');
  });
});

describe('cli trace on preset S', () => {
  it('--json prints exactly the Trace fields plus the probe, and Pod IPs are unchanged at delivery', () => {
    const { run, t } = traceJson(['--from', 'default/client', '--to', 'default/backend-1', '--port', '9090']);
    expect(run.code).toBe(EXIT.ok);
    expect(Object.keys(t)).toEqual(['verdict', 'reason', 'deliveredTo', 'hops', 'probe']);
    expect(t.verdict).toBe('delivered');
    expect(t.reason).toBeNull();
    expect(t.deliveredTo).toBe('default/backend-1');
    expect(t.probe).toMatchObject({
      from: 'default/client',
      to: 'default/backend-1',
      port: 9090,
      protocol: 'TCP',
    });
    for (const hop of t.hops) {
      expect(Object.keys(hop)).toEqual([
        'netns',
        'device',
        'kind',
        'explain',
        'rule',
        'packet',
        'outer',
        'leg',
      ]);
      expect(hop.leg).toBe('client');
      expect(Object.keys(hop.packet)).toEqual(['src', 'dst', 'protocol', 'srcPort', 'dstPort', 'ttl']);
    }
    const clientIp = eth0Ip('default/client');
    const backendIp = eth0Ip('default/backend-1');
    const first = t.hops[0]!;
    const last = t.hops[t.hops.length - 1]!;
    expect(first.packet).toMatchObject({ src: clientIp, dst: backendIp, dstPort: 9090 });
    expect(last.kind).toBe('deliver');
    expect(last.netns).toBe('default/backend-1');
    expect(last.packet).toMatchObject({
      src: clientIp,
      dst: backendIp,
      dstPort: 9090,
      srcPort: first.packet.srcPort,
    });
    // Two routed hops (node-1 and node-2) each take one off the TTL.
    expect(last.packet.ttl).toBe(first.packet.ttl - 2);
  });

  it('cross-node with the overlay: encap on node-1 with a Node-to-Node outer header, decap on node-2', () => {
    const { t } = traceJson([
      '--from',
      'default/client',
      '--to',
      'default/backend-1',
      '--port',
      '9090',
      '--inter',
      'overlay',
    ]);
    const node1 = eth0Ip('node/node-1');
    const node2 = eth0Ip('node/node-2');
    const encap = t.hops.find((h) => h.kind === 'encap');
    const decap = t.hops.find((h) => h.kind === 'decap');
    expect(encap?.netns).toBe('node/node-1');
    expect(decap?.netns).toBe('node/node-2');
    expect(encap!.outer).toMatchObject({ src: node1, dst: node2 });
    expect(t.hops.indexOf(encap!)).toBeLessThan(t.hops.indexOf(decap!));
    // Between encap and decap every hop carries the outer header; none before or after.
    const i = t.hops.indexOf(encap!);
    const j = t.hops.indexOf(decap!);
    t.hops.forEach((h, k) => expect(h.outer !== null, `${k} ${h.kind}`).toBe(k >= i && k <= j));
  });

  it('cross-node with routing: no encapsulation, the same Pod IPs on the wire', () => {
    const { run, t } = traceJson([
      '--from',
      'default/client',
      '--to',
      'default/backend-1',
      '--port',
      '9090',
      '--inter',
      'routing',
    ]);
    expect(run.code).toBe(EXIT.ok);
    expect(t.verdict).toBe('delivered');
    expect(t.hops.some((h) => h.kind === 'encap' || h.outer !== null)).toBe(false);
    const wire = t.hops.find((h) => h.kind === 'underlay')!;
    expect(wire.packet.src).toBe(eth0Ip('default/client', ['--inter', 'routing']));
  });

  it('a dropped packet still prints its trace and exits 3', () => {
    const { run, t } = traceJson(['--from', 'default/client', '--to', '203.0.113.5', '--port', '443']);
    expect(run.code).toBe(EXIT.dropped);
    expect(t.verdict).toBe('dropped');
    expect(typeof t.reason).toBe('string');
    expect(t.deliveredTo).toBeNull();
    expect(t.hops.length).toBeGreaterThan(0);
  });

  it('without --json prints a hop table ending in the verdict', () => {
    const r = cli(['trace', '--from', 'default/client', '--to', 'default/frontend-1', '--port', '8080']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/^trace default\/client → default\/frontend-1 TCP\/8080/);
    expect(r.out).toMatch(/^#\s+netns\s+device\s+kind\s+packet$/m);
    expect(r.out).toMatch(/verdict: delivered to default\/frontend-1 in \d+ hops\n$/);
    expect(r.out).not.toContain('encap');
  });

  it('show prints the routes the designs program', () => {
    const overlay = cli(['show', '--netns', 'node/node-1', '--what', 'ip-route', '--inter', 'overlay']);
    const routing = cli(['show', '--netns', 'node/node-1', '--what', 'ip-route', '--inter', 'routing']);
    const node2 = eth0Ip('node/node-2');
    expect(routing.out).toContain(`10.244.1.0/24 via ${node2} dev eth0`);
    expect(overlay.out).not.toContain(`via ${node2}`);
    expect(overlay.out).toMatch(/^10\.244\.1\.0\/24 via \S+ dev \S+/m);
  });
});

describe('cli on real manifests', () => {
  itShared('guestbook: frontend Pod → redis-master Pod on another node is delivered over the overlay', () => {
    const file = realPath('apps/guestbook.yaml');
    // The same import the CLI does (seed 1) tells us the generated names and where they went.
    const s = importYaml(readFileSync(file, 'utf8'), emptyBase(), { seed: 1 }).scenario!;
    const master = s.pods.find((p) => p.metadata.name.startsWith('redis-master-'))!;
    const frontend = s.pods.find(
      (p) => p.metadata.name.startsWith('frontend-') && p.spec.nodeName !== master.spec.nodeName,
    )!;
    const from = `default/${frontend.metadata.name}`;
    const to = `default/${master.metadata.name}`;
    const { run, t } = traceJson(['--manifests', file, '--from', from, '--to', to, '--port', '6379']);
    expect(run.code).toBe(EXIT.ok);
    expect(run.err).toContain('inferred: Expanded Deployment default/redis-master into 1 Pod');
    expect(run.err).toContain('inferred: No nodes were declared or named; created a 2-node cluster');
    expect(t.deliveredTo).toBe(to);
    expect(t.hops.some((h) => h.kind === 'encap')).toBe(true);
    const first = t.hops[0]!.packet;
    const last = t.hops[t.hops.length - 1]!.packet;
    expect([last.src, last.dst]).toEqual([first.src, first.dst]);
  });

  itShared('recipe 07: Pod IPs from status.podIP survive to the delivery hop', () => {
    const file = realPath('recipes/07-allow-traffic-from-some-pods-in-another-namespace/manifests.yaml');
    const { run, t } = traceJson([
      '--manifests',
      file,
      '--from',
      'other/test-4',
      '--to',
      'default/web',
      '--port',
      '80',
    ]);
    expect(run.err).toContain('inferred: Created node node-1 with Pod CIDR 10.244.1.0/24');
    expect(run.code).toBe(EXIT.ok);
    expect(t.deliveredTo).toBe('default/web');
    const last = t.hops[t.hops.length - 1]!.packet;
    expect(last).toMatchObject({ src: '10.244.2.21', dst: '10.244.1.10', dstPort: 80 });
  });

  it('malformed manifests exit 1 with document and line on stderr; notices too', () => {
    const files = {
      'bad.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - port: http\n',
    };
    const r = cli(['show', '--manifests', 'bad.yaml', '--netns', 'node/node-1', '--what', 'ip-route'], files);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.out).toBe('');
    expect(r.err).toContain('notice: document 1, line 1: ConfigMap x is not modelled');
    expect(r.err).toContain(
      'error: bad.yaml: document 2, line 10: spec.ports[0].port: expected an integer 1–65535, got "http"',
    );
  });

  itShared('export prints YAML that imports back to the same scenario', () => {
    const file = realPath('apps/guestbook.yaml');
    const r = cli(['export', '--manifests', file, '--seed', '3']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('kind: ClusterConfiguration');
    const direct = importYaml(readFileSync(file, 'utf8'), emptyBase(), { seed: 3 }).scenario!;
    const again = importYaml(r.out, emptyBase());
    expect(again.errors).toEqual([]);
    expect(again.scenario!.pods).toEqual(direct.pods);
    expect(again.scenario!.services).toEqual(direct.services);
  });
});
