import { formatIpv4, type Ipv4 } from '../net/ipv4';
import type { Protocol } from '../model/k8s';
import type { ServiceRecord, ServiceState } from '../services/types';
import type { TraceWarning } from './types';
import { serviceNamed, serviceOwning } from '../services/lookup';

/**
 * Warnings about a probe that the trace itself does not stop: today, a connection to a Service
 * address on a port the Service does not declare. kube-proxy programs one rule (iptables), one map
 * element (nftables `service-ips`) or one virtual server (IPVS) per Service *port*
 * (kubernetes/kubernetes pkg/proxy/serviceport.go `ServicePort`), so such a packet matches no Service
 * rule at all; what happens next is the proxy mode's business and the trace shows it. The warning
 * names the ports the Service does serve so the user can pick one.
 */

export const WARNING_MESSAGES = {
  SERVICE_PORT_NOT_SERVED:
    'Service {service} does not serve {port}/{protocol}; it serves {ports}. kube-proxy has no rule for this port, so the trace shows what the node does with an unknown port.',
} as const;

export type WarningCode = keyof typeof WARNING_MESSAGES;

export function warning(code: WarningCode, args: Record<string, string | number>): TraceWarning {
  const message = WARNING_MESSAGES[code].replace(/\{(\w+)\}/g, (_, n: string) => String(args[n] ?? ''));
  return { code, args, message };
}

/** `80/TCP (http), 443/TCP (https)`: the Service's ports as `kubectl get svc` lists them, with names. */
export function servedPorts(svc: ServiceRecord): string {
  return svc.ports.map((p) => `${p.port}/${p.protocol}${p.portName ? ` (${p.portName})` : ''}`).join(', ');
}

/** The Service a probe addresses: by `NS/NAME`, else the one owning the destination VIP. */
function addressedService(services: ServiceState, to: string, dst: Ipv4 | null): ServiceRecord | null {
  const [ns, name] = to.split('/');
  const byName = name === undefined ? undefined : serviceNamed(services, ns!, name);
  if (byName) return byName;
  if (dst === null) return null;
  return serviceOwning(services, dst) ?? null;
}

/**
 * `SERVICE_PORT_NOT_SERVED` when the probe goes to a Service (by name or by one of its VIPs) on a
 * port/protocol none of its ports declares. Headless and ExternalName Services are skipped: their
 * clients connect to Pod addresses or another name, where no Service port applies.
 */
export function servicePortWarnings(
  services: ServiceState | null,
  to: string,
  dst: Ipv4 | null,
  port: number,
  protocol: Protocol,
): TraceWarning[] {
  if (!services) return [];
  const svc = addressedService(services, to, dst);
  if (!svc || svc.headless || svc.type === 'ExternalName' || svc.ports.length === 0) return [];
  if (svc.ports.some((p) => p.port === port && p.protocol === protocol)) return [];
  return [
    warning('SERVICE_PORT_NOT_SERVED', {
      service: `${svc.namespace}/${svc.name}`,
      port,
      protocol,
      ports: servedPorts(svc),
      ...(svc.clusterIP !== null ? { vip: formatIpv4(svc.clusterIP) } : {}),
    }),
  ];
}
