import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { realManifest } from '../testing/shared-data';
import { EXIT, runCli } from './run';

/** Helpers for the CLI tests: run in-process, read JSON, look up addresses the way a user would. */

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** A file of ../shared/data/real-manifests (tests that read one use itShared). */
export const realPath = realManifest;

/** Runs the CLI in-process; `files` stand in for files on disk. */
export function cli(args: string[], files: Record<string, string> = {}): Run {
  let out = '';
  let err = '';
  const code = runCli(args, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    readFile: (p) => files[p] ?? readFileSync(p, 'utf8'),
  });
  return { code, out, err };
}

/** Runs the command with `--json` and parses stdout. */
export function cliJson<T>(args: string[]): { run: Run; json: T } {
  const run = cli([...args, '--json']);
  expect(run.out, run.err).not.toBe('');
  return { run, json: JSON.parse(run.out) as T };
}

/** The inet address `show … ip-addr` prints for eth0 of a netns. */
export function eth0Ip(netns: string, extra: string[] = []): string {
  const r = cli(['show', '--netns', netns, '--what', 'ip-addr', ...extra]);
  expect(r.code).toBe(EXIT.ok);
  const m = /inet (\d+\.\d+\.\d+\.\d+)\/\d+ .*eth0/.exec(r.out);
  expect(m, r.out).not.toBeNull();
  return m![1]!;
}

export interface JsonHop {
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
  phase?: 'dns';
  leg: 'dns' | 'client' | 'upstream';
  service?: string;
  l7?: Record<string, unknown>;
}

export interface JsonTrace {
  verdict: string;
  reason: string | null;
  deliveredTo: string | null;
  hops: JsonHop[];
  probe: { from: string; to: string; port: number; protocol: string };
  conntrack?: { netns: string; entry: string }[];
  http?: {
    status: number;
    listener: string | null;
    route: string | null;
    rule: number | null;
    backend: string | null;
    location: string | null;
    upstreamHeaders: Record<string, string>;
  };
}
