import type { L7Objects } from '../../core/model/l7';
import { upsert } from './assemble';
import { readGateway, readGatewayClass, readReferenceGrant } from './import-gateway';
import { readHttpRoute } from './import-httproute';
import { readIngress, readIngressClass } from './import-ingress';
import type { Obj, ReadCtx } from './reader';

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
