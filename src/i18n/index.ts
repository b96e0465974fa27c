import type { Hop, Say } from '../core/trace/types';
import { HOP_KINDS } from '../core/trace/hop-kinds';
import { en, ja, type MessageKey, type Messages } from './messages';
import { DROP_REASONS, HOP_KIND_LABELS, HOP_SENTENCES, RESEMBLES_DETAIL, ROLE_LABELS } from './hops';
import { IMPORT_SENTENCES } from './import';
import { L7_REASONS } from './l7';
import type { Lang } from './lang';
import { PROBLEM_SENTENCES } from './problems';
import { ARG_WORDS, SCENARIO_SENTENCES, YAML_ERRORS } from './scenario';

export type { Lang } from './lang';
export { LANGS, isLang } from './lang';
export type { MessageKey } from './messages';
export { SUPPORTED_HOP_KEYS } from './hops';

const DICTS: Record<Lang, Messages> = { en, ja };

type Args = Record<string, string | number>;

/** Fills `{name}` placeholders; returns null when a placeholder has no arg. */
export function fill(template: string, args: Args = {}): string | null {
  let missing = false;
  const out = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = args[name];
    if (v === undefined) {
      missing = true;
      return '';
    }
    return String(v);
  });
  return missing ? null : out;
}

export interface Translator {
  lang: Lang;
  t(key: MessageKey, args?: Args): string;
  hop(hop: Pick<Hop, 'say' | 'explain'> & Partial<Pick<Hop, 'l7'>>): string;
  /** Why an L7 rule won, or an L7 request error (core/l7 keys). */
  l7(m: Say): string;
  kind(kind: Hop['kind']): string;
  drop(reason: string): string;
  role(role: string): string;
  resembles(designsKey: string, fallback: string): string;
  /** A validation problem (or any finding with `say`) in this language; else its English message. */
  problem(p: { say?: Say; message: string }): string;
  /** A YAML import's inference or notice (`{key, args}` from src/scenario/yaml/messages.ts). */
  imported(say: Say, fallback?: string): string;
  /**
   * Any finding of the core that carries its English `message` and its `say` (scenario files and
   * links, YAML import, validation), in this language; its `problems`, if any, fill `{problems}`.
   */
  said(m: Said): string;
}

/** A finding as the core returns it: English text, and the same as a key and arguments. */
export interface Said {
  message: string;
  say?: Say;
  problems?: readonly { path: string; message: string; say?: Say }[];
}

/** Numbers as people read them (99,990), the same in English and Japanese. */
const readable = (args: Args): Args =>
  Object.fromEntries(
    Object.entries(args).map(([k, v]) => [k, typeof v === 'number' ? v.toLocaleString('en-US') : v]),
  );

function l7Reason(lang: Lang, m: Say): string {
  const tpl = L7_REASONS[lang][m.key] ?? L7_REASONS.en[m.key];
  return (tpl !== undefined ? fill(tpl, m.args) : null) ?? m.key;
}

/** Arguments in a language: the core's own words translated, a YAML parser error by its code. */
function localArgs(lang: Lang, args: Args): Args {
  let out = args;
  for (const [name, words] of Object.entries(ARG_WORDS[lang])) {
    const v = args[name];
    const word = typeof v === 'string' ? words[v] : undefined;
    if (word !== undefined) out = { ...out, [name]: word };
  }
  const code = args.yamlCode;
  const detail = typeof code === 'string' ? YAML_ERRORS[lang][code] : undefined;
  if (detail !== undefined && 'detail' in args) out = { ...out, detail };
  return out;
}

/** One translator per language: UI strings, hop sentences, kinds, drop reasons, device roles. */
export function translator(lang: Lang): Translator {
  const dict = DICTS[lang];
  return {
    lang,
    t: (key, args) => fill(dict[key], args) ?? dict[key],
    hop: (h) => {
      const tpl = HOP_SENTENCES[lang][h.say.key];
      // An l7 hop's `why` is the precedence reason, translated from its own key.
      const args = h.l7 ? { ...h.say.args, why: l7Reason(lang, h.l7.precedence) } : h.say.args;
      return (tpl !== undefined ? fill(tpl, args) : null) ?? h.explain;
    },
    l7: (m) => l7Reason(lang, m),
    kind: (k) => HOP_KIND_LABELS[lang][HOP_KINDS[k].label] ?? k,
    drop: (r) => (DROP_REASONS[lang] as Record<string, string>)[r] ?? r,
    role: (r) => ROLE_LABELS[lang][r] ?? r,
    resembles: (k, fallback) => RESEMBLES_DETAIL[lang][k] ?? fallback,
    problem: (p) => {
      const tpl = p.say ? PROBLEM_SENTENCES[lang][p.say.key] : undefined;
      return (tpl !== undefined && p.say ? fill(tpl, readable(p.say.args)) : null) ?? p.message;
    },
    imported: (say, fallback) => {
      const tpl =
        IMPORT_SENTENCES[lang][say.key] ?? PROBLEM_SENTENCES[lang][say.key] ?? IMPORT_SENTENCES.en[say.key];
      return (tpl !== undefined ? fill(tpl, localArgs(lang, say.args)) : null) ?? fallback ?? say.key;
    },
    said: (m) => said(lang, m),
  };
}

function said(lang: Lang, m: Said): string {
  const s = m.say;
  const parts = m.problems?.map((p) => `${p.path}: ${said(lang, p)}`).join('; ');
  if (!s) return parts ?? m.message;
  if (PROBLEM_SENTENCES.en[s.key] !== undefined)
    return translator(lang).problem({ say: s, message: m.message });
  const tpl = SCENARIO_SENTENCES[lang][s.key] ?? IMPORT_SENTENCES[lang][s.key];
  if (tpl === undefined) return m.message;
  const args = localArgs(lang, s.args);
  return (
    fill(tpl, parts !== undefined && 'problems' in args ? { ...args, problems: parts } : args) ?? m.message
  );
}
