/**
 * Share-link bench: link length per preset (default view, and with a flow + hop + Linux panel),
 * encode/decode time for preset M, and for S with one edited Pod. Bars (docs/PRODUCT.md): a link to
 * preset S ≤ 2,000 characters, any link ≤ 8,000. L and XL links are name + seed + designs + view
 * (the page never holds their scenario), encoded as `PresetView`.
 */
import type { Scenario } from '../src/core/model/scenario';
import { decode, encode, LINK_LIMIT, type LinkView } from '../src/scenario/codec';
import { PRESETS, buildPreset, type PresetId } from '../src/scenario/presets/registry';
import { defaultViewState, type ViewState } from '../src/scenario/view-state';
import { fmt, percentile, table, time } from './util';

const WORKER_BUILT = new Set<PresetId>(['l', 'xl']);
const RUNS = 50;

/** Two Pods on different nodes (the cross-node flow a user would pick first). */
function flowOf(s: Scenario): ViewState['probe'] {
  const pods = s.pods.filter((p) => !p.spec.hostNetwork);
  const a = pods[0];
  const b = pods.find((p) => p.spec.nodeName !== a?.spec.nodeName) ?? pods[1];
  if (!a || !b) return null;
  const key = (p: typeof a) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`;
  return { from: key(a), to: key(b), port: 8080, protocol: 'TCP' };
}

function viewOf(id: PresetId, scenario: Scenario, withFlow: boolean): LinkView {
  const base = WORKER_BUILT.has(id)
    ? { ...defaultViewState('s'), preset: id, scenario: null, designs: { ...scenario.designs } }
    : { ...defaultViewState('s'), preset: id, scenario };
  if (!withFlow) return base;
  const node = scenario.nodes[0]?.metadata.name ?? 'node-1';
  return {
    ...base,
    probe: flowOf(scenario),
    step: 5,
    panels: [{ netns: `node/${node}`, table: 'ip-route' }],
  };
}

function length(view: LinkView): number {
  const r = encode(view, { maxLength: 1_000_000 });
  if (!r.ok) throw new Error('encode');
  return r.fragment.length;
}

const stats = (ms: number[]) => `${fmt(percentile(ms, 50))} / ${fmt(percentile(ms, 95))}`;

/** Encode (cold: the diff is computed; warm: same scenario, new hop) and decode, p50/p95 in ms. */
function timing(name: string, view: ViewState): (string | number)[] {
  const cold: number[] = [];
  const warm: number[] = [];
  const dec: number[] = [];
  let fragment = '';
  for (let i = 0; i < RUNS; i++) {
    // A structurally equal copy: the page's scenario is never the codec's cached base object.
    const copy = structuredClone(view.scenario);
    const c = time(() => encode({ ...view, scenario: copy }));
    cold.push(c.ms);
    const w = time(() => encode({ ...view, scenario: copy, step: i }));
    warm.push(w.ms);
    if (!c.value.ok) throw new Error('encode');
    fragment = c.value.fragment;
    const d = time(() => decode(fragment));
    if (!d.value.ok) throw new Error(d.value.error.message);
    dec.push(d.ms);
  }
  return [name, fragment.length, stats(cold), stats(warm), stats(dec)];
}

export function benchCodec(): void {
  const rows: (string | number)[][] = [['preset', 'default view', 'flow+hop+panel', 'bar', 'ok']];
  let allOk = true;
  for (const p of PRESETS) {
    const scenario = buildPreset(p.id);
    const plain = length(viewOf(p.id, scenario, false));
    const full = length(viewOf(p.id, scenario, true));
    const bar = p.id === 's' ? 2000 : LINK_LIMIT;
    const ok = Math.max(plain, full) <= bar;
    allOk &&= ok;
    rows.push([p.id.toUpperCase(), plain, full, `≤ ${bar}`, ok ? 'yes' : 'NO']);
  }
  console.log('\n## Share links: length in characters (fragment, `#v1.` included)\n');
  console.log(table(rows));

  const s = buildPreset('s');
  const pod = s.pods[0]!;
  const editedPod = {
    ...pod,
    metadata: { ...pod.metadata, labels: { ...pod.metadata.labels, tier: 'edited' } },
  };
  const editedS: ViewState = {
    ...(viewOf('s', s, true) as ViewState),
    scenario: { ...s, pods: [editedPod, ...s.pods.slice(1)] },
  };
  const m = buildPreset('m');
  const times: (string | number)[][] = [
    ['case', 'chars', 'encode cold p50/p95 ms', 'encode warm p50/p95 ms', 'decode p50/p95 ms'],
    timing('M, flow+hop+panel', viewOf('m', m, true) as ViewState),
    timing('S, one edited Pod', editedS),
  ];
  console.log(`\n## Share links: time over ${RUNS} runs\n`);
  console.log(table(times));
  console.log(`\nBars: S ≤ 2,000 chars, any ≤ ${LINK_LIMIT}: ${allOk ? 'met' : 'NOT met'}`);
}
