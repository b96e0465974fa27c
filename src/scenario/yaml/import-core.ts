import type {
  Container,
  ContainerPort,
  K8sNamespace,
  K8sNode,
  K8sPod,
  NodeAddress,
  ObjectMeta,
  PodCondition,
  PodDnsConfig,
  Protocol,
} from '../../core/model/k8s';
import { parseCidr } from '../../core/net/cidr';
import { parseIpv4 } from '../../core/net/ipv4';
import {
  type Obj,
  type Path,
  type ReadCtx,
  fail,
  isDns1123Label,
  isDns1123Subdomain,
  isPortName,
  readAnnotations,
  readBool,
  readEnum,
  readInt,
  readLabels,
  readList,
  readObj,
  readStr,
} from './reader';

/**
 * Readers for core/v1 objects (Namespace, Node, Pod and the Pod template the workload controllers
 * stamp Pods from). Field lists follow k8s.io/api/core/v1/types.go; only networking fields are
 * kept, the rest is accepted silently as known-but-ignored.
 */

export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

const META_FIELDS = [
  'name',
  'namespace',
  'labels',
  'annotations',
  'generateName',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'ownerReferences',
  'finalizers',
  'managedFields',
  'selfLink',
];

export type NameRule = 'label' | 'subdomain';

/** The DNS name syntax the API server demands of each kind's `metadata.name`. */
export function checkName(c: ReadCtx, name: string, path: Path, rule: NameRule): boolean {
  const ok = rule === 'label' ? isDns1123Label(name) : isDns1123Subdomain(name);
  if (!ok) {
    fail(c, path, rule === 'label' ? 'import.field.nameLabel' : 'import.field.nameSubdomain', {
      name: JSON.stringify(name),
    });
  }
  return ok;
}

/**
 * `metadata` of an object. Namespaced objects without a namespace land in `default`, as
 * `kubectl apply` does with no `-n` and no context namespace.
 */
export function readMeta(
  c: ReadCtx,
  v: unknown,
  opts: { namespaced: boolean; rule: NameRule; path?: Path; nameOptional?: boolean },
): ObjectMeta | undefined {
  const path = opts.path ?? ['metadata'];
  const m = readObj(c, v, path, META_FIELDS, !opts.nameOptional);
  if (!m) return opts.nameOptional ? { name: '' } : undefined;
  let name = '';
  if (m.name === undefined || m.name === null) {
    if (!opts.nameOptional) {
      fail(c, [...path, 'name'], m.generateName ? 'import.field.generateName' : 'import.field.missing');
    }
  } else {
    const n = readStr(c, m.name, [...path, 'name']);
    if (n !== undefined && checkName(c, n, [...path, 'name'], opts.rule)) name = n;
  }
  const meta: ObjectMeta = { name };
  if (opts.namespaced) {
    const ns = readStr(c, m.namespace, [...path, 'namespace']);
    if (ns !== undefined && !isDns1123Label(ns)) {
      fail(c, [...path, 'namespace'], 'import.field.namespace', { name: JSON.stringify(ns) });
    }
    meta.namespace = ns ?? 'default';
  }
  const labels = readLabels(c, m.labels, [...path, 'labels']);
  if (labels) meta.labels = labels;
  const annotations = readAnnotations(c, m.annotations, [...path, 'annotations']);
  if (annotations) meta.annotations = annotations;
  return meta;
}

