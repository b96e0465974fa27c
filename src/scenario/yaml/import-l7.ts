import type {
  BackendObjectReference,
  HTTPBackendRef,
  HTTPHeaderFilter,
  HTTPPathModifier,
  HTTPRouteFilter,
  HTTPRouteMatch,
  HTTPRouteRule,
  IngressBackend,
  K8sGateway,
  K8sGatewayClass,
  K8sHTTPRoute,
  K8sIngress,
  K8sIngressClass,
  K8sReferenceGrant,
  L7Meta,
  L7Objects,
  Listener,
  ParentReference,
} from '../../core/model/l7';
import { upsert } from './assemble';
import { readMeta } from './import-core';
import {
  type Obj,
  type Path,
  type ReadCtx,
  fail,
  readEnum,
  readInt,
  readList,
  readObj,
  readStr,
  readStrList,
} from './reader';
import { readSelector } from './selector';

/**
 * L7 entry objects from YAML, checked the way the API server's OpenAPI validation for
 * networking.k8s.io/v1 (kubernetes/api networking/v1/types.go) and the Gateway API CRDs
 * (kubernetes-sigs/gateway-api config/crd/standard) checks them: enums, required fields, port
 * ranges, hostnames. Errors name document, line and field; fields this model does not read are
 * notices.
 */

const GW_VERSIONS = ['gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v1beta1'];
/** Kind → the apiVersions it is served at, and its reader. */
export const L7_READERS: Record<
  string,
  { apiVersions: string[]; read: (c: ReadCtx, o: Obj, into: L7Objects) => void }
> = {
  Ingress: {
    apiVersions: ['networking.k8s.io/v1'],
    read: (c, o, into) => put(c, into.ingresses, readIngress(c, o), 'Ingress'),
  },
  IngressClass: {
    apiVersions: ['networking.k8s.io/v1'],
    read: (c, o, into) => put(c, into.ingressClasses, readIngressClass(c, o), 'IngressClass'),
  },
  GatewayClass: {
    apiVersions: GW_VERSIONS,
    read: (c, o, into) => put(c, into.gatewayClasses, readGatewayClass(c, o), 'GatewayClass'),
  },
  Gateway: {
    apiVersions: GW_VERSIONS,
    read: (c, o, into) => put(c, into.gateways, readGateway(c, o), 'Gateway'),
  },
  HTTPRoute: {
    apiVersions: GW_VERSIONS,
    read: (c, o, into) => put(c, into.httpRoutes, readHttpRoute(c, o), 'HTTPRoute'),
  },
  ReferenceGrant: {
    apiVersions: ['gateway.networking.k8s.io/v1beta1', 'gateway.networking.k8s.io/v1'],
    read: (c, o, into) => put(c, into.referenceGrants, readReferenceGrant(c, o), 'ReferenceGrant'),
  },
};

function put<T extends { metadata: { name: string; namespace?: string } }>(
  c: ReadCtx,
  list: T[],
  obj: T | undefined,
  kind: string,
): void {
  if (obj) upsert(list, obj, kind, c.notices, c.document);
}

const TOP = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];

function meta(c: ReadCtx, o: Obj, namespaced: boolean): L7Meta | undefined {
  const m = readMeta(c, o.metadata, { namespaced, rule: 'subdomain' });
  if (!m) return undefined;
  const ts = (o.metadata as Obj | undefined)?.creationTimestamp;
  const out: L7Meta = { ...m };
  if (typeof ts === 'string') out.creationTimestamp = ts;
  else if (ts instanceof Date) out.creationTimestamp = ts.toISOString().replace('.000Z', 'Z');
  return out;
}

// RFC 1123 hostname, with an optional leading `*.` (apis/v1/shared_types.go `Hostname`); no IPs.
const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
function readHostname(c: ReadCtx, v: unknown, path: Path, req = false): string | undefined {
  const h = readStr(c, v, path, req);
  if (h === undefined) return undefined;
  if (!HOSTNAME.test(h) || h.length > 253 || /^[0-9.]+$/.test(h))
    return fail(c, path, 'import.field.hostname', { value: JSON.stringify(h) });
  return h;
}

