import type { K8sGateway, K8sGatewayClass, K8sReferenceGrant, Listener } from '../../core/model/l7';
import { type Obj, type Path, type ReadCtx, fail, readEnum, readList, readObj, readStr } from './reader';
import { readSelector } from './selector';
import { TOP, gwVersion, meta, port, readHostname } from './l7-read';

/**
 * GatewayClass, Gateway and ReferenceGrant (kubernetes-sigs/gateway-api config/crd/standard):
 * listeners with their protocol, TLS mode and allowed routes; the grants that let a route reach a
 * Service in another namespace.
 */

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
