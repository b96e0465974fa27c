import type { Scenario } from '../core/model/scenario';
import { emptyL7 } from '../core/model/l7';
import {
  DEFAULT_CLUSTER,
  DEFAULT_DESIGNS,
  INTER_DESIGN_IDS,
  INTRA_DESIGN_IDS,
  PROXY_MODE_IDS,
} from '../core/model/scenario';
import {
  arrayOf,
  bool,
  check,
  either,
  int,
  object,
  oneOf,
  recordOf,
  str,
  type Shape,
  type ShapeProblem,
} from './codec/shape';
import { l7Shape } from './l7-shape';
import { said } from './messages';
import { migrate } from './migrations/registry';
import { SCENARIO_MIGRATIONS } from './migrations/scenario';
import { jsonTooDeep, MAX_NESTING } from './nesting';
import { IMPORT_LIMITS } from './yaml/types';

/** Scenario files (JSON) have the YAML import's size bound. */
export const SCENARIO_TEXT_LIMIT = IMPORT_LIMITS.maxBytes;

/**
 * The one ingress for scenarios (ARCHITECTURE rule 5): a file, storage entry, imported YAML or a
 * decoded link becomes a Scenario only through `loadScenario`: parse → migrate → structural
 * validation (the Kubernetes API field types) → normalize. Network validation (CIDRs, IPAM,
 * duplicates) is the engine's, in core/ipam.
 */

// Shapes of the Kubernetes objects, field for field as core/model/k8s.ts (the API's own types).
const strs = arrayOf(str);
const labels = recordOf(str);
const port = int(1, 65535);
const protocol = oneOf('TCP', 'UDP', 'SCTP');
/** IntOrString (targetPort, NetworkPolicyPort.port): a number or a named container port. */
const intOrName = either((v) => typeof v === 'number', port, str);
const meta = object({ name: str }, { namespace: str, labels, annotations: labels });
const head = (apiVersion: string, kind: string) => ({
  apiVersion: oneOf(apiVersion),
  kind: oneOf(kind),
  metadata: meta,
});

const nodeShape = object(head('v1', 'Node'), {
  spec: object({}, { podCIDR: str, podCIDRs: strs }),
  status: object(
    {},
    {
      addresses: arrayOf(
        object({
          type: oneOf('InternalIP', 'ExternalIP', 'Hostname', 'InternalDNS', 'ExternalDNS'),
          address: str,
        }),
      ),
    },
  ),
});

const namespaceShape = object(head('v1', 'Namespace'));

const podShape = object(
  {
    ...head('v1', 'Pod'),
    spec: object(
      {
        containers: arrayOf(
          object(
            { name: str },
            { image: str, ports: arrayOf(object({ containerPort: port }, { name: str, protocol })) },
          ),
        ),
      },
      {
        nodeName: str,
        hostNetwork: bool,
        hostname: str,
        subdomain: str,
        dnsPolicy: oneOf('ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'),
        dnsConfig: object(
          {},
          { nameservers: strs, searches: strs, options: arrayOf(object({ name: str }, { value: str })) },
        ),
      },
    ),
  },
  {
    status: object(
      {},
      {
        podIP: str,
        podIPs: arrayOf(object({ ip: str })),
        phase: str,
        conditions: arrayOf(object({ type: str, status: oneOf('True', 'False', 'Unknown') })),
      },
    ),
  },
);

const serviceShape = object(
  {
    ...head('v1', 'Service'),
    spec: object(
      {},
      {
        type: oneOf('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'),
        selector: labels,
        ports: arrayOf(object({ port }, { name: str, protocol, targetPort: intOrName, nodePort: port })),
        clusterIP: str,
        clusterIPs: strs,
        externalName: str,
        externalIPs: strs,
        sessionAffinity: oneOf('None', 'ClientIP'),
        // Max 86400 s: kubernetes pkg/apis/core/types.go MaxClientIPServiceAffinitySeconds.
        sessionAffinityConfig: object({}, { clientIP: object({}, { timeoutSeconds: int(1, 86400) }) }),
        externalTrafficPolicy: oneOf('Cluster', 'Local'),
        internalTrafficPolicy: oneOf('Cluster', 'Local'),
        healthCheckNodePort: port,
        loadBalancerSourceRanges: strs,
        publishNotReadyAddresses: bool,
      },
    ),
  },
  {
    status: object(
      {},
      { loadBalancer: object({}, { ingress: arrayOf(object({}, { ip: str, hostname: str })) }) },
    ),
  },
);