const port = (c: ReadCtx, v: unknown, path: Path, req = false): number | undefined =>
  readInt(c, v, path, 1, 65535, req);

// ------------------------------------------------------------------------------------- Ingress

function readIngressBackend(c: ReadCtx, v: unknown, path: Path): IngressBackend | undefined {
  const b = readObj(c, v, path, ['service', 'resource'], true);
  if (!b) return undefined;
  if (b.service !== undefined && b.service !== null) {
    const s = readObj(c, b.service, [...path, 'service'], ['name', 'port'], true)!;
    const name = readStr(c, s.name, [...path, 'service', 'name'], true);
    const p = readObj(c, s.port, [...path, 'service', 'port'], ['number', 'name']);
    const number = p ? port(c, p.number, [...path, 'service', 'port', 'number']) : undefined;
    const pname = p ? readStr(c, p.name, [...path, 'service', 'port', 'name']) : undefined;
    if (p && number !== undefined && pname !== undefined)
      fail(c, [...path, 'service', 'port'], 'import.field.numberOrName');
    if (name === undefined) return undefined;
    return {
      service: {
        name,
        ...(p
          ? {
              port: {
                ...(number !== undefined ? { number } : {}),
                ...(pname !== undefined ? { name: pname } : {}),
              },
            }
          : {}),
      },
    };
  }
  if (b.resource !== undefined && b.resource !== null) {
    const r = readObj(c, b.resource, [...path, 'resource'], ['apiGroup', 'kind', 'name'], true)!;
    const kind = readStr(c, r.kind, [...path, 'resource', 'kind'], true);
    const name = readStr(c, r.name, [...path, 'resource', 'name'], true);
    const apiGroup = readStr(c, r.apiGroup, [...path, 'resource', 'apiGroup']);
    if (kind === undefined || name === undefined) return undefined;
    return { resource: { kind, name, ...(apiGroup !== undefined ? { apiGroup } : {}) } };
  }
  return fail(c, path, 'import.field.backend');
}

export function readIngress(c: ReadCtx, o: Obj): K8sIngress | undefined {
  readObj(c, o, [], TOP);
  const m = meta(c, o, true);
  const s = readObj(c, o.spec, ['spec'], ['ingressClassName', 'defaultBackend', 'tls', 'rules'], true);
  if (!m || !s) return undefined;
  const spec: K8sIngress['spec'] = {};
  const cls = readStr(c, s.ingressClassName, ['spec', 'ingressClassName']);
  if (cls !== undefined) spec.ingressClassName = cls;
  if (s.defaultBackend !== undefined && s.defaultBackend !== null) {
    const b = readIngressBackend(c, s.defaultBackend, ['spec', 'defaultBackend']);
    if (b) spec.defaultBackend = b;
  }
  const tls = readList(c, s.tls, ['spec', 'tls']);
  if (tls) {
    spec.tls = [];
    tls.forEach((t, i) => {
      const p: Path = ['spec', 'tls', i];
      const x = readObj(c, t, p, ['hosts', 'secretName'], true);
      if (!x) return;
      const hosts = readStrList(c, x.hosts, [...p, 'hosts']);
      const secretName = readStr(c, x.secretName, [...p, 'secretName']);
      spec.tls!.push({ ...(hosts ? { hosts } : {}), ...(secretName !== undefined ? { secretName } : {}) });
    });
  }
  const rules = readList(c, s.rules, ['spec', 'rules']);
  if (rules) {
    spec.rules = [];
    rules.forEach((r, i) => {
      const p: Path = ['spec', 'rules', i];
      const x = readObj(c, r, p, ['host', 'http'], true);
      if (!x) return;
      const rule: NonNullable<K8sIngress['spec']['rules']>[number] = {};
      const host = readHostname(c, x.host, [...p, 'host']);
      if (host !== undefined) rule.host = host;
      const h = readObj(c, x.http, [...p, 'http'], ['paths']);
      if (h) {
        const paths = readList(c, h.paths, [...p, 'http', 'paths'], true) ?? [];
        rule.http = { paths: [] };
        paths.forEach((pp, j) => {
          const q: Path = [...p, 'http', 'paths', j];
          const y = readObj(c, pp, q, ['path', 'pathType', 'backend'], true);
          if (!y) return;
          const pathType = readEnum(
            c,
            y.pathType,
            [...q, 'pathType'],
            ['Exact', 'Prefix', 'ImplementationSpecific'] as const,
            true,
          );
          const path = readStr(c, y.path, [...q, 'path']);
          if (path !== undefined && !path.startsWith('/') && pathType !== 'ImplementationSpecific')
            fail(c, [...q, 'path'], 'import.field.absolutePath', { value: JSON.stringify(path) });
          if (path === undefined && pathType !== undefined && pathType !== 'ImplementationSpecific')
            fail(c, [...q, 'path'], 'import.field.pathRequired', { pathType });
          const backend = readIngressBackend(c, y.backend, [...q, 'backend']);
          if (!pathType || !backend) return;
          rule.http!.paths.push({ pathType, backend, ...(path !== undefined ? { path } : {}) });
        });
      }
      spec.rules!.push(rule);
    });
  }
  if (!spec.defaultBackend && (!spec.rules || spec.rules.length === 0))
    fail(c, ['spec'], 'import.field.ingressEmpty');
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: m, spec };
}

