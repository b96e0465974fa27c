import type { Cluster, Problem } from './model/cluster';
import type { Designs, Scenario } from './model/scenario';
import type { Probe, Trace } from './trace/types';
import type { Topology } from './topology/types';
import { LINUX_SHOW_WHATS, type LinuxShowWhat, type ShowWhat } from './show';
import { resolveCluster } from './ipam/resolve';
import { capProblems } from './model/problems';
import { problem } from './model/problem-messages';
import { nameProblems } from './model/validate-names';
import { clusterIpProblems } from './services/control-plane/validate';
import { INTRA_DESIGNS } from './cni/registry';
import { World } from './cni/world';
import { tracePacket } from './trace/trace';
import { traceHttp, type HttpProbe, type HttpTraceError } from './trace/http-trace';
import { buildL7, type L7State } from './l7';
import { seededRng, type TraceEnv } from './trace/env';
import { hashString } from './trace/state';
import { buildTopology } from './topology/build';
import { renderShow } from './linux/render/show';
import { withClusterAddons } from './services/control-plane/addons';
import { buildServiceState } from './services/control-plane/build';
import type { ServiceState } from './services/types';
import { compilePolicies, type PolicyIndex } from './policy';
import { proxyModule } from './services/proxy/registry';
import { showServiceView } from './node-services/show';
import { parseIpv4 } from './net/ipv4';

/**
 * The facade the worker, the CLI and tests use: a scenario in, a resolved cluster with its
 * Services, policies and modelled Linux state out, and the questions a user asks of it
 * (topology, traces, tables).
 */
export interface Engine {
  readonly cluster: Cluster;
  readonly world: World;
  readonly services: ServiceState;
  /** null when the scenario has no NetworkPolicy (then no Pod is isolated). */
  readonly policy: PolicyIndex | null;
  /** The compiled Gateway API / Ingress control plane (built on first use). */
  readonly l7: L7State;
}

/**
 * Resolves a scenario (cluster add-ons, IPAM, validation), runs the Service control plane and
 * compiles policies, and prepares the Linux state for the chosen designs.
 */
export function buildEngine(scenario: Scenario): { engine: Engine | null; problems: Problem[] } {
  const full = withClusterAddons(scenario);
  // Names first (as the API server validates an object before anything allocates for it).
  const named = nameProblems(full);
  if (named.length > 0) return { engine: null, problems: capProblems(named) };
  // The AWS VPC CNI has no overlay: the VPC fabric carries Pod IPs (cni/intra-vpc.ts).
  if (full.designs.intra === 'vpc' && full.designs.inter === 'overlay')
    return {
      engine: null,
      problems: [problem('INVALID_VALUE', 'designs.inter', 'problem.designs.vpcOverlay', {})],
    };
  const resolved = resolveCluster(full, INTRA_DESIGNS[full.designs.intra].addressing);
  const { cluster } = resolved;
  const problems = capProblems(
    cluster ? clusterIpProblems(full.services, cluster.networks.serviceCidr) : resolved.problems,
  );
  if (!cluster || problems.length > 0) return { engine: null, problems };
  // The Service control plane and the compiled policies are built on first use (memoised): the
  // overview of a large cluster needs neither, so it appears sooner; warmEngine builds them next.
  let services: ServiceState | null = null;
  let policy: PolicyIndex | null | undefined;
  let l7: L7State | null = null;
  const servicesOf = (): ServiceState => (services ??= buildServiceState(cluster));
  // What the proxy mode programs into each node besides rules (kube-ipvs0, socket LB programs).
  const build = proxyModule(full.designs.proxy).buildNode;
  const decorate = build
    ? (b: Parameters<typeof build>[0], node: Parameters<typeof build>[1]) => build(b, node, servicesOf)
    : undefined;
  const engine: Engine = {
    cluster,
    world: new World(cluster, full.designs, decorate),
    get services() {
      return servicesOf();
    },
    get policy() {
      if (policy === undefined) {
        policy =
          full.networkPolicies.length > 0
            ? compilePolicies(cluster, full.namespaces, full.networkPolicies)
            : null;
      }
      return policy;
    },
    get l7() {
      return (l7 ??= buildL7(cluster.scenario, servicesOf()));
    },
  };
  return { engine, problems };
}

