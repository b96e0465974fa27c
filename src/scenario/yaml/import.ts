import { type Document, LineCounter, parse, parseAllDocuments } from 'yaml';
import { MAX_NESTING, yamlTooDeep } from '../nesting';
import { checkMappings } from './bounds';
import { fastParseAll } from './fast-parse';
import type {
  K8sEndpointSlice,
  K8sNamespace,
  K8sNetworkPolicy,
  K8sNode,
  K8sPod,
  K8sService,
} from '../../core/model/k8s';
import { emptyL7 } from '../../core/model/l7';
import type { Scenario } from '../../core/model/scenario';
import type { Say } from '../../core/trace/types';
import { type Collected, assemble, upsert } from './assemble';
import {
  KUBEADM_API_VERSIONS,
  SETTINGS_API_VERSION,
  SETTINGS_KIND,
  readClusterConfiguration,
  readExplorerSettings,
} from './import-cluster';
import { readNamespace, readNode, readPod } from './import-core';
import { readNetworkPolicy } from './import-policy';
import { say, sayText, type ImportMessageKey } from './messages';
import { podFlags } from './plan-evidence';
import { corefileDomain } from './corefile';
import { readEndpointSlice, readService } from './import-service';
import { L7_READERS } from './import-l7';
import { type WorkloadKind, readWorkload } from './import-workloads';
import { type Obj, type Path, type ReadCtx, describe, isDns1123Subdomain, isObj } from './reader';
import { lazyLineAt, makeLineAt } from './line-at';
import { IMPORT_LIMITS, type ImportIssue, type ImportOptions, type ImportResult } from './types';

/**
 * Kubernetes YAML → Scenario: what `kubectl apply -f` accepts (a multi-document stream, each
 * document an object or a `kind: List` as `kubectl get … -o yaml` prints), reduced to the objects
 * the datapath depends on. Workload controllers are expanded to the Pods they would create.
 */

type Reader = (c: ReadCtx, o: Obj) => unknown;

/** Kinds that become part of the scenario, with the apiVersion they are served at. */
const KINDS: Record<string, { apiVersion: string; read?: Reader; workload?: WorkloadKind }> = {
  Namespace: { apiVersion: 'v1', read: readNamespace },
  Node: { apiVersion: 'v1', read: readNode },
  Pod: { apiVersion: 'v1', read: readPod },
  Service: { apiVersion: 'v1', read: readService },
  EndpointSlice: { apiVersion: 'discovery.k8s.io/v1', read: readEndpointSlice },
  NetworkPolicy: { apiVersion: 'networking.k8s.io/v1', read: readNetworkPolicy },
  Deployment: { apiVersion: 'apps/v1', workload: 'Deployment' },
  ReplicaSet: { apiVersion: 'apps/v1', workload: 'ReplicaSet' },
  StatefulSet: { apiVersion: 'apps/v1', workload: 'StatefulSet' },
  DaemonSet: { apiVersion: 'apps/v1', workload: 'DaemonSet' },
};

/** L7 entry kinds (Ingress, Gateway API): recognised, not part of the scenario yet. */
const L7_KINDS = new Set([
  'Ingress',
  'IngressClass',
  'Gateway',
  'GatewayClass',
  'HTTPRoute',
  'GRPCRoute',
  'TLSRoute',
  'TCPRoute',
  'UDPRoute',
  'ReferenceGrant',
  'BackendTLSPolicy',
]);