export function readIngressClass(c: ReadCtx, o: Obj): K8sIngressClass | undefined {
  readObj(c, o, [], TOP);
  const m = meta(c, o, false);
  const s = readObj(c, o.spec, ['spec'], ['controller', 'parameters']);
  if (!m) return undefined;
  const spec: K8sIngressClass['spec'] = {};
  const controller = s ? readStr(c, s.controller, ['spec', 'controller']) : undefined;
  if (controller !== undefined) spec.controller = controller;
  return { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: m, spec };
}

// --------------------------------------------------------------------------------- Gateway API

const gwVersion = (o: Obj): K8sGateway['apiVersion'] => o.apiVersion as K8sGateway['apiVersion'];

export function readGatewayClass(c: ReadCtx, o: Obj): K8sGatewayClass | undefined {
  readObj(c, o, [], TOP);
  const m = meta(c, o, false);
  const s = readObj(c, o.spec, ['spec'], ['controllerName', 'description', 'parametersRef'], true);
  if (!m || !s) return undefined;
  const controllerName = readStr(c, s.controllerName, ['spec', 'controllerName'], true);
  if (controllerName === undefined) return undefined;
  return { apiVersion: gwVersion(o), kind: 'GatewayClass', metadata: m, spec: { controllerName } };
}

const PROTOCOLS = ['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP'] as const;

function readListener(c: ReadCtx, v: unknown, p: Path): Listener | undefined {
  const x = readObj(c, v, p, ['name', 'hostname', 'port', 'protocol', 'tls', 'allowedRoutes'], true);
  if (!x) return undefined;
  const name = readStr(c, x.name, [...p, 'name'], true);
  const hostname = readHostname(c, x.hostname, [...p, 'hostname']);
  const lport = port(c, x.port, [...p, 'port'], true);
  const protocol = readEnum(c, x.protocol, [...p, 'protocol'], PROTOCOLS, true);
  if (name === undefined || lport === undefined || protocol === undefined) return undefined;
  const l: Listener = { name, port: lport, protocol };
  if (hostname !== undefined) l.hostname = hostname;
  const tls = readObj(c, x.tls, [...p, 'tls'], ['mode', 'certificateRefs', 'options', 'frontendValidation']);
  if (tls) {
    const mode = readEnum(c, tls.mode, [...p, 'tls', 'mode'], ['Terminate', 'Passthrough'] as const);
    const refs = readList(c, tls.certificateRefs, [...p, 'tls', 'certificateRefs']) ?? [];
    l.tls = {
      ...(mode ? { mode } : {}),
      certificateRefs: refs.flatMap((r, i) => {
        const y = readObj(
          c,
          r,
          [...p, 'tls', 'certificateRefs', i],
          ['group', 'kind', 'name', 'namespace'],
          true,
        );
        const n = y ? readStr(c, y.name, [...p, 'tls', 'certificateRefs', i, 'name'], true) : undefined;
        return n === undefined ? [] : [{ name: n }];
      }),
    };
  }
  const ar = readObj(c, x.allowedRoutes, [...p, 'allowedRoutes'], ['namespaces', 'kinds']);
  if (ar) {
    l.allowedRoutes = {};
    const nsr = readObj(c, ar.namespaces, [...p, 'allowedRoutes', 'namespaces'], ['from', 'selector']);
    if (nsr) {
      const from = readEnum(c, nsr.from, [...p, 'allowedRoutes', 'namespaces', 'from'], [
        'All',
        'Same',
        'Selector',
        'None',
      ] as const);
      const selector = readSelector(
        c,
        nsr.selector,
        [...p, 'allowedRoutes', 'namespaces', 'selector'],
        from === 'Selector',
      );
      l.allowedRoutes.namespaces = { ...(from ? { from } : {}), ...(selector ? { selector } : {}) };
    }
    const kinds = readList(c, ar.kinds, [...p, 'allowedRoutes', 'kinds']);
    if (kinds) {
      l.allowedRoutes.kinds = kinds.flatMap((k, i) => {
        const y = readObj(c, k, [...p, 'allowedRoutes', 'kinds', i], ['group', 'kind'], true);
        if (!y) return [];
        const kind = readStr(c, y.kind, [...p, 'allowedRoutes', 'kinds', i, 'kind'], true);
        const group = readStr(c, y.group, [...p, 'allowedRoutes', 'kinds', i, 'group']);
        return kind === undefined ? [] : [{ kind, ...(group !== undefined ? { group } : {}) }];
      });
    }
  }
  return l;
}

