import type { IngressBackend, K8sIngress, K8sIngressClass } from '../../core/model/l7';
import {
  type Obj,
  type Path,
  type ReadCtx,
  fail,
  readEnum,
  readList,
  readObj,
  readStr,
  readStrList,
} from './reader';
import { TOP, meta, port, readHostname } from './l7-read';

/**
 * Ingress and IngressClass (networking.k8s.io/v1, kubernetes/api networking/v1/types.go), checked as
 * the API server's validation does: a backend names a Service (by port number or name) or a
 * resource, paths are absolute, an Ingress has a default backend or rules.
 */

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
