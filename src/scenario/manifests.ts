/**
 * Kubernetes manifests in and out of a Scenario: the YAML importer (multi-document streams,
 * `kind: List`, workload controllers expanded to Pods) and the exporter that round-trips with it.
 */
export { importYaml } from './yaml/import';
export { exportYaml } from './yaml/export';
export { formatIssue, IMPORT_LIMITS } from './yaml/types';
export { IMPORT_MESSAGES, sayText } from './yaml/messages';
export type { StatedPlan } from './yaml/plan';
export type { ImportIssue, ImportOptions, ImportResult } from './yaml/types';