export function readGateway(c: ReadCtx, o: Obj): K8sGateway | undefined {
  readObj(c, o, [], TOP);
  const m = meta(c, o, true);
  const s = readObj(
    c,
    o.spec,
    ['spec'],
    ['gatewayClassName', 'listeners', 'addresses', 'infrastructure', 'backendTLS', 'allowedListeners'],
    true,
  );
  if (!m || !s) return undefined;
  const gatewayClassName = readStr(c, s.gatewayClassName, ['spec', 'gatewayClassName'], true);
  const raw = readList(c, s.listeners, ['spec', 'listeners'], true) ?? [];
  const listeners: Listener[] = [];
  raw.forEach((l, i) => {
    const x = readListener(c, l, ['spec', 'listeners', i]);
    if (!x) return;
    if (listeners.some((y) => y.name === x.name))
      fail(c, ['spec', 'listeners', i, 'name'], 'import.field.listenerDuplicate', {
        name: JSON.stringify(x.name),
      });
    listeners.push(x);
  });
  if (raw.length === 0 && Array.isArray(s.listeners))
    fail(c, ['spec', 'listeners'], 'import.field.noListeners');
  if (gatewayClassName === undefined) return undefined;
  return { apiVersion: gwVersion(o), kind: 'Gateway', metadata: m, spec: { gatewayClassName, listeners } };
}

function readBackendRef(c: ReadCtx, v: unknown, p: Path, weighted: boolean): HTTPBackendRef | undefined {
  const known = ['group', 'kind', 'name', 'namespace', 'port', ...(weighted ? ['weight', 'filters'] : [])];
  const x = readObj(c, v, p, known, true);
  if (!x) return undefined;
  const name = readStr(c, x.name, [...p, 'name'], true);
  const ref: BackendObjectReference & { weight?: number; filters?: HTTPRouteFilter[] } = { name: name ?? '' };
  const group = readStr(c, x.group, [...p, 'group']);
  const kind = readStr(c, x.kind, [...p, 'kind']);
  const namespace = readStr(c, x.namespace, [...p, 'namespace']);
  const bport = port(c, x.port, [...p, 'port']);
  if (group !== undefined) ref.group = group;
  if (kind !== undefined) ref.kind = kind;
  if (namespace !== undefined) ref.namespace = namespace;
  if (bport !== undefined) ref.port = bport;
  // A Service backendRef must name its port (CEL rule on BackendObjectReference).
  if ((x.port === undefined || x.port === null) && (group ?? '') === '' && (kind ?? 'Service') === 'Service')
    fail(c, [...p, 'port'], 'import.field.backendPort');
  if (weighted) {
    const w = readInt(c, x.weight, [...p, 'weight'], 0, 1_000_000);
    if (w !== undefined) ref.weight = w;
    const f = readFilters(c, x.filters, [...p, 'filters']);
    if (f) ref.filters = f;
  }
  return name === undefined ? undefined : ref;
}

