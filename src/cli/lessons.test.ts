import { describe, expect, it } from 'vitest';
import { LESSONS } from '../lessons/registry';
import { EXIT, runCli } from './run';
import { cli, cliJson } from './testing';
import { loadResvg } from './export-image';

interface LessonsJson {
  lessons: {
    id: string;
    title: { en: string; ja: string };
    steps: {
      id: string;
      scenario: string;
      designs: { intra: string; inter: string; proxy: string };
      probe: { from: string; to: string; port: number; protocol: string };
      hop: number;
      request?: { url: string; method: string };
      question: { en: string; ja: string } | null;
    }[];
  }[];
}

interface TraceJson {
  hops: { netns: string; device: string | null; kind: string; leg?: string }[];
}

describe('lessons', () => {
  it('lists every lesson with the documented keys, in order', () => {
    const { run, json } = cliJson<LessonsJson>(['lessons']);
    expect(run.code).toBe(EXIT.ok);
    expect(json.lessons.map((l) => l.id)).toEqual(LESSONS.map((l) => l.id));
    const first = json.lessons[0]!;
    expect(Object.keys(first)).toEqual(['id', 'title', 'steps']);
    expect(Object.keys(first.steps[0]!)).toEqual(['id', 'scenario', 'designs', 'probe', 'hop', 'question']);
    const asked = json.lessons.flatMap((l) => l.steps).filter((s) => s.question);
    expect(asked.length).toBeGreaterThan(8);
    for (const s of asked) expect(s.question!.ja).toMatch(/[\u3040-\u30ff]/);
  });

  it('every step replays with trace --preset, and its hop exists in that trace', () => {
    const { json } = cliJson<LessonsJson>(['lessons']);
    for (const l of json.lessons) {
      for (const s of l.steps) {
        const { designs: d, probe: p } = s;
        const args = [
          'trace',
          '--preset',
          s.scenario,
          '--intra',
          d.intra,
          '--inter',
          d.inter,
          '--proxy',
          d.proxy,
        ];
        // A request step replays the two-leg HTTP trace; its probe is the client leg alone.
        const run = s.request
          ? cli([...args, '--from', p.from, '--to', s.request.url, '--method', s.request.method, '--json'])
          : cli([
              ...args,
              '--from',
              p.from,
              '--to',
              p.to,
              '--port',
              String(p.port),
              '--protocol',
              p.protocol,
              '--json',
            ]);
        expect([EXIT.ok, EXIT.dropped], `${l.id}/${s.id}: ${run.err}`).toContain(run.code);
        const trace = JSON.parse(run.out) as TraceJson;
        expect(trace.hops[s.hop], `${l.id}/${s.id}`).toBeDefined();
      }
    }
  });

  it('prints a readable list without --json, the Ingress/Gateway lesson included', () => {
    const run = cli(['lessons']);
    expect(run.out).toContain('1. invariants:');
    expect(run.out).toContain('ingress-gateway: Ingress and Gateway API');
    expect(run.out).toContain('--to http://shop.example.com/api/cart --method GET  (hop 7)');
    expect(run.out).not.toContain('(coming)');
  });

  it('gives request steps a request and keeps the documented probe keys', () => {
    const { json } = cliJson<LessonsJson>(['lessons']);
    const steps = json.lessons.find((l) => l.id === 'ingress-gateway')!.steps;
    for (const s of steps) {
      expect(Object.keys(s)).toEqual(['id', 'scenario', 'designs', 'probe', 'hop', 'request', 'question']);
      expect(Object.keys(s.probe)).toEqual(['from', 'to', 'port', 'protocol']);
      expect(s.request).toEqual({ url: 'http://shop.example.com/api/cart', method: 'GET' });
    }
    const decision = steps.find((s) => s.id === 'decision')!;
    const run = cli([
      'trace',
      '--preset',
      'gateway',
      '--from',
      'external',
      '--to',
      decision.request!.url,
      '--json',
    ]);
    expect((JSON.parse(run.out) as TraceJson).hops[decision.hop]!.kind).toBe('l7');
  });
});

describe('--preset', () => {
  it('loads a teaching preset for any scenario command', () => {
    expect(
      cli([
        'trace',
        '--preset',
        'same-node',
        '--from',
        'default/pod-a',
        '--to',
        'default/pod-b',
        '--port',
        '8080',
      ]).code,
    ).toBe(EXIT.ok);
    expect(cli(['show', '--preset', 'nodeport', '--netns', 'default/web-1', '--what', 'ip-addr']).code).toBe(
      EXIT.ok,
    );
  });

  it('rejects unknown presets and --manifests together with --preset', () => {
    expect(cli(['trace', '--preset', 'nope', '--from', 'a/b', '--to', 'a/c', '--port', '1']).err).toContain(
      '--preset must be one of',
    );
    const both = cli(['export', '--preset', 's', '--manifests', 'x.yaml']);
    expect(both.code).toBe(EXIT.usage);
    expect(both.err).toContain('cannot be combined');
  });
});

describe('export-image', () => {
  // PNG needs resvg (a dependency npm install brings); a checkout without it still runs the rest.
  it.skipIf(loadResvg() === null)(
    'writes the SVG the page exports, and a PNG rasterised from it (needs @resvg/resvg-js)',
    () => {
      const files = new Map<string, string | Uint8Array>();
      const io = {
        stdout: () => {},
        stderr: () => {},
        readFile: () => '',
        writeFile: (p: string, d: string | Uint8Array) => void files.set(p, d),
      };
      const args = [
        '--preset',
        'service',
        '--from',
        'default/client',
        '--to',
        'default/backend',
        '--port',
        '80',
        '--hop',
        '4',
      ];
      expect(runCli(['export-image', '--format', 'svg', ...args, '--out', 'a.svg'], io)).toBe(EXIT.ok);
      expect(String(files.get('a.svg'))).toContain('data-hop="3"');
      expect(runCli(['export-image', '--format', 'png', ...args, '--out', 'a.png'], io)).toBe(EXIT.ok);
      const png = files.get('a.png') as Uint8Array;
      expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    },
  );

  it('prints SVG to stdout, and rejects PNG without --out and an out-of-range hop', () => {
    expect(cli(['export-image', '--format', 'svg']).out).toContain('<svg');
    expect(cli(['export-image', '--format', 'png']).err).toContain('--format png needs --out');
    const r = cli([
      'export-image',
      '--format',
      'svg',
      '--from',
      'default/client',
      '--to',
      'default/backend-1',
      '--port',
      '9090',
      '--hop',
      '99',
    ]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain('the trace has');
    expect(cli(['export-image', '--format', 'svg', '--from', 'default/client']).err).toContain('go together');
  });
});
