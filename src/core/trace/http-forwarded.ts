import type { HttpRequest } from '../l7/types';

/**
 * The headers a proxy adds when it forwards a request upstream, per implementation:
 * - Envoy Gateway configures Envoy's HTTP connection manager with `use_remote_address: true`
 *   (envoyproxy/gateway internal/xds/translator/listener.go), so Envoy APPENDS the peer address
 *   to `x-forwarded-for` and sets `x-forwarded-proto` (envoyproxy/envoy
 *   source/common/http/conn_manager_utility.cc, mutateRequestHeaders).
 * - ingress-nginx, with `use-forwarded-headers: false` and `compute-full-forwarded-for: false`
 *   (the defaults), ignores incoming X-Forwarded-* and fills them from what it sees: X-Real-IP and
 *   X-Forwarded-For = $remote_addr, X-Forwarded-Host/Port/Proto, X-Scheme, and keeps the client's
 *   own value in X-Original-Forwarded-For (kubernetes/ingress-nginx
 *   rootfs/etc/nginx/template/nginx.tmpl; docs/user-guide/nginx-configuration/configmap.md).
 * Both keep the client's Host header.
 */
export function forwardedHeaders(
  implementation: string,
  req: HttpRequest,
  headers: Record<string, string>,
  remoteAddr: string,
): Record<string, string> {
  const out: Record<string, string> = { host: req.host, ...headers };
  const scheme = req.scheme ?? 'http';
  if (implementation === 'ingress-nginx') {
    const incoming = headers['x-forwarded-for'];
    delete out['x-forwarded-for'];
    if (incoming !== undefined) out['x-original-forwarded-for'] = incoming;
    out['x-real-ip'] = remoteAddr;
    out['x-forwarded-for'] = remoteAddr;
    out['x-forwarded-host'] = req.host;
    out['x-forwarded-port'] = String(req.port);
    out['x-forwarded-proto'] = scheme;
    out['x-scheme'] = scheme;
    return out;
  }
  const prior = headers['x-forwarded-for'];
  out['x-forwarded-for'] = prior === undefined || prior === '' ? remoteAddr : `${prior}, ${remoteAddr}`;
  out['x-forwarded-proto'] = scheme;
  return out;
}