function readHeaderFilter(c: ReadCtx, v: unknown, p: Path): HTTPHeaderFilter {
  const x = readObj(c, v, p, ['set', 'add', 'remove'], true) ?? {};
  const pairs = (key: 'set' | 'add') =>
    (readList(c, x[key], [...p, key]) ?? []).flatMap((h, i) => {
      const y = readObj(c, h, [...p, key, i], ['name', 'value'], true);
      const name = y ? readStr(c, y.name, [...p, key, i, 'name'], true) : undefined;
      const value = y ? readStr(c, y.value, [...p, key, i, 'value'], true) : undefined;
      return name === undefined || value === undefined ? [] : [{ name, value }];
    });
  const out: HTTPHeaderFilter = {};
  const set = pairs('set');
  const add = pairs('add');
  const remove = readStrList(c, x.remove, [...p, 'remove']);
  if (set.length) out.set = set;
  if (add.length) out.add = add;
  if (remove?.length) out.remove = remove;
  return out;
}

function readPathModifier(c: ReadCtx, v: unknown, p: Path): HTTPPathModifier | undefined {
  const x = readObj(c, v, p, ['type', 'replaceFullPath', 'replacePrefixMatch']);
  if (!x) return undefined;
  const type = readEnum(c, x.type, [...p, 'type'], ['ReplaceFullPath', 'ReplacePrefixMatch'] as const, true);
  if (!type) return undefined;
  const field = type === 'ReplaceFullPath' ? 'replaceFullPath' : 'replacePrefixMatch';
  const value = readStr(c, x[field], [...p, field], true);
  return value === undefined ? undefined : { type, [field]: value };
}

const FILTER_TYPES = [
  'RequestHeaderModifier',
  'ResponseHeaderModifier',
  'RequestRedirect',
  'URLRewrite',
  'RequestMirror',
  'ExtensionRef',
] as const;

function readFilters(c: ReadCtx, v: unknown, p: Path): HTTPRouteFilter[] | undefined {
  const list = readList(c, v, p);
  if (!list) return undefined;
  const out: HTTPRouteFilter[] = [];
  list.forEach((f, i) => {
    const q: Path = [...p, i];
    const x = readObj(
      c,
      f,
      q,
      [
        'type',
        'requestHeaderModifier',
        'responseHeaderModifier',
        'requestRedirect',
        'urlRewrite',
        'requestMirror',
        'extensionRef',
        'cors',
        'externalAuth',
      ],
      true,
    );
    if (!x) return;
    const type = readEnum(c, x.type, [...q, 'type'], FILTER_TYPES, true);
    if (!type) return;
    const filter: HTTPRouteFilter = { type };
    if (type === 'RequestHeaderModifier')
      filter.requestHeaderModifier = readHeaderFilter(c, x.requestHeaderModifier, [
        ...q,
        'requestHeaderModifier',
      ]);
    if (type === 'ResponseHeaderModifier')
      filter.responseHeaderModifier = readHeaderFilter(c, x.responseHeaderModifier, [
        ...q,
        'responseHeaderModifier',
      ]);
    if (type === 'RequestRedirect') {
      const r =
        readObj(
          c,
          x.requestRedirect,
          [...q, 'requestRedirect'],
          ['scheme', 'hostname', 'path', 'port', 'statusCode'],
          true,
        ) ?? {};
      const rr: NonNullable<HTTPRouteFilter['requestRedirect']> = {};
      const scheme = readEnum(c, r.scheme, [...q, 'requestRedirect', 'scheme'], ['http', 'https'] as const);
      const hostname = readHostname(c, r.hostname, [...q, 'requestRedirect', 'hostname']);
      const path = readPathModifier(c, r.path, [...q, 'requestRedirect', 'path']);
      const rport = port(c, r.port, [...q, 'requestRedirect', 'port']);
      const code = r.statusCode;
      if (code !== undefined && code !== null && ![301, 302, 303, 307, 308].includes(code as number))
        fail(c, [...q, 'requestRedirect', 'statusCode'], 'import.field.redirectCode', {
          value: String(code),
        });
      else if (typeof code === 'number') rr.statusCode = code as 301;
      if (scheme) rr.scheme = scheme;
      if (hostname) rr.hostname = hostname;
      if (path) rr.path = path;
      if (rport !== undefined) rr.port = rport;
      filter.requestRedirect = rr;
    }
    if (type === 'URLRewrite') {
      const u = readObj(c, x.urlRewrite, [...q, 'urlRewrite'], ['hostname', 'path'], true) ?? {};
      const hostname = readHostname(c, u.hostname, [...q, 'urlRewrite', 'hostname']);
      const path = readPathModifier(c, u.path, [...q, 'urlRewrite', 'path']);
      filter.urlRewrite = { ...(hostname ? { hostname } : {}), ...(path ? { path } : {}) };
    }
    if (type === 'RequestMirror') {
      const m = readObj(
        c,
        x.requestMirror,
        [...q, 'requestMirror'],
        ['backendRef', 'percent', 'fraction'],
        true,
      );
      const b = m ? readBackendRef(c, m.backendRef, [...q, 'requestMirror', 'backendRef'], false) : undefined;
      if (b) filter.requestMirror = { backendRef: b };
    }
    if (type === 'ExtensionRef') {
      const e = readObj(c, x.extensionRef, [...q, 'extensionRef'], ['group', 'kind', 'name'], true);
      const g = e ? readStr(c, e.group, [...q, 'extensionRef', 'group'], true) : undefined;
      const k = e ? readStr(c, e.kind, [...q, 'extensionRef', 'kind'], true) : undefined;
      const n = e ? readStr(c, e.name, [...q, 'extensionRef', 'name'], true) : undefined;
      if (g !== undefined && k !== undefined && n !== undefined)
        filter.extensionRef = { group: g, kind: k, name: n };
    }
    out.push(filter);
  });
  if (out.some((f) => f.type === 'RequestRedirect') && out.some((f) => f.type === 'URLRewrite'))
    fail(c, p, 'import.field.redirectRewrite');
  return out;
}

