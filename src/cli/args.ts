/**
 * A small command-line parser (no dependency): `command --flag value --flag=value --switch`.
 * Flags are declared per command; anything undeclared, a missing value or a value outside its
 * choices is a UsageError (the CLI prints it and exits with status 2).
 */

export interface FlagSpec {
  name: string;
  /** Placeholder shown in help (`FILE`, `N`); absent for switches such as `--json`. */
  value?: string;
  choices?: readonly string[];
  /** Integer flags: inclusive bounds. */
  int?: readonly [number, number];
  required?: boolean;
  /** The flag may be given more than once; its value is then the list, in order. */
  repeat?: boolean;
  help: string;
}

/** One bare (non-flag) argument a command takes, such as the name `resolve` looks up. */
export interface PositionalSpec {
  name: string;
  help: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  flags: readonly FlagSpec[];
  /** A required bare argument; commands without one reject any argument not starting with --. */
  positional?: PositionalSpec;
  /** Extra help text (examples). */
  details?: string;
}

export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

/** Repeatable flags (`repeat`) hold the list of their values; the others one value. */
export type ParsedFlags = Record<string, string | number | true | (string | number)[]>;

export interface Parsed {
  flags: ParsedFlags;
  /** The bare argument, when the command declares one. */
  positional?: string;
  help: boolean;
}

/** Parses the arguments after the command name against the command's flags. */
export function parseFlags(spec: CommandSpec, argv: readonly string[]): Parsed {
  const flags: ParsedFlags = {};
  let help = false;
  let positional: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (spec.positional && positional === undefined && !arg.startsWith('-') && arg !== '') {
      positional = arg;
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      throw new UsageError(`unexpected argument ${JSON.stringify(arg)} (flags start with --)`, spec.name);
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const flag = spec.flags.find((f) => f.name === name);
    if (!flag) {
      const near = spec.flags.find((f) => f.name.startsWith(name.slice(0, 3)));
      throw new UsageError(
        `unknown flag --${name} for "${spec.name}"${near ? ` (did you mean --${near.name}?)` : ''}`,
        spec.name,
      );
    }
    if (Object.hasOwn(flags, name) && !flag.repeat) throw new UsageError(`--${name} given twice`, spec.name);
    if (!flag.value) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`, spec.name);
      flags[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) {
        throw new UsageError(`--${name} needs a value (${flag.value})`, spec.name);
      }
      i++;
    }
    const checked = checkValue(spec, flag, value);
    if (flag.repeat) {
      const list = flags[name];
      flags[name] = Array.isArray(list) ? [...list, checked] : [checked];
    } else flags[name] = checked;
  }
  if (!help) {
    for (const f of spec.flags) {
      if (f.required && !Object.hasOwn(flags, f.name)) {
        throw new UsageError(`missing required flag --${f.name} ${f.value ?? ''}`.trimEnd(), spec.name);
      }
    }
    if (spec.positional && positional === undefined) {
      throw new UsageError(`missing ${spec.positional.name} (${spec.positional.help})`, spec.name);
    }
  }
  return { flags, help, ...(positional !== undefined ? { positional } : {}) };
}

function checkValue(spec: CommandSpec, flag: FlagSpec, value: string): string | number {
  if (value === '') throw new UsageError(`--${flag.name} needs a non-empty value`, spec.name);
  if (flag.choices && !flag.choices.includes(value)) {
    throw new UsageError(
      `--${flag.name} must be one of ${flag.choices.join(', ')}; got ${JSON.stringify(value)}`,
      spec.name,
    );
  }
  if (flag.int) {
    const [min, max] = flag.int;
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(n >= min && n <= max)) {
      throw new UsageError(
        `--${flag.name} must be an integer ${min}–${max}; got ${JSON.stringify(value)}`,
        spec.name,
      );
    }
    return n;
  }
  return value;
}

/** `--help` text of one command. */
export function commandHelp(spec: CommandSpec): string {
  const rows = spec.flags.map((f) => {
    const left = `--${f.name}${f.value ? ` ${f.value}` : ''}`;
    const extra = f.choices ? ` (${f.choices.join('|')})` : '';
    const tags = `${f.required ? ' [required]' : ''}${f.repeat ? ' [repeatable]' : ''}`;
    return [left, `${f.help}${extra}${tags}`] as const;
  });
  if (spec.positional) rows.unshift([spec.positional.name, `${spec.positional.help} [required]`]);
  rows.push(['--help, -h', 'show this help']);
  const width = Math.max(...rows.map(([l]) => l.length));
  const lines = [
    `${spec.summary}`,
    '',
    `usage: ${spec.usage}`,
    '',
    'flags:',
    ...rows.map(([l, r]) => `  ${l.padEnd(width)}  ${r}`),
  ];
  if (spec.details) lines.push('', spec.details.trimEnd());
  return `${lines.join('\n')}\n`;
}