const endpointSliceShape = object(
  {
    ...head('discovery.k8s.io/v1', 'EndpointSlice'),
    addressType: oneOf('IPv4', 'IPv6', 'FQDN'),
    endpoints: arrayOf(
      object(
        { addresses: strs },
        {
          conditions: object({}, { ready: bool, serving: bool, terminating: bool }),
          hostname: str,
          nodeName: str,
          targetRef: object({ kind: oneOf('Pod'), name: str }, { namespace: str }),
        },
      ),
    ),
  },
  { ports: arrayOf(object({}, { name: str, protocol, port })) },
);

const selector = object(
  {},
  {
    matchLabels: labels,
    matchExpressions: arrayOf(
      object({ key: str, operator: oneOf('In', 'NotIn', 'Exists', 'DoesNotExist') }, { values: strs }),
    ),
  },
);
const peers = arrayOf(
  object(
    {},
    { podSelector: selector, namespaceSelector: selector, ipBlock: object({ cidr: str }, { except: strs }) },
  ),
);
const policyPorts = arrayOf(object({}, { protocol, port: intOrName, endPort: port }));

const networkPolicyShape = object({
  ...head('networking.k8s.io/v1', 'NetworkPolicy'),
  spec: object(
    { podSelector: selector },
    {
      policyTypes: arrayOf(oneOf('Ingress', 'Egress')),
      ingress: arrayOf(object({}, { from: peers, ports: policyPorts })),
      egress: arrayOf(object({}, { to: peers, ports: policyPorts })),
    },
  ),
});

/** Shapes of the Scenario's object collections, by field name. */
export const COLLECTION_SHAPES: Readonly<Record<CollectionName, Shape>> = {
  nodes: nodeShape,
  namespaces: namespaceShape,
  pods: podShape,
  services: serviceShape,
  endpointSlices: endpointSliceShape,
  networkPolicies: networkPolicyShape,
};

export type CollectionName =
  'nodes' | 'namespaces' | 'pods' | 'services' | 'endpointSlices' | 'networkPolicies';
export const COLLECTIONS: readonly CollectionName[] = [
  'nodes',
  'namespaces',
  'pods',
  'services',
  'endpointSlices',
  'networkPolicies',
];

/** Cluster settings, every field optional (missing ones take the defaults). */
export const clusterShape = object(
  {},
  {
    underlayCidr: str,
    underlayGateway: str,
    podCidr: str,
    nodeCidrMaskSize: int(0, 32),
    serviceCidr: str,
    clusterDomain: str,
    // 68 is the IPv4 minimum MTU (RFC 791); 65535 the largest an IPv4 packet can be.
    mtu: int(68, 65535),
  },
);
/** Design names, shared with the link codec. */
export const designsShape = object(
  {},
  {
    intra: oneOf(...INTRA_DESIGN_IDS),
    inter: oneOf(...INTER_DESIGN_IDS),
    proxy: oneOf(...PROXY_MODE_IDS),
  },
);

const scenarioShape = object(
  { version: int(1, Number.MAX_SAFE_INTEGER) },
  {
    cluster: clusterShape,
    designs: designsShape,
    ...Object.fromEntries(COLLECTIONS.map((c) => [c, arrayOf(COLLECTION_SHAPES[c])])),
    l7: l7Shape,
  },
);