function readMatch(c: ReadCtx, v: unknown, p: Path): HTTPRouteMatch | undefined {
  const x = readObj(c, v, p, ['path', 'headers', 'queryParams', 'method'], true);
  if (!x) return undefined;
  const m: HTTPRouteMatch = {};
  const path = readObj(c, x.path, [...p, 'path'], ['type', 'value']);
  if (path) {
    const type = readEnum(c, path.type, [...p, 'path', 'type'], [
      'Exact',
      'PathPrefix',
      'RegularExpression',
    ] as const);
    const value = readStr(c, path.value, [...p, 'path', 'value']);
    if (value !== undefined && type !== 'RegularExpression' && !value.startsWith('/'))
      fail(c, [...p, 'path', 'value'], 'import.field.absolutePath', { value: JSON.stringify(value) });
    m.path = { ...(type ? { type } : {}), ...(value !== undefined ? { value } : {}) };
  }
  for (const key of ['headers', 'queryParams'] as const) {
    const list = readList(c, x[key], [...p, key]);
    if (!list) continue;
    m[key] = list.flatMap((h, i) => {
      const q: Path = [...p, key, i];
      const y = readObj(c, h, q, ['type', 'name', 'value'], true);
      if (!y) return [];
      const type = readEnum(c, y.type, [...q, 'type'], ['Exact', 'RegularExpression'] as const);
      const name = readStr(c, y.name, [...q, 'name'], true);
      const value = readStr(c, y.value, [...q, 'value'], true);
      if (name === undefined || value === undefined) return [];
      return [{ name, value, ...(type ? { type } : {}) }];
    });
  }
  const method = readEnum(c, x.method, [...p, 'method'], [
    'GET',
    'HEAD',
    'POST',
    'PUT',
    'DELETE',
    'CONNECT',
    'OPTIONS',
    'TRACE',
    'PATCH',
  ] as const);
  if (method) m.method = method;
  return m;
}

