import { ALL_LESSON_TEXT } from '../lessons/all-text';
import { COMING_LESSONS, LESSONS } from '../lessons/registry';
import type { CommandSpec, ParsedFlags } from './args';
import { type CliIo, EXIT } from './scenario';

/** `lessons`: the guided lessons, each step as a replayable `trace --preset … --json` invocation. */
export const LESSONS_COMMAND: CommandSpec = {
  name: 'lessons',
  summary: 'List the guided lessons and, per step, the preset, designs, probe and hop it shows.',
  usage: 'lessons [--json]',
  flags: [{ name: 'json', help: 'print the lessons as JSON' }],
  details: `A step replays with:
  trace --preset <scenario> --intra <intra> --inter <inter> --proxy <proxy> --from <from> --to <to> --port <port> --protocol <protocol> --json
and "hop" is the 0-based index into that trace's "hops". A step with a "request" replays with
  trace --preset <scenario> --intra <intra> --inter <inter> --proxy <proxy> --from <from> --to <request.url> --method <request.method> --json
(the two-leg HTTP trace; "probe" then names its client leg alone).`,
};

/** The public shape of `lessons --json` (docs/cli.md). */
export function lessonsJson() {
  return {
    lessons: LESSONS.map((l) => ({
      id: l.id,
      title: { en: l.title.en, ja: l.title.ja },
      steps: l.steps.map((s) => {
        const text = ALL_LESSON_TEXT[l.id];
        const en = text?.en.steps[s.id]?.question?.prompt;
        const ja = text?.ja.steps[s.id]?.question?.prompt;
        return {
          id: s.id,
          scenario: s.preset,
          designs: { intra: s.designs.intra, inter: s.designs.inter, proxy: s.designs.proxy },
          probe: { from: s.probe.from, to: s.probe.to, port: s.probe.port, protocol: s.probe.protocol },
          hop: s.hop,
          // Only on steps that replay an HTTP request through a Gateway/Ingress (docs/cli.md).
          ...(s.request ? { request: { url: s.request.url, method: s.request.method ?? 'GET' } } : {}),
          question: s.question && en && ja ? { en, ja } : null,
        };
      }),
    })),
  };
}

export function runLessons(flags: ParsedFlags, io: CliIo): number {
  const json = lessonsJson();
  if (flags.json === true) {
    io.stdout(`${JSON.stringify(json)}\n`);
    return EXIT.ok;
  }
  const lines: string[] = [];
  json.lessons.forEach((l, i) => {
    lines.push(`${i + 1}. ${l.id}: ${l.title.en} / ${l.title.ja}`);
    for (const s of l.steps) {
      const d = s.designs;
      const p = s.probe;
      const r = 'request' in s ? s.request : undefined;
      if (r) {
        lines.push(
          `   ${s.id}: --preset ${s.scenario} --intra ${d.intra} --inter ${d.inter} --proxy ${d.proxy} --from ${p.from} --to ${r.url} --method ${r.method}  (hop ${s.hop})${s.question ? '  [question]' : ''}`,
        );
        continue;
      }
      lines.push(
        `   ${s.id}: --preset ${s.scenario} --intra ${d.intra} --inter ${d.inter} --proxy ${d.proxy} --from ${p.from} --to ${p.to} --port ${p.port} --protocol ${p.protocol}  (hop ${s.hop})${s.question ? '  [question]' : ''}`,
      );
    }
  });
  for (const c of COMING_LESSONS) lines.push(`-  ${c.id}: ${c.title.en} / ${c.title.ja} (coming)`);
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