/** UTF-8 length without TextEncoder (the core's lib is plain ES2022). */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function readObject(c: ReadCtx, value: unknown, into: Collected): void {
  if (!isObj(value)) {
    c.errors.push({
      document: c.document,
      line: c.lineAt(c.prefix),
      path: c.prefix.length ? formatPrefix(c.prefix) : '',
      ...said('import.error.notObject', { got: describe(value) }),
    });
    return;
  }
  const kind = value.kind;
  const apiVersion = value.apiVersion;
  const metaName =
    isObj(value.metadata) && typeof value.metadata.name === 'string' ? value.metadata.name : '';
  const ns =
    isObj(value.metadata) && typeof value.metadata.namespace === 'string' ? value.metadata.namespace : '';
  const ref = ns ? `${ns}/${metaName}` : metaName || '(unnamed)';
  const at = (field: string, key: ImportMessageKey, args: Record<string, string>): void => {
    c.errors.push({
      document: c.document,
      line: c.lineAt([...c.prefix, field]),
      path: formatPrefix([...c.prefix, field]),
      ...said(key, args),
    });
  };
  if (typeof kind !== 'string' || kind === '')
    return at('kind', 'import.error.kind', { got: describe(kind) });
  if (typeof apiVersion !== 'string' || apiVersion === '') {
    return at('apiVersion', 'import.error.apiVersion', { got: describe(apiVersion) });
  }
  c.kind = kind;
  c.name = ref;
  if (kind === 'ClusterConfiguration' && KUBEADM_API_VERSIONS.includes(apiVersion)) {
    Object.assign(into.stated, readClusterConfiguration(c, value));
    return;
  }
  // kubeadm keeps its ClusterConfiguration in ConfigMap kube-system/kubeadm-config
  // (cmd/kubeadm/app/constants: KubeadmConfigConfigMap, ClusterConfigurationConfigMapKey).
  const data = isObj(value.data) ? value.data.ClusterConfiguration : undefined;
  if (kind === 'ConfigMap' && ref === 'kube-system/kubeadm-config' && typeof data === 'string') {
    let inner: unknown;
    try {
      // The same nesting bound as the whole stream (a string is parsed here, not the document).
      inner = yamlTooDeep(data) ? undefined : parse(data, { maxAliasCount: 100 });
    } catch {
      inner = undefined;
    }
    if (isObj(inner)) {
      const sub: ReadCtx = { ...c, prefix: [...c.prefix, 'data', 'ClusterConfiguration'] };
      Object.assign(
        into.stated,
        readClusterConfiguration(sub, inner, 'ConfigMap kube-system/kubeadm-config'),
      );
      return;
    }
  }
  // CoreDNS's Corefile names the domain its kubernetes plugin serves (corefile.ts).
  const corefile = isObj(value.data) ? value.data.Corefile : undefined;
  if (kind === 'ConfigMap' && ref === 'kube-system/coredns' && typeof corefile === 'string') {
    const domain = corefileDomain(corefile);
    if (domain !== null && isDns1123Subdomain(domain)) {
      into.domains.push({
        value: domain,
        by: 'ConfigMap kube-system/coredns data.Corefile',
        kind: 'corefile',
      });
      return;
    }
  }
  if (kind === SETTINGS_KIND && apiVersion === SETTINGS_API_VERSION) {
    const read = readExplorerSettings(c, value);
    Object.assign(into.stated, read.stated);
    Object.assign(into.designs, read.designs);
    return;
  }
  const l7 = L7_READERS[kind];
  if (l7) {
    if (!l7.apiVersions.includes(apiVersion))
      return at('apiVersion', 'import.error.servedAs', {
        kind,
        versions: l7.apiVersions.join(' or '),
        value: JSON.stringify(apiVersion),
      });
    return l7.read(c, value, (into.l7 ??= emptyL7()));
  }
  const spec = KINDS[kind];
  if (!spec) {
    const why = L7_KINDS.has(kind)
      ? 'is an L7 kind this model does not route (Ingress, IngressClass, GatewayClass, Gateway, HTTPRoute and ReferenceGrant are imported); skipped'
      : 'is not modelled (it does not change the packet path); skipped';
    c.notices.push({
      document: c.document,
      line: c.lineAt(c.prefix),
      path: c.prefix.length ? formatPrefix(c.prefix) : '',
      message: `${kind} ${ref} ${why}`,
      say: say(L7_KINDS.has(kind) ? 'import.notice.l7' : 'import.notice.skipped', { kind, name: ref }),
      kind,
      name: ref,
      skipped: true,
    });
    return;
  }
  if (apiVersion !== spec.apiVersion) {
    return at('apiVersion', 'import.error.servedAs', {
      kind,
      versions: spec.apiVersion,
      value: JSON.stringify(apiVersion),
    });
  }
  if (spec.workload) {
    const w = readWorkload(c, value, spec.workload);
    if (w) into.workloads.push(w);
    return;
  }
  if (kind === 'Pod') into.podFlags.push(...podFlags(value, ref));
  const obj = spec.read!(c, value);
  if (!obj) return;
  const doc = c.document;
  switch (kind) {
    case 'Namespace':
      return upsert(into.namespaces, obj as K8sNamespace, kind, c.notices, doc);
    case 'Node':
      return upsert(into.nodes, obj as K8sNode, kind, c.notices, doc);
    case 'Pod':
      return upsert(into.pods, obj as K8sPod, kind, c.notices, doc);
    case 'Service':
      return upsert(into.services, obj as K8sService, kind, c.notices, doc);
    case 'EndpointSlice':
      return upsert(into.endpointSlices, obj as K8sEndpointSlice, kind, c.notices, doc);
    case 'NetworkPolicy':
      return upsert(into.networkPolicies, obj as K8sNetworkPolicy, kind, c.notices, doc);
  }
}

function formatPrefix(path: Path): string {
  return path
    .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
    .join('')
    .replace(/^\./, '');
}

/** A document of the stream: `load` gives its value (undefined = skip it), reporting its issues. */
interface StreamDocument {
  load: () => unknown;
  lineAt: (path: Path) => number | null;
}

/**
 * Every document of the stream through the `yaml` Document API: loading one reports its parser
 * errors and warnings (located) and gives its value, or undefined when it cannot be read.
 */