export function readHttpRoute(c: ReadCtx, o: Obj): K8sHTTPRoute | undefined {
  readObj(c, o, [], TOP);
  const m = meta(c, o, true);
  const s = readObj(c, o.spec, ['spec'], ['parentRefs', 'hostnames', 'rules'], true);
  if (!m || !s) return undefined;
  const spec: K8sHTTPRoute['spec'] = {};
  const parents = readList(c, s.parentRefs, ['spec', 'parentRefs']);
  if (parents) {
    spec.parentRefs = parents.flatMap((r, i) => {
      const p: Path = ['spec', 'parentRefs', i];
      const x = readObj(c, r, p, ['group', 'kind', 'namespace', 'name', 'sectionName', 'port'], true);
      if (!x) return [];
      const name = readStr(c, x.name, [...p, 'name'], true);
      if (name === undefined) return [];
      const ref: ParentReference = { name };
      for (const k of ['group', 'kind', 'namespace', 'sectionName'] as const) {
        const val = readStr(c, x[k], [...p, k]);
        if (val !== undefined) ref[k] = val;
      }
      const pp = port(c, x.port, [...p, 'port']);
      if (pp !== undefined) ref.port = pp;
      return [ref];
    });
  }
  const hostnames = readList(c, s.hostnames, ['spec', 'hostnames']);
  if (hostnames)
    spec.hostnames = hostnames.flatMap((h, i) => {
      const v = readHostname(c, h, ['spec', 'hostnames', i], true);
      return v === undefined ? [] : [v];
    });
  const rules = readList(c, s.rules, ['spec', 'rules']);
  if (rules) {
    spec.rules = rules.flatMap((r, i) => {
      const p: Path = ['spec', 'rules', i];
      const x = readObj(
        c,
        r,
        p,
        ['name', 'matches', 'filters', 'backendRefs', 'timeouts', 'retry', 'sessionPersistence'],
        true,
      );
      if (!x) return [];
      const rule: HTTPRouteRule = {};
      const name = readStr(c, x.name, [...p, 'name']);
      if (name !== undefined) rule.name = name;
      const matches = readList(c, x.matches, [...p, 'matches']);
      if (matches) rule.matches = matches.flatMap((mm, j) => readMatch(c, mm, [...p, 'matches', j]) ?? []);
      const filters = readFilters(c, x.filters, [...p, 'filters']);
      if (filters) rule.filters = filters;
      const refs = readList(c, x.backendRefs, [...p, 'backendRefs']);
      if (refs)
        rule.backendRefs = refs.flatMap((b, j) => readBackendRef(c, b, [...p, 'backendRefs', j], true) ?? []);
      return [rule];
    });
  }
  return { apiVersion: gwVersion(o), kind: 'HTTPRoute', metadata: m, spec };
}

export function readReferenceGrant(c: ReadCtx, o: Obj): K8sReferenceGrant | undefined {
  readObj(c, o, [], TOP);
  const m = meta(c, o, true);
  const s = readObj(c, o.spec, ['spec'], ['from', 'to'], true);
  if (!m || !s) return undefined;
  const from = (readList(c, s.from, ['spec', 'from'], true) ?? []).flatMap((f, i) => {
    const p: Path = ['spec', 'from', i];
    const x = readObj(c, f, p, ['group', 'kind', 'namespace'], true);
    if (!x) return [];
    const group = readStr(c, x.group, [...p, 'group'], true);
    const kind = readStr(c, x.kind, [...p, 'kind'], true);
    const namespace = readStr(c, x.namespace, [...p, 'namespace'], true);
    return group === undefined || kind === undefined || namespace === undefined
      ? []
      : [{ group, kind, namespace }];
  });
  const to = (readList(c, s.to, ['spec', 'to'], true) ?? []).flatMap((t, i) => {
    const p: Path = ['spec', 'to', i];
    const x = readObj(c, t, p, ['group', 'kind', 'name'], true);
    if (!x) return [];
    const group = readStr(c, x.group, [...p, 'group'], true);
    const kind = readStr(c, x.kind, [...p, 'kind'], true);
    const name = readStr(c, x.name, [...p, 'name']);
    return group === undefined || kind === undefined
      ? []
      : [{ group, kind, ...(name !== undefined ? { name } : {}) }];
  });
  return {
    apiVersion: o.apiVersion as K8sReferenceGrant['apiVersion'],
    kind: 'ReferenceGrant',
    metadata: m,
    spec: { from, to },
  };
}
