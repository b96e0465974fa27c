/**
 * Worst accepted inputs against their bounds (issue 10): the largest link the decoder accepts (just
 * under the inflated-size bound), the deepest YAML (at the nesting bound), the widest mapping (at the
 * keys bound), and the refusals just past each bound, which must cost almost nothing. Not a test:
 * read the times against the bar (no accepted input freezes the page's worker for over ~1 s).
 */
import { deflateSync, strToU8 } from 'fflate';
import { decode } from '../src/scenario/codec';
import { toBase64url } from '../src/scenario/codec/base64url';
import { linkChecksum } from '../src/scenario/codec/checksum';
import { LINK_BOUNDS } from '../src/scenario/codec/limits';
import { importYaml } from '../src/scenario/manifests';
import { MAX_NESTING } from '../src/scenario/nesting';
import { smallScenario } from '../src/scenario/presets/small';
import { MAX_KEYS_PER_MAPPING } from '../src/scenario/yaml/bounds';
import { loadScenario } from '../src/scenario/load';
import { fmt, percentile, table, time } from './util';

const RUNS = 5;
const v2 = (json: string) => {
  const payload = toBase64url(deflateSync(strToU8(json), { level: 9 }));
  return `#v2.${payload}.${linkChecksum(payload)}`;
};

function median(fn: () => unknown): number {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) ms.push(time(fn).ms);
  return percentile(ms, 50);
}

/** A link whose JSON is just under `bytes`: a view with one long (ignored) string field. */
function linkOfSize(bytes: number): string {
  const pad = 'x'.repeat(bytes - 40);
  return v2(JSON.stringify({ h: 1, z: pad }));
}

function yamlDepth(depth: number): string {
  let text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n';
  for (let i = 1; i <= depth - 2; i++) text += `${'  '.repeat(i)}k${i}:\n`;
  return text;
}

function yamlWide(keys: number): string {
  const labels = Array.from({ length: keys }, (_, i) => `    k${i}: v`).join('\n');
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: wide\n  labels:\n${labels}\nspec:\n  nodeName: node-1\n  containers: [{name: c}]\n`;
}

export function benchBounds(): void {
  console.log('\n## Worst accepted inputs against their bounds (median of 5)\n');
  const base = smallScenario();
  const justUnder = linkOfSize(LINK_BOUNDS.inflated - 1024);
  const justOver = linkOfSize(LINK_BOUNDS.inflated + 1024);
  const bomb = (() => {
    const payload = toBase64url(deflateSync(new Uint8Array(48 * 1024 * 1024).fill(32), { level: 9 }));
    return `#v2.${payload}.${linkChecksum(payload)}`;
  })();
  const deepJson = v2(`{"x":${'['.repeat(200_000)}`);
  const rows: (string | number)[][] = [['input', 'bound', 'size', 'outcome', 'median ms']];
  const row = (name: string, bound: string, size: string, fn: () => boolean) => {
    const ok = fn();
    rows.push([name, bound, size, ok ? 'accepted' : 'refused', fmt(median(fn))]);
  };
  row(
    'largest accepted link (inflated)',
    `${LINK_BOUNDS.inflated / 2 ** 20} MiB`,
    `${justUnder.length} chars`,
    () => decode(justUnder).ok,
  );
  row(
    'link 1 KiB past the bound',
    `${LINK_BOUNDS.inflated / 2 ** 20} MiB`,
    `${justOver.length} chars`,
    () => decode(justOver).ok,
  );
  row(
    'deflate bomb (48 MiB inflated)',
    `${LINK_BOUNDS.inflated / 2 ** 20} MiB`,
    `${bomb.length} chars`,
    () => decode(bomb).ok,
  );
  row(
    'link nesting 200,000 deep',
    `${MAX_NESTING} levels`,
    `${deepJson.length} chars`,
    () => decode(deepJson).ok,
  );
  const deepest = yamlDepth(MAX_NESTING);
  row(
    'deepest accepted YAML',
    `${MAX_NESTING} levels`,
    `${deepest.length} B`,
    () => importYaml(deepest, base).errors.length === 0,
  );
  const tooDeep = '['.repeat(300_000);
  row(
    '300 KB of "["',
    `${MAX_NESTING} levels`,
    `${tooDeep.length} B`,
    () => importYaml(tooDeep, base).errors.length === 0,
  );
  const widest = yamlWide(MAX_KEYS_PER_MAPPING);
  row(
    'widest accepted mapping',
    `${MAX_KEYS_PER_MAPPING} keys`,
    `${widest.length} B`,
    () => importYaml(widest, base).errors.length === 0,
  );
  const wider = yamlWide(20_000);
  row(
    'mapping of 20,000 keys',
    `${MAX_KEYS_PER_MAPPING} keys`,
    `${wider.length} B`,
    () => importYaml(wider, base).errors.length === 0,
  );
  const deepScenario = `{"pods":${'['.repeat(200_000)}`;
  row(
    'scenario JSON nesting 200,000 deep',
    `${MAX_NESTING} levels`,
    `${deepScenario.length} B`,
    () => loadScenario(deepScenario).ok,
  );
  console.log(table(rows));
}