/** Builds what buildEngine deferred (Services, policies), e.g. right after the first view is shown. */
export function warmEngine(engine: Engine): void {
  void engine.services;
  void engine.policy;
}

/**
 * The same scenario under other designs. Pod addressing depends on the intra-node design
 * (a bridge gateway takes .1), so the cluster is resolved again, and designs can make a valid
 * scenario invalid (Pods with fixed IPs outside the node network under `vpc`, `vpc` with the
 * overlay): then the problems, as buildEngine words them.
 */
export function tryDesigns(
  engine: Engine,
  designs: Designs,
): { engine: Engine; problems: [] } | { engine: null; problems: Problem[] } {
  const { engine: next, problems } = buildEngine({ ...engine.cluster.scenario, designs });
  return next ? { engine: next, problems: [] } : { engine: null, problems };
}

/** `tryDesigns` for designs known to fit the scenario (tests, goldens): throws otherwise. */
export function withDesigns(engine: Engine, designs: Designs): Engine {
  const r = tryDesigns(engine, designs);
  if (!r.engine)
    throw new Error(`designs made a valid scenario invalid: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.engine;
}

/**
 * What the canvas draws. Large clusters come as an overview; `focus` names nodes to draw in
 * detail anyway (drilling into an overview).
 */
export function engineTopology(engine: Engine, focus: readonly string[] = []): Topology {
  return buildTopology(engine.world, () => engine.services, focus);
}

/** The environment of one trace: seeded by the probe so the same probe gives the same path. */
function traceEnv(engine: Engine, probe: Probe, endpoint?: string): TraceEnv {
  const forced = endpoint ? /^(.+):(\d+)$/.exec(endpoint) : null;
  const ip = forced ? parseIpv4(forced[1]!) : null;
  return {
    services: engine.services,
    proxy: engine.world.designs.proxy,
    policy: engine.policy,
    rng: seededRng(probe.seed ?? hashString(`${probe.from}>${probe.to}:${probe.port}/${probe.protocol}`)),
    affinity: new Map(),
    ...(forced && ip !== null ? { forceEndpoint: { ip, port: Number(forced[2]) } } : {}),
  };
}

/** Traces one probe; `endpoint` (`IP:port`) forces the Service endpoint choice when it is a candidate. */
export function engineTrace(engine: Engine, probe: Probe, endpoint?: string): Trace {
  return tracePacket(engine.world, traceEnv(engine, probe, endpoint), probe);
}

/**
 * Traces an HTTP request through a Gateway or Ingress: the client leg into the proxy, the L7
 * decision, the upstream leg to a backend Pod (see trace/http-trace.ts).
 */
export function engineHttpTrace(engine: Engine, hp: HttpProbe): Trace | HttpTraceError {
  const probe: Probe = {
    from: hp.from,
    to: hp.url,
    port: 0,
    protocol: 'TCP',
    ...(hp.seed !== undefined ? { seed: hp.seed } : {}),
  };
  return traceHttp(engine.world, traceEnv(engine, probe), engine.l7, hp);
}

const isLinuxView = (what: ShowWhat): what is LinuxShowWhat =>
  (LINUX_SHOW_WHATS as readonly string[]).includes(what);

/** What the named command prints in a netns; an error line if the netns does not exist. */
export function engineShow(engine: Engine, netns: string, what: ShowWhat): string {
  const ns = engine.world.netns(netns);
  if (!ns) return `Cannot open network namespace "${netns}": No such file or directory\n`;
  if (isLinuxView(what)) return renderShow(ns, what);
  return showServiceView(engine.services, engine.cluster, ns, engine.world.designs.proxy, what);
}
