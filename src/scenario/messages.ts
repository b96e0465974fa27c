import type { Say } from '../core/trace/types';

/**
 * English sentences of what the scenario ingress says about untrusted input (field checks of JSON
 * scenarios and links, file bounds, versions, share-link damage), by key. Like hop sentences
 * (core/trace/messages.ts) the code emits `{key, args}`; the CLI prints these English sentences and
 * the page translates the same keys (src/i18n/scenario.ts). Placeholders are `{name}`; arguments are
 * already formatted (numbers as the English has always printed them), so filling is plain.
 */
export const SCENARIO_MESSAGES = {
  // Field checks (codec/shape.ts), the JSON Schema-like words of the Kubernetes API types.
  'shape.string': 'expected a string, got {got}',
  'shape.bool': 'expected true or false, got {got}',
  'shape.int': 'expected an integer, got {got}',
  'shape.range': '{value} is outside {min}–{max}',
  'shape.enum': 'expected one of {values}, got {got}',
  'shape.enumOnly': 'expected one of {values}',
  'shape.array': 'expected an array, got {got}',
  'shape.tuple': 'expected an array of {count}, got {got}',
  'shape.object': 'expected an object, got {got}',
  'shape.proto': 'the key __proto__ was ignored',
  'shape.required': '{field} is required',
  'shape.unknownField': 'unknown field {field} was ignored',
  'shape.more': '{count} more problems not listed',
  // Compact link records (codec/wire.ts).
  'shape.zoom': 'expected a zoom between 0.01 and 10',
  'shape.k8sObject': 'expected a Kubernetes object',
  'shape.metadata': 'metadata is required',
  'shape.metadataName': 'metadata.name must be a string',
  'shape.metadataNamespace': 'metadata.namespace must be a string',
  'shape.preset': 'unknown preset {preset}',
  // Scenario files (load.ts).
  'load.tooLarge': 'the scenario file is {size} MiB; the limit is {limit} MiB',
  'load.fileTooLarge': '{file} is {size} MiB; the limit is {limit} MiB',
  'load.empty': 'the file is empty',
  'load.nesting': 'the JSON nests deeper than {max} levels (line {line}, column {column})',
  'load.notJson': 'not JSON: {detail}',
  'load.notObject': 'a scenario is a JSON object',
  'load.noVersion': 'no version; read as version {version}',
  'load.versionType': 'version must be a number',
  // Versions (migrations/registry.ts); {what} is the registry's ("share link", "scenario").
  'migrate.bad': '{what} version {version} is not one this app ever wrote',
  'migrate.future': '{what} version {version} is newer than this app (version {current}); reload to update',
  'migrate.missing': 'no migration from {what} version {version}',
  // Share links (codec/index.ts).
  'link.tooLong':
    'the link would be {length} characters (limit {limit}); save the scenario as a file instead',
  'link.badChar': 'the link contains characters a share link never has',
  'link.truncated': 'the link is cut short (was it copied completely?)',
  'link.tooLarge': "the link's data inflates past {max} MiB; no link this app writes is that large",
  'link.noInflate': 'the link is damaged: its data does not decompress',
  'link.nesting': "the link's data nests deeper than {max} levels (at character {column} of line {line})",
  'link.unreadable': 'the link is damaged: its data is not readable',
  'link.checksum': 'the link is damaged: its checksum does not match its contents',
  'link.empty': 'no shared state in this address',
  'link.inputTooLong': 'the link is longer than {limit} characters',
  'link.notLink': 'this is not a share link of this app (expected #v2.…)',
  'link.future': 'the link was made by a newer version (v{version}); reload the page to update',
  'link.badVersion': 'v{version} is not a link version this app wrote',
  'link.invalidContents': "the link's contents are not valid: {problems}",
  'link.invalidScenario': "the link's scenario is not valid: {problems}",
  'link.failed': 'the link could not be read: {detail}',
  'link.presetEdits':
    'links to preset {preset} carry no scenario edits; this one does, so it cannot be opened',
} as const;

export type ScenarioMessageKey = keyof typeof SCENARIO_MESSAGES;

/** Builds a message; the key is checked against the catalog at compile time. */
export const scenarioSay = (key: ScenarioMessageKey, args: Record<string, string | number> = {}): Say => ({
  key,
  args,
});

/** The English sentence of a message (what the CLI prints and the page falls back to). */
export function scenarioText(s: Say): string {
  const tpl = (SCENARIO_MESSAGES as Record<string, string>)[s.key];
  if (tpl === undefined) return s.key;
  return tpl.replace(/\{(\w+)\}/g, (_, name: string) => String(s.args[name] ?? `{${name}}`));
}

/** A finding with its English text and its key (the page renders `say` in the chosen language). */
export interface SaidText {
  message: string;
  say: Say;
}

/** `{message, say}` of a key and its arguments. */
export function said(key: ScenarioMessageKey, args: Record<string, string | number> = {}): SaidText {
  const s = scenarioSay(key, args);
  return { message: scenarioText(s), say: s };
}
