import type { Endpoint, EndpointPort, K8sEndpointSlice, K8sService, ServicePort } from '../../core/model/k8s';
import { PROTOCOLS, readCidrText, readIpText, readMeta } from './import-core';
import {
  type Obj,
  type Path,
  type ReadCtx,
  describe,
  fail,
  isDns1123Label,
  isPortName,
  readBool,
  readEnum,
  readInt,
  readLabels,
  readList,
  readObj,
  readStr,
} from './reader';

/**
 * Readers for core/v1 Service and discovery.k8s.io/v1 EndpointSlice, with the API server's
 * defaults (protocol TCP, targetPort = port: SetDefaults_Service) and validation rules
 * (pkg/apis/core/validation ValidateService: named ports when there are several, NodePort range).
 */

const SERVICE_SPEC_FIELDS = [
  'type',
  'selector',
  'ports',
  'clusterIP',
  'clusterIPs',
  'externalName',
  'externalIPs',
  'sessionAffinity',
  'sessionAffinityConfig',
  'externalTrafficPolicy',
  'internalTrafficPolicy',
  'healthCheckNodePort',
  'loadBalancerSourceRanges',
  'publishNotReadyAddresses',
  'ipFamilies',
  'ipFamilyPolicy',
  'allocateLoadBalancerNodePorts',
  'loadBalancerIP',
  'loadBalancerClass',
  'trafficDistribution',
];

const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const;
const TRAFFIC_POLICIES = ['Cluster', 'Local'] as const;
/** `--service-node-port-range` default (pkg/kubeapiserver/options: PortRange{Base: 30000, Size: 2768}). */
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

/** A port that is a number (1–65535) or an IANA_SVC_NAME naming a container port. */
export function readIntOrName(c: ReadCtx, v: unknown, path: Path): number | string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return readInt(c, v, path, 1, 65535);
  if (typeof v === 'string') {
    if (isPortName(v)) return v;
    return fail(c, path, 'import.field.intOrName', { got: describe(v) });
  }
  return fail(c, path, 'import.field.intOrName', { got: describe(v) });
}

function readServicePort(c: ReadCtx, v: unknown, path: Path): ServicePort | undefined {
  const o = readObj(c, v, path, ['name', 'protocol', 'port', 'targetPort', 'nodePort', 'appProtocol'], true);
  if (!o) return undefined;
  const port = readInt(c, o.port, [...path, 'port'], 1, 65535, true);
  const name = readStr(c, o.name, [...path, 'name']);
  // Service port names are DNS-1123 labels (ValidateService), unlike container port names.
  if (name !== undefined && name !== '' && !isDns1123Label(name)) {
    fail(c, [...path, 'name'], 'import.field.servicePortName', { name: JSON.stringify(name) });
  }
  const protocol = readEnum(c, o.protocol, [...path, 'protocol'], PROTOCOLS) ?? 'TCP';
  const targetPort = readIntOrName(c, o.targetPort, [...path, 'targetPort']);
  let nodePort: number | undefined;
  if (o.nodePort !== undefined && o.nodePort !== null && o.nodePort !== 0) {
    nodePort = readInt(c, o.nodePort, [...path, 'nodePort'], NODE_PORT_MIN, NODE_PORT_MAX);
  }
  if (port === undefined) return undefined;
  const out: ServicePort = { ...(name ? { name } : {}), protocol, port, targetPort: targetPort ?? port };
  if (nodePort !== undefined) out.nodePort = nodePort;
  return out;
}

