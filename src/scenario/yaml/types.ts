import type { Scenario } from '../../core/model/scenario';
import type { Say } from '../../core/trace/types';
import type { StatedPlan } from './plan';

/**
 * One finding of the Kubernetes YAML importer, located the way a reader finds it again: the
 * document in the stream (1-based, counted by `---`), the line, and the field path inside the
 * document (`spec.ports[0].port`, or `items[3].spec…` inside a `kind: List`).
 */
export interface ImportIssue {
  /** 1-based index of the YAML document; 0 for findings about the whole input. */
  document: number;
  /** 1-based line, or null when no line applies. */
  line: number | null;
  /** Field path inside the document; '' for the document itself. */
  path: string;
  message: string;
  /** The message as a key and arguments (notices), so the page can say it in the user's language. */
  say?: Say;
  /** The object the finding is about, when known. */
  kind?: string;
  name?: string;
  /** Set on the notice for a whole object that was not imported (its kind is not modelled). */
  skipped?: true;
  /** On a summary entry: how many more findings of this list were not sent. */
  more?: number;
}

/**
 * What an import gives back. `scenario` is null when there is any error: like `kubectl apply`
 * with a bad manifest, nothing is half-applied. Notices are ignored kinds and unknown fields;
 * `inferred` says, one message each, what was filled in (the address plan, nodes created, Pods
 * placed), as a key and arguments (`sayText` gives the English sentence).
 */
export interface ImportResult {
  scenario: Scenario | null;
  errors: ImportIssue[];
  notices: ImportIssue[];
  inferred: Say[];
}

export interface ImportOptions {
  /**
   * `replace` (default): keep the base's cluster settings and designs, take every object from the
   * YAML. `merge`: add the YAML's objects to the base's, a later object of the same kind, namespace
   * and name replacing the earlier one (what `kubectl apply` does).
   */
  mode?: 'replace' | 'merge';
  /** Seed for generated names (ReplicaSet hash, Pod suffix); same seed, same names. */
  seed?: number;
  /**
   * Settings stated by the caller (the CLI's `--pod-cidr` and friends): they win over a
   * ClusterConfiguration and over anything inferred from the objects.
   */
  stated?: StatedPlan;
}

/** Input limits: large enough for the XL preset's manifests, small enough to keep the tab alive. */
export const IMPORT_LIMITS = {
  /** Bytes of YAML text (UTF-8). */
  maxBytes: 5 * 1024 * 1024,
  /** Objects (documents plus `kind: List` items). */
  maxObjects: 20_000,
  /** Pods after Deployments, ReplicaSets, StatefulSets and DaemonSets are expanded. */
  maxPods: 200_000,
} as const;

/** `document 2, line 14: spec.ports[0].port: expected …` — the one-line form used by the CLI and UI. */
export function formatIssue(issue: ImportIssue): string {
  const where: string[] = [];
  if (issue.document > 0) where.push(`document ${issue.document}`);
  if (issue.line !== null) where.push(`line ${issue.line}`);
  const head = where.length > 0 ? `${where.join(', ')}: ` : '';
  const path = issue.path ? `${issue.path}: ` : '';
  return `${head}${path}${issue.message}`;
}
