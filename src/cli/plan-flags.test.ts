import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT } from './run';
import { type JsonTrace, cli, cliJson } from './testing';

/** The real-shaped dumps written for the tests (src/scenario/yaml/testdata). */
const dump = (name: string): string =>
  fileURLToPath(new URL(`../scenario/yaml/testdata/${name}`, import.meta.url));

describe('a real cluster dump with no flags', () => {
  it('kind: inferences on stderr, and a Pod → Service trace crosses from kind-worker to kind-worker2', () => {
    const { run, json } = cliJson<JsonTrace>([
      'trace',
      '--manifests',
      dump('kind.yaml'),
      '--from',
      'default/client',
      '--to',
      'default/web',
      '--port',
      '80',
      '--endpoint',
      '10.244.2.2:80',
    ]);
    expect(run.code).toBe(EXIT.ok);
    expect(run.err).toContain('inferred: Node network 172.18.0.0/24, gateway 172.18.0.1');
    expect(run.err).toContain('inferred: Service CIDR 10.96.0.0/16: --service-cluster-ip-range of Pod');
    expect(json.deliveredTo).toBe('default/web-7d9c5b8f6d-9vz4m');
    const underlay = json.hops.find((h) => h.kind === 'underlay')!;
    expect(underlay.outer).toMatchObject({ src: '172.18.0.2', dst: '172.18.0.4' });
  });
});

describe('address-plan flags', () => {
  it('--node-network, --pod-cidr and --node-cidr-mask reshape preset S', () => {
    const r = cli([
      'show',
      '--netns',
      'node/node-1',
      '--what',
      'ip-route',
      '--node-network',
      '10.0.0.0/24',
      '--pod-cidr',
      '10.42.0.0/16',
      '--node-cidr-mask',
      '25',
    ]);
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(r.out).toContain('default via 10.0.0.1 dev eth0');
    expect(r.out).toContain('10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.10');
    expect(r.out).toContain('10.42.0.0/25 dev cni0 proto kernel scope link src 10.42.0.1');
    expect(r.out).toContain('10.42.0.128/25 via 10.42.0.128 dev flannel.1 onlink');
  });

  it('--service-cidr and --cluster-domain reach the Pods’ resolv.conf', () => {
    const r = cli([
      'show',
      '--netns',
      'default/client',
      '--what',
      'resolv.conf',
      '--service-cidr',
      '10.100.0.0/16',
      '--cluster-domain',
      'corp.local',
    ]);
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(r.out).toBe(
      'search default.svc.corp.local svc.corp.local corp.local\nnameserver 10.100.0.10\noptions ndots:5\n',
    );
  });

  it('a flag wins over the inference from the dump (and is not listed as inferred)', () => {
    const r = cli([
      'show',
      '--manifests',
      dump('kind.yaml'),
      '--netns',
      'node/kind-worker',
      '--what',
      'ip-route',
      '--node-network',
      '172.18.0.0/16',
    ]);
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(r.out).toContain('172.18.0.0/16 dev eth0 proto kernel scope link src 172.18.0.2');
    expect(r.err).not.toContain('inferred: Node network');
    expect(r.err).toContain('inferred: Cluster Pod CIDR 10.244.0.0/16');
  });

  it('a flag that leaves out an object of the dump is an error naming both', () => {
    const r = cli(['export', '--manifests', dump('k3s.yaml'), '--service-cidr', '10.43.0.0/20']);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.out).toBe('');
    expect(r.err).toContain(
      '--service-cidr 10.43.0.0/20 does not hold Service shop/shop (clusterIP 10.43.201.17): ClusterIPs must lie inside it',
    );
    const preset = cli(['export', '--node-network', '10.0.0.0/24', '--pod-cidr', '10.0.0.0/16']);
    expect(preset.code).toBe(EXIT.invalidInput);
    expect(preset.err).toContain('overlaps');
  });

  it('bad values are usage errors', () => {
    for (const [flag, value, msg] of [
      ['--pod-cidr', '10.0.0.1/16', 'zero host bits'],
      ['--node-network', 'lan', 'IPv4 CIDR'],
      ['--node-cidr-mask', '31', 'integer 8–30'],
      ['--cluster-domain', 'Not_A_Domain', 'DNS domain'],
    ] as const) {
      const r = cli(['export', flag, value]);
      expect(r.code, flag).toBe(EXIT.usage);
      expect(r.err, flag).toContain(msg);
    }
  });

  it('every command that loads a scenario lists the flags in --help', () => {
    for (const cmd of ['trace', 'show', 'export', 'resolve', 'reach']) {
      const r = cli([cmd, '--help']);
      for (const f of [
        '--node-network CIDR',
        '--pod-cidr CIDR',
        '--node-cidr-mask N',
        '--service-cidr CIDR',
        '--cluster-domain D',
      ])
        expect(r.out, `${cmd} ${f}`).toContain(f);
    }
  });
});
