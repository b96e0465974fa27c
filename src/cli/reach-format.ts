import {
  type PolicyIndex,
  type ReachabilityMatrix,
  type PortProto,
  compactRows,
  eachLayer,
  forEachNamespacePair,
  namespaceIds,
  podAllowed,
  podKeys,
} from '../core/policy';
import type { CliIo } from './scenario';

/**
 * The large outputs of `reach`, written in chunks as they are produced so that no Pod × Pod object
 * (nor the whole document as one string) is ever held: the probe list, the compact rows and the
 * per-namespace-pair summary.
 */

/** Collects text and hands it to `io.stdout` in pieces of about 1 MiB. */
export class ChunkedWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly io: CliIo) {}
  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 2 ** 20) this.flush();
  }
  flush(): void {
    if (this.parts.length > 0) this.io.stdout(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

/**
 * `reach --json --compact`: `{"pods":[…],"matrices":[{"port":N,"protocol":"TCP","rows":[…]}]}`;
 * row i, character j is `.` when pods[i] may open a connection to pods[j], `X` when not.
 */
export function writeCompact(index: PolicyIndex, ports: readonly PortProto[], io: CliIo): void {
  const out = new ChunkedWriter(io);
  out.write(`{"pods":${JSON.stringify(podKeys(index))},"matrices":[`);
  let i = 0;
  for (const m of eachLayer(index, ports)) {
    const pp = m.ports[0]!;
    out.write(`${i++ ? ',' : ''}{"port":${pp.port},"protocol":"${pp.protocol}","rows":[`);
    let first = true;
    for (const row of compactRows(m, 0)) {
      out.write(first ? `"${row}"` : `,"${row}"`);
      first = false;
    }
    out.write(']}');
  }
  out.write(']}\n');
  out.flush();
}

/** `reach --json`: `{"probes":[{from,to,port,protocol,allowed}…]}`, sources, destinations, then ports. */
export function writeProbes(m: ReachabilityMatrix, index: PolicyIndex, io: CliIo): void {
  const out = new ChunkedWriter(io);
  const names = podKeys(index).map((k) => JSON.stringify(k));
  const ports = m.ports.map((pp) => `,"port":${pp.port},"protocol":"${pp.protocol}","allowed":`);
  out.write('{"probes":[');
  let first = true;
  for (let s = 0; s < names.length; s++)
    for (let d = 0; d < names.length; d++)
      for (let l = 0; l < ports.length; l++) {
        out.write(
          `${first ? '' : ','}{"from":${names[s]},"to":${names[d]}${ports[l]}${podAllowed(m, l, s, d)}}`,
        );
        first = false;
      }
  out.write(']}\n');
  out.flush();
}

/** Namespace pairs listed per port in the text summary; the rest are counted. */
export const REACH_SUMMARY_ROWS = 200;

/** 1234567 → "1,234,567" (as en-US groups digits; without ICU's start-up cost on a plain CLI run). */
export const num = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * `reach` above 60 Pods: per port/protocol the allowed Pod pairs, how many namespace pairs are fully
 * allowed, partly allowed or fully denied, and the namespace pairs with any allowed flow.
 */
export function writeSummary(index: PolicyIndex, ports: readonly PortProto[], io: CliIo): void {
  const out = new ChunkedWriter(io);
  const ids = namespaceIds(index);
  const n = index.pods.length;
  const NS = ids.namespaces.length;
  out.write(
    `reach: ${num(n)} Pods in ${num(NS)} namespaces, ${ports.length} port${ports.length === 1 ? '' : 's'}   (per namespace pair: Pod pairs allowed of all, from → to)\n`,
  );
  if (ports.length === 0) out.write('\nno ports to probe: no container declares a port; pass --port N\n');
  const width = Math.min(40, Math.max(4, ...ids.namespaces.map((s) => s.length)));
  for (const m of eachLayer(index, ports)) {
    const pp = m.ports[0]!;
    let allowed = 0;
    let full = 0;
    let partly = 0;
    const rows: string[] = [];
    forEachNamespacePair(
      m,
      index,
      0,
      (a, b, ok, pairs) => {
        allowed += ok;
        if (ok === pairs) full++;
        else partly++;
        if (rows.length < REACH_SUMMARY_ROWS)
          rows.push(
            `  ${ids.namespaces[a]!.padEnd(width)}  ${ids.namespaces[b]!.padEnd(width)}  ${num(ok)} of ${num(pairs)}${ok === pairs ? '' : ' (partly)'}`,
          );
      },
      ids,
    );
    const denied = NS * NS - full - partly;
    out.write(
      `\n${pp.protocol}/${pp.port}: ${num(allowed)} of ${num(n * n)} Pod pairs allowed; namespace pairs: ${num(full)} fully allowed, ${num(partly)} partly, ${num(denied)} fully denied\n`,
    );
    if (denied === 0 && partly === 0) {
      out.write('  every namespace pair is fully allowed\n');
      continue;
    }
    out.write(`  ${'from'.padEnd(width)}  ${'to'.padEnd(width)}  allowed\n`);
    for (const r of rows) out.write(`${r}\n`);
    const more = full + partly - rows.length;
    if (more > 0) out.write(`  … ${num(more)} more namespace pairs with allowed flows\n`);
  }
  out.write(
    `\n(more than 60 Pods: namespace pairs not listed are fully denied; reach --json --compact has every cell)\n`,
  );
  out.flush();
}