export interface LoadProblem {
  /** JSON path of the offending field, `$` for the whole document. */
  path: string;
  code: ShapeProblem['code'] | 'PARSE' | 'FUTURE_VERSION' | 'BAD_VERSION';
  /** English (what the CLI prints); `say` is the same as a key and arguments, for the page. */
  message: string;
  say?: ShapeProblem['say'];
}

export type LoadResult =
  | { ok: true; scenario: Scenario; warnings: LoadProblem[]; migratedFrom?: number }
  | { ok: false; errors: LoadProblem[]; warnings: LoadProblem[] };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Loads a scenario from a parsed JSON value or JSON text. Missing `cluster`/`designs` fields take the
 * defaults (kubeadm's), missing collections are empty; nothing else is invented. Never throws.
 */
export function loadScenario(input: unknown): LoadResult {
  let doc = input;
  if (typeof doc === 'string') {
    // The same bounds as a YAML import: size first, then nesting, then the parser.
    if (doc.length > SCENARIO_TEXT_LIMIT)
      return {
        ok: false,
        errors: [
          {
            path: '$',
            code: 'PARSE',
            ...said('load.tooLarge', {
              size: (doc.length / 1024 / 1024).toFixed(1),
              limit: String(SCENARIO_TEXT_LIMIT / 1024 / 1024),
            }),
          },
        ],
        warnings: [],
      };
    if (doc.trim() === '')
      return {
        ok: false,
        errors: [{ path: '$', code: 'PARSE', ...said('load.empty') }],
        warnings: [],
      };
    const deep = jsonTooDeep(doc);
    if (deep)
      return {
        ok: false,
        errors: [
          {
            path: '$',
            code: 'PARSE',
            ...said('load.nesting', {
              max: String(MAX_NESTING),
              line: String(deep.line),
              column: String(deep.column),
            }),
          },
        ],
        warnings: [],
      };
    try {
      doc = JSON.parse(doc) as unknown;
    } catch (e) {
      return {
        ok: false,
        errors: [{ path: '$', code: 'PARSE', ...said('load.notJson', { detail: (e as Error).message }) }],
        warnings: [],
      };
    }
  }
  if (!isObject(doc))
    return {
      ok: false,
      errors: [{ path: '$', code: 'TYPE', ...said('load.notObject') }],
      warnings: [],
    };
  const warnings: LoadProblem[] = [];
  let version = doc.version;
  if (version === undefined) {
    version = SCENARIO_MIGRATIONS.current;
    warnings.push({
      path: '$.version',
      code: 'REQUIRED',
      ...said('load.noVersion', { version: String(version) }),
    });
  }
  if (typeof version !== 'number')
    return {
      ok: false,
      errors: [{ path: '$.version', code: 'TYPE', ...said('load.versionType') }],
      warnings,
    };
  const migrated = migrate(SCENARIO_MIGRATIONS, doc, version);
  if (!migrated.ok)
    return {
      ok: false,
      errors: [{ path: '$.version', code: migrated.code, message: migrated.message, say: migrated.say }],
      warnings,
    };
  const body = isObject(migrated.doc)
    ? { ...migrated.doc, version: SCENARIO_MIGRATIONS.current }
    : migrated.doc;
  const checked = check(scenarioShape, body);
  warnings.push(...checked.warnings);
  if (!checked.ok) return { ok: false, errors: checked.errors, warnings };
  const v = checked.value as Partial<Scenario>;
  const scenario: Scenario = {
    version: 1,
    cluster: { ...DEFAULT_CLUSTER, ...v.cluster },
    designs: { ...DEFAULT_DESIGNS, ...v.designs },
    nodes: v.nodes ?? [],
    namespaces: v.namespaces ?? [],
    pods: v.pods ?? [],
    services: v.services ?? [],
    endpointSlices: v.endpointSlices ?? [],
    networkPolicies: v.networkPolicies ?? [],
  };
  if (v.l7) scenario.l7 = { ...emptyL7(), ...v.l7 };
  return migrated.migratedFrom === undefined
    ? { ok: true, scenario, warnings }
    : { ok: true, scenario, warnings, migratedFrom: migrated.migratedFrom };
}
