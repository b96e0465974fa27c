import { arrayOf, fail, int, object, oneOf, recordOf, str, type Shape } from './codec/shape';
import { HTTP_ROUTE_FILTER_TYPES } from '../core/model/l7';

/**
 * Structural shapes of the L7 objects (core/model/l7.ts: networking.k8s.io/v1 Ingress and
 * IngressClass, Gateway API GatewayClass, Gateway, HTTPRoute, ReferenceGrant) for `loadScenario`:
 * files, storage and links carry them as JSON, and every field is type-checked before use.
 */
const strs = arrayOf(str);
const labels = recordOf(str);
const port = int(1, 65535);
const meta = object({ name: str }, { namespace: str, labels, annotations: labels, creationTimestamp: str });
const gwVersion = oneOf('gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v1beta1');
const head = (apiVersion: Shape, kind: string) => ({ apiVersion, kind: oneOf(kind), metadata: meta });

const selector = object(
  {},
  {
    matchLabels: labels,
    matchExpressions: arrayOf(
      object({ key: str, operator: oneOf('In', 'NotIn', 'Exists', 'DoesNotExist') }, { values: strs }),
    ),
  },
);

const ingressBackend = object(
  {},
  {
    service: object({ name: str }, { port: object({}, { number: port, name: str }) }),
    resource: object({ kind: str, name: str }, { apiGroup: str }),
  },
);

const ingressShape = object({
  ...head(oneOf('networking.k8s.io/v1'), 'Ingress'),
  spec: object(
    {},
    {
      ingressClassName: str,
      defaultBackend: ingressBackend,
      tls: arrayOf(object({}, { hosts: strs, secretName: str })),
      rules: arrayOf(
        object(
          {},
          {
            host: str,
            http: object({
              paths: arrayOf(
                object(
                  { pathType: oneOf('Exact', 'Prefix', 'ImplementationSpecific'), backend: ingressBackend },
                  { path: str },
                ),
              ),
            }),
          },
        ),
      ),
    },
  ),
});

const ingressClassShape = object({
  ...head(oneOf('networking.k8s.io/v1'), 'IngressClass'),
  spec: object({}, { controller: str, parameters: object({ kind: str, name: str }, { apiGroup: str }) }),
});

const gatewayClassShape = object({
  ...head(gwVersion, 'GatewayClass'),
  spec: object({ controllerName: str }, { description: str }),
});

const listener = object(
  { name: str, port, protocol: oneOf('HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP') },
  {
    hostname: str,
    tls: object(
      {},
      {
        mode: oneOf('Terminate', 'Passthrough'),
        certificateRefs: arrayOf(object({ name: str }, { group: str, kind: str, namespace: str })),
      },
    ),
    allowedRoutes: object(
      {},
      {
        namespaces: object({}, { from: oneOf('All', 'Same', 'Selector', 'None'), selector }),
        kinds: arrayOf(object({ kind: str }, { group: str })),
      },
    ),
  },
);

const gatewayShape = object({
  ...head(gwVersion, 'Gateway'),
  spec: object(
    { gatewayClassName: str, listeners: arrayOf(listener) },
    { addresses: arrayOf(object({ value: str }, { type: str })) },
  ),
});

const REDIRECT_CODES = [301, 302, 303, 307, 308];
const redirectCode: Shape = (v, ctx) =>
  REDIRECT_CODES.includes(v as number)
    ? v
    : fail(ctx, 'ENUM', 'shape.enumOnly', { values: REDIRECT_CODES.join(', ') });
const backendRef = { name: str };
const backendRefOpt = { group: str, kind: str, namespace: str, port };
const headerFilter = object(
  {},
  {
    set: arrayOf(object({ name: str, value: str })),
    add: arrayOf(object({ name: str, value: str })),
    remove: strs,
  },
);
const pathModifier = object(
  { type: oneOf('ReplaceFullPath', 'ReplacePrefixMatch') },
  { replaceFullPath: str, replacePrefixMatch: str },
);
const filter = object(
  {
    type: oneOf(...HTTP_ROUTE_FILTER_TYPES),
  },
  {
    requestHeaderModifier: headerFilter,
    responseHeaderModifier: headerFilter,
    requestRedirect: object(
      {},
      {
        scheme: oneOf('http', 'https'),
        hostname: str,
        path: pathModifier,
        port,
        statusCode: redirectCode,
      },
    ),
    urlRewrite: object({}, { hostname: str, path: pathModifier }),
    requestMirror: object({ backendRef: object(backendRef, backendRefOpt) }),
    extensionRef: object({ group: str, kind: str, name: str }),
  },
);
const kv = object({ name: str, value: str }, { type: oneOf('Exact', 'RegularExpression') });
const match = object(
  {},
  {
    path: object({}, { type: oneOf('Exact', 'PathPrefix', 'RegularExpression'), value: str }),
    headers: arrayOf(kv),
    queryParams: arrayOf(kv),
    method: str,
  },
);

const httpRouteShape = object({
  ...head(gwVersion, 'HTTPRoute'),
  spec: object(
    {},
    {
      parentRefs: arrayOf(
        object({ name: str }, { group: str, kind: str, namespace: str, sectionName: str, port }),
      ),
      hostnames: strs,
      rules: arrayOf(
        object(
          {},
          {
            name: str,
            matches: arrayOf(match),
            filters: arrayOf(filter),
            backendRefs: arrayOf(
              object(backendRef, { ...backendRefOpt, weight: int(0, 1_000_000), filters: arrayOf(filter) }),
            ),
          },
        ),
      ),
    },
  ),
});

const referenceGrantShape = object({
  ...head(oneOf('gateway.networking.k8s.io/v1beta1', 'gateway.networking.k8s.io/v1'), 'ReferenceGrant'),
  spec: object({
    from: arrayOf(object({ group: str, kind: str, namespace: str })),
    to: arrayOf(object({ group: str, kind: str }, { name: str })),
  }),
});

/** `Scenario.l7`: every list optional (missing ones are empty). */
export const l7Shape = object(
  {},
  {
    ingressClasses: arrayOf(ingressClassShape),
    ingresses: arrayOf(ingressShape),
    gatewayClasses: arrayOf(gatewayClassShape),
    gateways: arrayOf(gatewayShape),
    httpRoutes: arrayOf(httpRouteShape),
    referenceGrants: arrayOf(referenceGrantShape),
  },
);
