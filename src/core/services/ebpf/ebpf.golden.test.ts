import { describe, expect, it } from 'vitest';
import { buildEngine, engineShow, engineTrace, withDesigns, type Engine } from '../../engine';
import { smallScenario } from '../../../scenario/presets/small';
import type { Designs } from '../../model/scenario';

/**
 * The eBPF kube-proxy replacement as Cilium runs it: the socket load balancer is a program on the
 * cgroup root (cilium/cilium bpf/bpf_sock.c `cil_sock4_connect`), NodePort traffic is translated by
 * bpf on the NIC and SNATed by bpf only towards a backend on another node (bpf/lib/nodeport.h),
 * never by an iptables MASQUERADE.
 */
const engine = (designs: Partial<Designs>): Engine => {
  const e = buildEngine(smallScenario()).engine!;
  return withDesigns(e, { ...e.world.designs, proxy: 'ebpf', ...designs });
};
const nodePort = { from: 'external', to: 'node/node-1', port: 31244, protocol: 'TCP' } as const;

describe('eBPF kube-proxy replacement, as Cilium does it', () => {
  it('the socket LB is a cgroup/connect4 program the proxy mode attaches, listed by bpftool cgroup tree', () => {
    const e = engine({ intra: 'bridge', inter: 'overlay' });
    expect(e.world.nodeNetns(0).cgroup).toEqual([
      { hook: 'cgroup-connect4', program: 'cil_sock4_connect', object: 'bpf_sock.o' },
    ]);
    expect(engineShow(e, 'node/node-1', 'ebpf')).toContain(
      'CgroupPath\nID       AttachType      AttachFlags     Name           \n/sys/fs/cgroup\n1        cgroup_inet4_connect                 cil_sock4_connect',
    );
    // Without the replacement no program is attached and a Pod's connect() is not translated.
    const ipt = withDesigns(e, { ...e.world.designs, proxy: 'iptables' });
    expect(ipt.world.nodeNetns(0).cgroup).toBeUndefined();
    const t = engineTrace(ipt, { from: 'default/client', to: 'default/backend', port: 80, protocol: 'TCP' });
    expect(t.hops.find((h) => h.kind === 'dnat')!.say.key).toBe('hop.dnat');
    const s = engineTrace(e, { from: 'default/client', to: 'default/backend', port: 80, protocol: 'TCP' });
    expect(s.hops[0]!.say.key).toBe('hop.dnat.sock');
  });

  it('NodePort to a backend on the same node keeps the client address: no SNAT at all', () => {
    const e = engine({ intra: 'ebpf', inter: 'routing' });
    const t = engineTrace(e, nodePort, '10.244.0.3:8080');
    expect(t.deliveredTo).toBe('default/frontend-1');
    expect(t.hops.some((h) => h.kind === 'snat')).toBe(false);
    expect(t.hops.at(-1)!.packet.src).toBe('203.0.113.10');
    expect(engineShow(e, 'node/node-1', 'iptables-save')).not.toContain('MASQUERADE');
  });

  it('NodePort to a backend on another node is SNATed by bpf to the node IP, the client port kept', () => {
    const e = engine({ intra: 'ebpf', inter: 'routing' });
    const t = engineTrace(e, nodePort, '10.244.1.2:8080');
    expect(t.deliveredTo).toBe('default/frontend-2');
    const snat = t.hops.find((h) => h.kind === 'snat')!;
    const port = t.hops[0]!.packet.srcPort!;
    expect(snat.table).toBe('cilium_snat_v4_external');
    expect(snat.say.key).toBe('hop.snat.bpf');
    expect(snat.rule).toBe(`203.0.113.10:${port} → 192.168.1.10:${port} (TCP, egress)`);
    expect(snat.rule).not.toContain('MASQUERADE');
    expect(t.hops.at(-1)!.packet.src).toBe('192.168.1.10');
    expect(t.conntrack![0]!.entry).toContain(`dst=192.168.1.10 sport=8080 dport=${port} mark=0`);
  });

  it('the tunnel endpoint comes from the node’s cilium_ipcache, filled in tunnel mode only', () => {
    const tunnel = engine({ intra: 'ebpf', inter: 'overlay' });
    const native = engine({ intra: 'ebpf', inter: 'routing' });
    expect(engineShow(tunnel, 'node/node-1', 'ebpf')).toContain(
      '10.244.1.2/32       identity=257 encryptkey=0 tunnelendpoint=192.168.1.11',
    );
    expect(engineShow(native, 'node/node-1', 'ebpf')).toContain(
      '10.244.1.2/32       identity=257 encryptkey=0 tunnelendpoint=0.0.0.0',
    );
    const probe = { from: 'default/client', to: 'default/frontend-2', port: 8080, protocol: 'TCP' } as const;
    const hop = engineTrace(tunnel, probe).hops.find((h) => h.say.key === 'hop.ebpf.tunnel')!;
    expect(hop.table).toBe('cilium_ipcache');
    expect(hop.rule).toBe('10.244.1.2/32        identity=257 encryptkey=0 tunnelendpoint=192.168.1.11');
    expect(engineTrace(native, probe).hops.some((h) => h.say.key === 'hop.ebpf.tunnel')).toBe(false);
  });
});
