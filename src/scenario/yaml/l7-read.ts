import type { K8sGateway, L7Meta } from '../../core/model/l7';
import { readMeta } from './import-core';
import { type Obj, type Path, type ReadCtx, fail, readInt, readStr } from './reader';

/**
 * What every L7 reader shares: the top-level fields an object may have, its metadata (with the
 * creationTimestamp ingress-nginx orders conflicting Ingresses by), hostnames as the Gateway API
 * and Ingress validate them, ports, and the Gateway API version an object was written at.
 */

export const TOP = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];

export function meta(c: ReadCtx, o: Obj, namespaced: boolean): L7Meta | undefined {
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
export function readHostname(c: ReadCtx, v: unknown, path: Path, req = false): string | undefined {
  const h = readStr(c, v, path, req);
  if (h === undefined) return undefined;
  if (!HOSTNAME.test(h) || h.length > 253 || /^[0-9.]+$/.test(h))
    return fail(c, path, 'import.field.hostname', { value: JSON.stringify(h) });
  return h;
}

export const port = (c: ReadCtx, v: unknown, path: Path, req = false): number | undefined =>
  readInt(c, v, path, 1, 65535, req);

export const gwVersion = (o: Obj): K8sGateway['apiVersion'] => o.apiVersion as K8sGateway['apiVersion'];