function parseStream(text: string, errors: ImportIssue[], notices: ImportIssue[]): StreamDocument[] {
  const lc = new LineCounter();
  // Duplicate keys are found by checkMappings in linear time (the parser's check is quadratic).
  const docs = parseAllDocuments(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
  return docs.map((doc, i) => ({
    load: () => loadDocument(doc, lc, i + 1, errors, notices),
    lineAt: makeLineAt(doc, lc),
  }));
}

function loadDocument(
  doc: Document,
  lc: LineCounter,
  document: number,
  errors: ImportIssue[],
  notices: ImportIssue[],
): unknown {
  const skip = undefined;
  for (const e of doc.errors) {
    // The parser's own detail stays in its English; the page says what its code means instead.
    const detail = e.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
    const { line, col } = lc.linePos(e.pos[0]);
    errors.push({
      document,
      line,
      path: '',
      message: `malformed YAML: ${detail}`,
      say: say('import.error.malformed', { detail, yamlCode: e.code, line, column: col }),
    });
  }
  for (const w of doc.warnings) {
    const message = w.message.split('\n')[0]!;
    notices.push({
      document,
      line: lc.linePos(w.pos[0]).line,
      path: '',
      message,
      say: say('import.notice.yaml', { text: message }),
    });
  }
  if (doc.errors.length > 0 || doc.contents === null) return skip;
  const wide = checkMappings(doc, lc, document);
  if (wide.length > 0) {
    errors.push(...wide);
    return skip;
  }
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (e) {
    // Located at the document's first line (alias errors carry no position of their own).
    const line = doc.range ? lc.linePos(doc.range[0]).line : null;
    const detail = (e as Error).message;
    errors.push({
      document,
      line,
      path: '',
      message: `malformed YAML: ${detail}`,
      say: say('import.error.malformed', { detail }),
    });
    return skip;
  }
}

const errorOnly = (message: string): ImportIssue => ({ document: 0, line: null, path: '', message });

/** `{message, say}` of an import message: the English sentence and its key. */
function said(
  key: ImportMessageKey,
  args: Record<string, string | number> = {},
): { message: string; say: Say } {
  const s = say(key, args);
  return { message: sayText(s), say: s };
}

/**
 * Parses Kubernetes YAML into a Scenario built on `base` (its cluster settings and designs are
 * kept). Errors carry document, line and field path; with any error the scenario is null.
 */
export function importYaml(text: string, base: Scenario, options: ImportOptions = {}): ImportResult {
  const errors: ImportIssue[] = [];
  const notices: ImportIssue[] = [];
  const inferred: Say[] = [];
  const fail = (): ImportResult => ({ scenario: null, errors, notices, inferred });

  const bytes = utf8Length(text);
  if (bytes > IMPORT_LIMITS.maxBytes) {
    const mib = (n: number): string => (n / 1024 / 1024).toFixed(1);
    errors.push({
      ...errorOnly(''),
      ...said('import.error.tooLarge', { size: mib(bytes), limit: mib(IMPORT_LIMITS.maxBytes) }),
    });
    return fail();
  }

  // Bounded before the parser runs: its composer recurses once per nesting level.
  const deep = yamlTooDeep(text);
  if (deep) {
    errors.push({
      document: 0,
      line: deep.line,
      path: '',
      message: `the YAML nests deeper than ${MAX_NESTING} levels (line ${deep.line}, column ${deep.column})`,
      say: say('import.error.nesting', { max: MAX_NESTING, line: deep.line, column: deep.column }),
    });
    return fail();
  }
  const into: Collected = {
    stated: {},
    designs: {},
    podFlags: [],
    domains: [],
    namespaces: [],
    nodes: [],
    pods: [],
    services: [],
    endpointSlices: [],
    networkPolicies: [],
    workloads: [],
  };
  // The plain block YAML of kubectl and our export is read by the fast reader (same values); the
  // Document API parses everything else, and a fast-read document only when an issue needs a line.
  const fast = fastParseAll(text);
  const parsed = fast
    ? fast.map((d) => ({ load: () => d.value, lineAt: lazyLineAt(text, d) }))
    : parseStream(text, errors, notices);
  let objects = 0;
  for (let i = 0; i < parsed.length; i++) {
    const document = i + 1;
    const { load, lineAt } = parsed[i]!;
    const value = load();
    if (value === undefined) continue;
    const ctx = (prefix: Path): ReadCtx => ({ document, prefix, lineAt, errors, notices });
    if (isObj(value) && typeof value.kind === 'string' && value.kind.endsWith('List') && 'items' in value) {
      const items = value.items ?? [];
      if (!Array.isArray(items)) {
        errors.push({
          document,
          line: lineAt(['items']),
          path: 'items',
          message: `expected a list, got ${describe(items)}`,
          say: say('import.error.list', { got: describe(items) }),
        });
        continue;
      }
      objects += items.length;
      if (objects > IMPORT_LIMITS.maxObjects) break;
      items.forEach((item, j) => readObject(ctx(['items', j]), item, into));
    } else {
      objects += 1;
      if (objects > IMPORT_LIMITS.maxObjects) break;
      readObject(ctx([]), value, into);
    }
  }
  if (objects > IMPORT_LIMITS.maxObjects) {
    errors.push({
      ...errorOnly(''),
      ...said('import.error.tooManyObjects', { max: IMPORT_LIMITS.maxObjects }),
    });
    return fail();
  }
  if (errors.length > 0) return fail();
  return assemble(base, into, options, { errors, notices, inferred });
}
