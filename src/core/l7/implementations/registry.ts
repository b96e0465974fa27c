import { envoyGateway } from './envoy-gateway';
import { ingressNginx } from './ingress-nginx';
import type { L7Implementation } from './types';

/** Every modelled implementation; adding one is adding a module and a line here. */
export const L7_IMPLEMENTATIONS: readonly L7Implementation[] = [envoyGateway, ingressNginx];

/** The implementation whose controller a GatewayClass names (`spec.controllerName`). */
export const implementationForGatewayClass = (controllerName: string): L7Implementation | undefined =>
  L7_IMPLEMENTATIONS.find((i) => i.gatewayControllers.includes(controllerName));

/** The implementation whose controller an IngressClass names (`spec.controller`). */
export const implementationForIngressClass = (controller: string): L7Implementation | undefined =>
  L7_IMPLEMENTATIONS.find((i) => i.ingressControllers.includes(controller));

export const implementationById = (id: string): L7Implementation | undefined =>
  L7_IMPLEMENTATIONS.find((i) => i.id === id);
