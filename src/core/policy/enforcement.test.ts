import { describe, expect, it } from 'vitest';
import { compilePolicies } from './compile';
import { calicoIfaceName, calicoPolicyChain, describeEnforcement, lengthLimitedId } from './enforcement';
import { evaluateFlow } from './evaluate';
import { netpol, testNodes, xyzNamespaces, xyzPods } from './testing/xyz';

const pods = xyzPods();
const pod = (k: string) => pods.find((p) => `${p.namespace}/${p.name}` === k)!;
const index = compilePolicies({ pods, nodes: testNodes(2) }, xyzNamespaces(), [
  netpol('x', 'allow-b', {
    podSelector: { matchLabels: { pod: 'a' } },
    ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }], ports: [{ port: 80 }] }],
  }),
]);

describe('Calico naming (projectcalico/calico libcalico-go k8s conversion, felix/rules)', () => {
  it('names the workload interface cali + 11 hex of sha1(ns.pod), as libcalico-go computes it', () => {
    expect(calicoIfaceName('default', 'client')).toBe('calia7a3e029a7b');
  });
  it('keeps short chain names and hashes long ones to 28 characters', () => {
    expect(lengthLimitedId('cali-pi-', 'x/knp.default.a')).toBe('cali-pi-x/knp.default.a');
    const long = calicoPolicyChain('ingress', 'x/allow-client-a-via-ns-selector');
    expect(long).toMatch(/^cali-pi-_[A-Za-z0-9_-]{19}$/);
    expect(long).toHaveLength(28);
    expect(calicoPolicyChain('egress', 'x/allow-client-a-via-ns-selector')).toMatch(/^cali-po-_/);
  });
});

describe('describeEnforcement', () => {
  it('bridge/routed: an allowed ingress names the policy chain rule that set the accept mark', () => {
    const v = evaluateFlow(index, pod('x/b'), pod('x/a'), 80, 'TCP');
    const e = describeEnforcement('bridge', v.ingress, { index });
    const iface = calicoIfaceName('x', 'a');
    expect(e.table).toBe('iptables filter');
    const chain = calicoPolicyChain('ingress', 'x/allow-b'); // "x/knp.default.allow-b" is too long: hashed
    expect(chain).toMatch(/^cali-pi-_/);
    expect(e.rule.startsWith(`-A ${chain} -p tcp`)).toBe(true);
    expect(e.rule).toMatch(
      / -p tcp -m tcp --dport 80 -m set --match-set cali40s:\S{23} src -j MARK --set-xmark 0x10000\/0x10000$/,
    );
    expect(e.lines[0]).toBe(
      `-A cali-to-wl-dispatch -o ${iface} -m comment --comment "cali:to-wl" -g cali-tw-${iface}`,
    );
    expect(e.lines).toContain(`-A cali-tw-${iface} -m mark --mark 0x0/0x20000 -j ${chain}`);
  });
  it('bridge: a denied ingress ends on the workload chain DROP', () => {
    const v = evaluateFlow(index, pod('y/b'), pod('x/a'), 80, 'TCP');
    expect(v.allowed).toBe(false);
    const e = describeEnforcement('routed', v.ingress, { index, iface: 'veth1a2b3c4d' });
    expect(e.rule).toBe(
      '-A cali-tw-veth1a2b3c4d -m comment --comment "Drop if no policies passed packet" -m mark --mark 0x0/0x20000 -j DROP',
    );
  });
  it('bridge: an unselected Pod falls through to its namespace profile', () => {
    const v = evaluateFlow(index, pod('x/a'), pod('y/c'), 80, 'TCP');
    const e = describeEnforcement('bridge', v.egress, { index });
    expect(e.rule).toBe(`-A cali-fw-${calicoIfaceName('x', 'a')} -j cali-pro-kns.x`);
  });
  it('ebpf: a Cilium policy-map lookup keyed by identity, port, protocol and direction', () => {
    const ok = describeEnforcement('ebpf', evaluateFlow(index, pod('x/b'), pod('x/a'), 80, 'TCP').ingress, {
      index,
      endpointId: 42,
      peerIdentity: 12345,
    });
    expect(ok.table).toBe('bpf map');
    expect(ok.rule).toBe(
      'cilium_policy_v2_00042 {identity=12345, dport=80, proto=6, direction=ingress} → allow (x/allow-b ingress[0])',
    );
    const denied = describeEnforcement(
      'ebpf',
      evaluateFlow(index, pod('x/b'), pod('x/a'), 81, 'TCP').ingress,
      {
        endpointId: 42,
        peerIdentity: 12345,
      },
    );
    expect(denied.rule).toBe(
      'cilium_policy_v2_00042 {identity=12345, dport=81, proto=6, direction=ingress} → miss → DROP (Policy denied)',
    );
    const world = describeEnforcement(
      'ebpf',
      evaluateFlow(index, { ip: 0x08080808 as never }, pod('x/a'), 80, 'TCP').ingress,
      {
        endpointId: 7,
      },
    );
    expect(world.rule).toContain('identity=2,');
  });
});
