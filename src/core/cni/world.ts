import type { Cluster, ClusterNode } from '../model/cluster';
import type { Designs } from '../model/scenario';
import type { Netns, NetnsId } from '../linux/types';
import { SharedRoutes } from '../linux/fib';
import { sharedFdb, sharedNeighbors } from '../linux/tables';
import type { SharedState } from './builder';
import { NetnsBuilder } from './builder';
import { buildNodeBase, buildPodBase } from './node-base';
import { INTER_DESIGNS, INTRA_DESIGNS } from './registry';
import { FIRST_VETH_IFINDEX, type DesignContext, type PodPlacement } from './types';
import { macFor } from './macs';
import { podIdentities } from './cilium-maps';

/** Netns kept built at once; older ones are rebuilt on demand (XL has 155,000 of them). */
const CACHE_LIMIT = 4096;

/**
 * The modelled Linux state of a whole cluster under one design. The per-remote-node entries are
 * built once (O(nodes)) and shared; each node's and Pod's netns is built the first time something
 * asks for it, so a trace at 5,000 nodes builds four netns, not 155,000.
 */
export class World {
  readonly ctx: DesignContext;
  /** Who enforces NetworkPolicy beside the intra-node plugin, if not the plugin itself. */
  readonly policyNote: string | null;
  readonly shared: SharedState;
  private readonly cache = new Map<NetnsId, Netns>();
  /** Position of each Pod among its node's Pods (decides veth ifindexes). */
  private readonly position: Int32Array;
  /** Host veth names, computed once per Pod (Calico's are a sha1). */
  private readonly vethNames: (string | undefined)[] = [];

  constructor(
    readonly cluster: Cluster,
    readonly designs: Designs,
    /** Extra node state programmed by something other than the CNI (kube-proxy's kube-ipvs0). */
    private readonly decorate?: (b: NetnsBuilder, node: ClusterNode) => void,
  ) {
    const inter = INTER_DESIGNS[designs.inter];
    this.policyNote = INTRA_DESIGNS[designs.intra].policyNote ?? null;
    this.ctx = {
      cluster,
      intra: designs.intra,
      inter: designs.inter,
      podMtu: cluster.networks.mtu - inter.overhead,
    };
    this.shared = {
      routes: new SharedRoutes(),
      neighbors: sharedNeighbors(),
      fdb: sharedFdb(),
      bpfMaps: [],
      fabric: new Map(),
    };
    inter.buildShared(this.shared, this.ctx);
    INTRA_DESIGNS[designs.intra].buildShared?.(this.shared, this.ctx);
    // cilium-agent allocates security identities up front; doing it here keeps traces O(1).
    if (designs.intra === 'ebpf') podIdentities(cluster);
    this.position = new Int32Array(cluster.pods.length);
    for (const list of cluster.podsOnNode) list.forEach((p, i) => (this.position[p] = i));
  }

  /** The netns with this id (`node/NAME` or `NS/POD`), or null if there is none. */
  netns(id: NetnsId): Netns | null {
    const hit = this.cache.get(id);
    if (hit) return hit;
    let built: Netns | null = null;
    if (id.startsWith('node/')) {
      const i = this.cluster.nodeByName.get(id.slice(5));
      if (i !== undefined) built = this.buildNode(i);
    }
    if (!built) {
      const p = this.cluster.podByKey.get(id);
      if (p !== undefined)
        built = this.cluster.pods[p]!.hostNetwork
          ? this.nodeNetns(this.cluster.pods[p]!.nodeIndex)
          : this.buildPod(p);
    }
    if (built) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(id, built);
    }
    return built;
  }

  nodeNetns(nodeIndex: number): Netns {
    return this.netns(`node/${this.cluster.nodes[nodeIndex]!.name}`)!;
  }

  podNetns(podIndex: number): Netns {
    const pod = this.cluster.pods[podIndex]!;
    return this.netns(`${pod.namespace}/${pod.name}`)!;
  }

  /** How a Pod is plugged into its node under the current design. */
  placement(podIndex: number): PodPlacement {
    const pod = this.cluster.pods[podIndex]!;
    const intra = INTRA_DESIGNS[this.designs.intra];
    return {
      pod,
      node: this.cluster.nodes[pod.nodeIndex]!,
      hostIfindex: FIRST_VETH_IFINDEX + this.position[podIndex]!,
      podIfindex: 2,
      hostVethName: (this.vethNames[podIndex] ??= intra.hostVethName(pod)),
      hostVethMac: intra.hostVethMac(pod),
      podMac: macFor('podEth0', podIndex),
    };
  }

  private buildNode(nodeIndex: number): Netns {
    const node = this.cluster.nodes[nodeIndex]!;
    const b = buildNodeBase(this.ctx, node);
    const pods = this.cluster.podsOnNode[nodeIndex]!.filter((p) => !this.cluster.pods[p]!.hostNetwork).map(
      (p) => this.placement(p),
    );
    INTER_DESIGNS[this.designs.inter].buildNode(b, this.ctx, node);
    INTRA_DESIGNS[this.designs.intra].buildNode(b, this.ctx, node, pods);
    this.decorate?.(b, node);
    return b.build(this.shared);
  }

  private buildPod(podIndex: number): Netns {
    const p = this.placement(podIndex);
    const b = new NetnsBuilder(`${p.pod.namespace}/${p.pod.name}`, 'pod', p.node.index);
    buildPodBase(b);
    INTRA_DESIGNS[this.designs.intra].buildPod(b, this.ctx, p);
    return b.build(null);
  }
}