/** core/v1 Service. */
export function readService(c: ReadCtx, o: Obj): K8sService | undefined {
  readObj(c, o, [], ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  const meta = readMeta(c, o.metadata, { namespaced: true, rule: 'label' });
  const s = readObj(c, o.spec, ['spec'], SERVICE_SPEC_FIELDS) ?? {};
  if (!meta) return undefined;
  const spec: K8sService['spec'] = {};
  const type = readEnum(c, s.type, ['spec', 'type'], SERVICE_TYPES);
  if (type !== undefined) spec.type = type;
  const selector = readLabels(c, s.selector, ['spec', 'selector']);
  if (selector) spec.selector = selector;
  const ports = readList(c, s.ports, ['spec', 'ports']);
  if (ports) {
    spec.ports = [];
    ports.forEach((item, i) => {
      const p = readServicePort(c, item, ['spec', 'ports', i]);
      if (p) spec.ports!.push(p);
    });
    if (spec.ports.length > 1) {
      const seen = new Set<string>();
      spec.ports.forEach((p, i) => {
        if (!p.name) fail(c, ['spec', 'ports', i, 'name'], 'import.field.portNameRequired');
        else if (seen.has(p.name))
          fail(c, ['spec', 'ports', i, 'name'], 'import.field.portNameDuplicate', {
            name: JSON.stringify(p.name),
          });
        else seen.add(p.name);
      });
    }
    if (type !== 'NodePort' && type !== 'LoadBalancer') {
      spec.ports.forEach((p, i) => {
        if (p.nodePort !== undefined) fail(c, ['spec', 'ports', i, 'nodePort'], 'import.field.nodePort');
      });
    }
  }
  const clusterIP = readStr(c, s.clusterIP, ['spec', 'clusterIP']);
  if (clusterIP !== undefined && clusterIP !== '' && clusterIP !== 'None') {
    if (readIpText(c, clusterIP, ['spec', 'clusterIP']) !== undefined) spec.clusterIP = clusterIP;
  } else if (clusterIP === 'None') spec.clusterIP = 'None';
  const clusterIPs = readList(c, s.clusterIPs, ['spec', 'clusterIPs']);
  if (clusterIPs) {
    const ips: string[] = [];
    clusterIPs.forEach((item, i) => {
      const t = readStr(c, item, ['spec', 'clusterIPs', i], true);
      if (t === 'None' || (t !== undefined && readIpText(c, t, ['spec', 'clusterIPs', i]) !== undefined))
        ips.push(t);
    });
    if (spec.clusterIP && ips[0] !== undefined && ips[0] !== spec.clusterIP) {
      fail(c, ['spec', 'clusterIPs', 0], 'import.field.clusterIPs', { ip: String(spec.clusterIP) });
    }
    if (ips.length > 0) {
      spec.clusterIPs = ips;
      if (spec.clusterIP === undefined) spec.clusterIP = ips[0];
    }
  }
  const externalName = readStr(c, s.externalName, ['spec', 'externalName']);
  if (externalName !== undefined) spec.externalName = externalName;
  if (type === 'ExternalName' && !externalName)
    fail(c, ['spec', 'externalName'], 'import.field.externalName');
  const externalIPs = readList(c, s.externalIPs, ['spec', 'externalIPs']);
  if (externalIPs) {
    spec.externalIPs = [];
    externalIPs.forEach((item, i) => {
      const ip = readIpText(c, item, ['spec', 'externalIPs', i], true);
      if (ip !== undefined) spec.externalIPs!.push(ip);
    });
  }
  const affinity = readEnum(c, s.sessionAffinity, ['spec', 'sessionAffinity'], ['None', 'ClientIP'] as const);
  if (affinity !== undefined) spec.sessionAffinity = affinity;
  const sac = readObj(c, s.sessionAffinityConfig, ['spec', 'sessionAffinityConfig'], ['clientIP']);
  if (sac) {
    const p = ['spec', 'sessionAffinityConfig', 'clientIP'];
    const cip = readObj(c, sac.clientIP, p, ['timeoutSeconds']);
    // MaxClientIPServiceAffinitySeconds = 86400 (pkg/apis/core/types.go).
    const timeout = cip && readInt(c, cip.timeoutSeconds, [...p, 'timeoutSeconds'], 1, 86400);
    spec.sessionAffinityConfig =
      timeout !== undefined ? { clientIP: { timeoutSeconds: timeout } } : { clientIP: {} };
  }
  const etp = readEnum(c, s.externalTrafficPolicy, ['spec', 'externalTrafficPolicy'], TRAFFIC_POLICIES);
  if (etp !== undefined) spec.externalTrafficPolicy = etp;
  const itp = readEnum(c, s.internalTrafficPolicy, ['spec', 'internalTrafficPolicy'], TRAFFIC_POLICIES);
  if (itp !== undefined) spec.internalTrafficPolicy = itp;
  const hc = readInt(c, s.healthCheckNodePort, ['spec', 'healthCheckNodePort'], NODE_PORT_MIN, NODE_PORT_MAX);
  if (hc !== undefined) spec.healthCheckNodePort = hc;
  const ranges = readList(c, s.loadBalancerSourceRanges, ['spec', 'loadBalancerSourceRanges']);
  if (ranges) {
    spec.loadBalancerSourceRanges = [];
    ranges.forEach((item, i) => {
      const t = readCidrText(c, item, ['spec', 'loadBalancerSourceRanges', i], false);
      if (t !== undefined) spec.loadBalancerSourceRanges!.push(t);
    });
  }
  const pna = readBool(c, s.publishNotReadyAddresses, ['spec', 'publishNotReadyAddresses']);
  if (pna !== undefined) spec.publishNotReadyAddresses = pna;
  const svc: K8sService = { apiVersion: 'v1', kind: 'Service', metadata: meta, spec };
  const status = readObj(c, o.status, ['status'], null);
  const lb = status && readObj(c, status.loadBalancer, ['status', 'loadBalancer'], null);
  const ingress = lb && readList(c, lb.ingress, ['status', 'loadBalancer', 'ingress']);
  if (ingress && ingress.length > 0) {
    const list: { ip?: string; hostname?: string }[] = [];
    ingress.forEach((item, i) => {
      const p = ['status', 'loadBalancer', 'ingress', i];
      const e = readObj(c, item, p, null, true);
      if (!e) return;
      const entry: { ip?: string; hostname?: string } = {};
      const ip = readIpText(c, e.ip, [...p, 'ip']);
      if (ip !== undefined) entry.ip = ip;
      const hostname = readStr(c, e.hostname, [...p, 'hostname']);
      if (hostname !== undefined) entry.hostname = hostname;
      list.push(entry);
    });
    svc.status = { loadBalancer: { ingress: list } };
  }
  return svc;
}

const ADDRESS_TYPES = ['IPv4', 'IPv6', 'FQDN'] as const;

function readEndpoint(
  c: ReadCtx,
  v: unknown,
  path: Path,
  addressType: string | undefined,
): Endpoint | undefined {
  const o = readObj(
    c,
    v,
    path,
    ['addresses', 'conditions', 'hostname', 'nodeName', 'targetRef', 'zone', 'hints', 'deprecatedTopology'],
    true,
  );
  if (!o) return undefined;
  const list = readList(c, o.addresses, [...path, 'addresses'], true);
  const addresses: string[] = [];
  list?.forEach((item, i) => {
    const p = [...path, 'addresses', i];
    const a = addressType === 'IPv4' ? readIpText(c, item, p, true) : readStr(c, item, p, true);
    if (a !== undefined) addresses.push(a);
  });
  if (list && list.length === 0) fail(c, [...path, 'addresses'], 'import.field.noAddresses');
  const ep: Endpoint = { addresses };
  const cond = readObj(c, o.conditions, [...path, 'conditions'], ['ready', 'serving', 'terminating']);
  if (cond) {
    ep.conditions = {};
    for (const k of ['ready', 'serving', 'terminating'] as const) {
      const b = readBool(c, cond[k], [...path, 'conditions', k]);
      if (b !== undefined) ep.conditions[k] = b;
    }
  }
  const hostname = readStr(c, o.hostname, [...path, 'hostname']);
  if (hostname !== undefined) ep.hostname = hostname;
  const nodeName = readStr(c, o.nodeName, [...path, 'nodeName']);
  if (nodeName !== undefined) ep.nodeName = nodeName;
  const ref = readObj(
    c,
    o.targetRef,
    [...path, 'targetRef'],
    ['kind', 'name', 'namespace', 'uid', 'resourceVersion', 'apiVersion', 'fieldPath'],
  );
  if (ref) {
    const kind = readEnum(c, ref.kind, [...path, 'targetRef', 'kind'], ['Pod'] as const, true);
    const name = readStr(c, ref.name, [...path, 'targetRef', 'name'], true);
    const ns = readStr(c, ref.namespace, [...path, 'targetRef', 'namespace']);
    if (kind && name !== undefined)
      ep.targetRef = ns !== undefined ? { kind, name, namespace: ns } : { kind, name };
  }
  return ep;
}

/** discovery.k8s.io/v1 EndpointSlice. */
export function readEndpointSlice(c: ReadCtx, o: Obj): K8sEndpointSlice | undefined {
  readObj(c, o, [], ['apiVersion', 'kind', 'metadata', 'addressType', 'endpoints', 'ports']);
  const meta = readMeta(c, o.metadata, { namespaced: true, rule: 'subdomain' });
  const addressType = readEnum(c, o.addressType, ['addressType'], ADDRESS_TYPES, true);
  const endpoints: Endpoint[] = [];
  readList(c, o.endpoints, ['endpoints'])?.forEach((item, i) => {
    const ep = readEndpoint(c, item, ['endpoints', i], addressType);
    if (ep) endpoints.push(ep);
  });
  const slice: K8sEndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta ?? { name: '' },
    addressType: addressType ?? 'IPv4',
    endpoints,
  };
  const ports = readList(c, o.ports, ['ports']);
  if (ports) {
    slice.ports = [];
    ports.forEach((item, i) => {
      const p: Path = ['ports', i];
      const e = readObj(c, item, p, ['name', 'protocol', 'port', 'appProtocol'], true);
      if (!e) return;
      const port: EndpointPort = {};
      const name = readStr(c, e.name, [...p, 'name']);
      if (name !== undefined) port.name = name;
      port.protocol = readEnum(c, e.protocol, [...p, 'protocol'], PROTOCOLS) ?? 'TCP';
      const n = readInt(c, e.port, [...p, 'port'], 1, 65535);
      if (n !== undefined) port.port = n;
      slice.ports!.push(port);
    });
  }
  return meta && addressType ? slice : undefined;
}