/** core/v1 Namespace; the API server adds the immutable `kubernetes.io/metadata.name` label (1.21+). */
export function readNamespace(c: ReadCtx, o: Obj): K8sNamespace | undefined {
  readObj(c, o, [], ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  const meta = readMeta(c, o.metadata, { namespaced: false, rule: 'label' });
  if (!meta) return undefined;
  meta.labels = { ...meta.labels, 'kubernetes.io/metadata.name': meta.name };
  return { apiVersion: 'v1', kind: 'Namespace', metadata: meta };
}

const NODE_ADDRESS_TYPES: readonly NodeAddress['type'][] = [
  'InternalIP',
  'ExternalIP',
  'Hostname',
  'InternalDNS',
  'ExternalDNS',
];

/** core/v1 Node: `spec.podCIDR(s)` from nodeipam and `status.addresses` (the InternalIP is the Node IP). */
export function readNode(c: ReadCtx, o: Obj): K8sNode | undefined {
  readObj(c, o, [], ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  const meta = readMeta(c, o.metadata, { namespaced: false, rule: 'subdomain' });
  if (!meta) return undefined;
  const node: K8sNode = { apiVersion: 'v1', kind: 'Node', metadata: meta };
  const spec = readObj(
    c,
    o.spec,
    ['spec'],
    ['podCIDR', 'podCIDRs', 'providerID', 'unschedulable', 'taints', 'configSource', 'externalID'],
  );
  if (spec) {
    const out: NonNullable<K8sNode['spec']> = {};
    const podCidr = readCidrText(c, spec.podCIDR, ['spec', 'podCIDR'], true);
    if (podCidr !== undefined) out.podCIDR = podCidr;
    const list = readList(c, spec.podCIDRs, ['spec', 'podCIDRs']);
    if (list) {
      out.podCIDRs = [];
      list.forEach((item, i) => {
        const t = readCidrText(c, item, ['spec', 'podCIDRs', i], true);
        if (t !== undefined) out.podCIDRs!.push(t);
      });
    }
    if (out.podCIDR !== undefined || out.podCIDRs !== undefined) node.spec = out;
  }
  const status = readObj(c, o.status, ['status'], null);
  if (status) {
    const list = readList(c, status.addresses, ['status', 'addresses']);
    if (list) {
      const addresses: NodeAddress[] = [];
      list.forEach((item, i) => {
        const p: Path = ['status', 'addresses', i];
        const a = readObj(c, item, p, ['type', 'address'], true);
        if (!a) return;
        const type = readEnum(c, a.type, [...p, 'type'], NODE_ADDRESS_TYPES, true);
        const address = readStr(c, a.address, [...p, 'address'], true);
        if (type === undefined || address === undefined) return;
        if ((type === 'InternalIP' || type === 'ExternalIP') && parseIpv4(address) === null) {
          fail(c, [...p, 'address'], 'import.field.ipv4', { value: JSON.stringify(address) });
          return;
        }
        addresses.push({ type, address });
      });
      node.status = { addresses };
    }
  }
  return node;
}

/** A CIDR kept as text; `strict` demands zero host bits (as for `spec.podCIDR`). */
export function readCidrText(c: ReadCtx, v: unknown, path: Path, strict: boolean): string | undefined {
  const s = readStr(c, v, path);
  if (s === undefined) return undefined;
  if (parseCidr(s, strict) === null) {
    return fail(c, path, strict ? 'import.field.cidrStrict' : 'import.field.cidr', {
      value: JSON.stringify(s),
    });
  }
  return s;
}

export function readIpText(c: ReadCtx, v: unknown, path: Path, req = false): string | undefined {
  const s = readStr(c, v, path, req);
  if (s === undefined) return undefined;
  if (parseIpv4(s) === null) return fail(c, path, 'import.field.ipv4', { value: JSON.stringify(s) });
  return s;
}

const CONTAINER_FIELDS = [
  'name',
  'image',
  'ports',
  'command',
  'args',
  'workingDir',
  'env',
  'envFrom',
  'resources',
  'resizePolicy',
  'restartPolicy',
  'volumeMounts',
  'volumeDevices',
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
  'lifecycle',
  'terminationMessagePath',
  'terminationMessagePolicy',
  'imagePullPolicy',
  'securityContext',
  'stdin',
  'stdinOnce',
  'tty',
];

const POD_SPEC_FIELDS = [
  'volumes',
  'initContainers',
  'containers',
  'ephemeralContainers',
  'restartPolicy',
  'terminationGracePeriodSeconds',
  'activeDeadlineSeconds',
  'dnsPolicy',
  'nodeSelector',
  'serviceAccountName',
  'serviceAccount',
  'automountServiceAccountToken',
  'nodeName',
  'hostNetwork',
  'hostPID',
  'hostIPC',
  'shareProcessNamespace',
  'securityContext',
  'imagePullSecrets',
  'hostname',
  'subdomain',
  'affinity',
  'schedulerName',
  'tolerations',
  'hostAliases',
  'priorityClassName',
  'priority',
  'dnsConfig',
  'readinessGates',
  'runtimeClassName',
  'enableServiceLinks',
  'preemptionPolicy',
  'overhead',
  'topologySpreadConstraints',
  'setHostnameAsFQDN',
  'os',
  'hostUsers',
  'schedulingGates',
  'resourceClaims',
  'resources',
];

const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] as const;

function readContainer(c: ReadCtx, v: unknown, path: Path): Container | undefined {
  const o = readObj(c, v, path, CONTAINER_FIELDS, true);
  if (!o) return undefined;
  const name = readStr(c, o.name, [...path, 'name'], true);
  if (name !== undefined && !isDns1123Label(name)) {
    fail(c, [...path, 'name'], 'import.field.containerName', { name: JSON.stringify(name) });
  }
  const container: Container = { name: name ?? '' };
  const image = readStr(c, o.image, [...path, 'image']);
  if (image !== undefined) container.image = image;
  const ports = readList(c, o.ports, [...path, 'ports']);
  if (ports) {
    container.ports = [];
    ports.forEach((item, i) => {
      const p = readContainerPort(c, item, [...path, 'ports', i]);
      if (p) container.ports!.push(p);
    });
  }
  return container;
}

function readContainerPort(c: ReadCtx, v: unknown, path: Path): ContainerPort | undefined {
  const o = readObj(c, v, path, ['name', 'containerPort', 'protocol', 'hostPort', 'hostIP'], true);
  if (!o) return undefined;
  const containerPort = readInt(c, o.containerPort, [...path, 'containerPort'], 1, 65535, true);
  const name = readStr(c, o.name, [...path, 'name']);
  if (name !== undefined && !isPortName(name)) {
    fail(c, [...path, 'name'], 'import.field.portName', { name: JSON.stringify(name) });
  }
  readInt(c, o.hostPort, [...path, 'hostPort'], 1, 65535);
  // The API server defaults the protocol to TCP (SetDefaults_ContainerPort).
  const protocol = readEnum(c, o.protocol, [...path, 'protocol'], PROTOCOLS) ?? 'TCP';
  if (containerPort === undefined) return undefined;
  const port: ContainerPort = { containerPort, protocol };
  if (name !== undefined) port.name = name;
  return port;
}

/** A PodSpec, plus its `nodeSelector` (used to pick DaemonSet nodes; not stored on the Pod). */
export interface PodSpecRead {
  spec: K8sPod['spec'];
  nodeSelector?: Record<string, string>;
}

/** `spec.dnsConfig` (core/v1 PodDNSConfig): nameservers, searches, options `{name, value}`. */
function readDnsConfig(c: ReadCtx, v: unknown, path: Path): PodDnsConfig | undefined {
  const o = readObj(c, v, path, ['nameservers', 'searches', 'options']);
  if (!o) return undefined;
  const out: PodDnsConfig = {};
  const strings = (key: 'nameservers' | 'searches') =>
    (readList(c, o[key], [...path, key]) ?? []).flatMap((x, i) => readStr(c, x, [...path, key, i]) ?? []);
  const nameservers = strings('nameservers');
  if (nameservers.length) out.nameservers = nameservers;
  const searches = strings('searches');
  if (searches.length) out.searches = searches;
  const options = (readList(c, o.options, [...path, 'options']) ?? []).flatMap((x, i) => {
    const op = readObj(c, x, [...path, 'options', i], ['name', 'value']);
    const name = op && readStr(c, op.name, [...path, 'options', i, 'name'], true);
    if (!op || name === undefined) return [];
    const value = readStr(c, op.value, [...path, 'options', i, 'value']);
    return [value === undefined ? { name } : { name, value }];
  });
  if (options.length) out.options = options;
  return out;
}

export function readPodSpec(c: ReadCtx, v: unknown, path: Path): PodSpecRead | undefined {
  const o = readObj(c, v, path, POD_SPEC_FIELDS, true);
  if (!o) return undefined;
  const spec: K8sPod['spec'] = { containers: [] };
  const nodeName = readStr(c, o.nodeName, [...path, 'nodeName']);
  if (nodeName !== undefined) {
    if (checkName(c, nodeName, [...path, 'nodeName'], 'subdomain')) spec.nodeName = nodeName;
  }
  const containers = readList(c, o.containers, [...path, 'containers'], true);
  if (containers) {
    if (containers.length === 0) fail(c, [...path, 'containers'], 'import.field.noContainers');
    containers.forEach((item, i) => {
      const ct = readContainer(c, item, [...path, 'containers', i]);
      if (ct) spec.containers.push(ct);
    });
  }
  const hostNetwork = readBool(c, o.hostNetwork, [...path, 'hostNetwork']);
  if (hostNetwork !== undefined) spec.hostNetwork = hostNetwork;
  for (const key of ['hostname', 'subdomain'] as const) {
    const s = readStr(c, o[key], [...path, key]);
    if (s === undefined) continue;
    if (!isDns1123Label(s))
      fail(c, [...path, key], 'import.field.dnsLabel', { field: key, name: JSON.stringify(s) });
    else spec[key] = s;
  }
  const dnsPolicy = readEnum(c, o.dnsPolicy, [...path, 'dnsPolicy'], DNS_POLICIES);
  if (dnsPolicy !== undefined) spec.dnsPolicy = dnsPolicy;
  const dnsConfig = readDnsConfig(c, o.dnsConfig, [...path, 'dnsConfig']);
  if (dnsConfig) spec.dnsConfig = dnsConfig;
  const out: PodSpecRead = { spec };
  const nodeSelector = readLabels(c, o.nodeSelector, [...path, 'nodeSelector']);
  if (nodeSelector) out.nodeSelector = nodeSelector;
  return out;
}

const CONDITION_STATUS = ['True', 'False', 'Unknown'] as const;

function readPodStatus(c: ReadCtx, v: unknown): K8sPod['status'] | undefined {
  const o = readObj(c, v, ['status'], null);
  if (!o) return undefined;
  const status: NonNullable<K8sPod['status']> = {};
  const podIP = readIpText(c, o.podIP, ['status', 'podIP']);
  if (podIP !== undefined) status.podIP = podIP;
  const podIPs = readList(c, o.podIPs, ['status', 'podIPs']);
  if (podIPs) {
    status.podIPs = [];
    podIPs.forEach((item, i) => {
      const p = readObj(c, item, ['status', 'podIPs', i], ['ip'], true);
      const ip = p && readIpText(c, p.ip, ['status', 'podIPs', i, 'ip'], true);
      if (ip !== undefined) status.podIPs!.push({ ip });
    });
    const first = status.podIPs[0]?.ip;
    if (podIP !== undefined && first !== undefined && first !== podIP) {
      fail(c, ['status', 'podIPs', 0, 'ip'], 'import.field.podIPs', {
        ip: podIP,
        value: JSON.stringify(first),
      });
    }
    if (podIP === undefined && first !== undefined) status.podIP = first;
  }
  const phase = readStr(c, o.phase, ['status', 'phase']);
  if (phase !== undefined) status.phase = phase;
  const conditions = readList(c, o.conditions, ['status', 'conditions']);
  if (conditions) {
    status.conditions = [];
    conditions.forEach((item, i) => {
      const p: Path = ['status', 'conditions', i];
      const cond = readObj(c, item, p, null, true);
      if (!cond) return;
      const type = readStr(c, cond.type, [...p, 'type'], true);
      const st = readEnum(c, cond.status, [...p, 'status'], CONDITION_STATUS, true);
      if (type !== undefined && st !== undefined)
        status.conditions!.push({ type, status: st } as PodCondition);
    });
  }
  return Object.keys(status).length > 0 ? status : undefined;
}

/** core/v1 Pod as written or as `kubectl get pod -o yaml` prints it (status kept: podIP, phase, conditions). */
export function readPod(c: ReadCtx, o: Obj): K8sPod | undefined {
  readObj(c, o, [], ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  const meta = readMeta(c, o.metadata, { namespaced: true, rule: 'subdomain' });
  const spec = readPodSpec(c, o.spec, ['spec']);
  const status = readPodStatus(c, o.status);
  if (!meta || !spec) return undefined;
  const pod: K8sPod = { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: spec.spec };
  if (status) pod.status = status;
  return pod;
}
