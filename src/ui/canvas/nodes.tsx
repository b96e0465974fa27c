import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useApp, selectActiveAnchor } from '../../store';
import { useT } from '../hooks/useT';
import { L } from './layout';
import type { DeviceFlowNode, K8sFlowNode, PodFlowNode, UnderlayFlowNode } from './toFlow';
import { useSelectNetns } from '../layout/useSelectNetns';

const hidden = { opacity: 0, pointerEvents: 'none' as const };

function Bpf({ title }: { title?: string }) {
  return (
    <span
      className="shrink-0 rounded bg-violet-700 px-1 text-[10px] leading-4 font-bold text-white"
      title={title}
    >
      eBPF
    </span>
  );
}

const useActive = (anchor: string) => useApp((s) => selectActiveAnchor(s) === anchor);

function K8sNodeBox({ data }: NodeProps<K8sFlowNode>) {
  const { node } = data;
  const t = useT();
  const selectNetns = useSelectNetns();
  const selected = useApp((s) => s.selectedNetns === node.netns);
  const active = useActive(node.netns);
  return (
    <div
      className={`kne-k8snode h-full w-full rounded-xl border-2 bg-white/70 ${selected ? 'border-sky-600' : 'border-slate-400'}`}
      data-testid="k8s-node"
      data-node={node.name}
    >
      <button
        type="button"
        className={`kne-focus nodrag flex w-full flex-col items-start rounded-t-[10px] px-4 text-left ${active ? 'bg-amber-200' : 'bg-slate-200'}`}
        style={{ height: L.headerH - 8 }}
        data-anchor={node.netns}
        aria-label={t.t('canvas.selectNetns', { netns: node.netns })}
        aria-pressed={selected}
        onClick={() => selectNetns(node.netns)}
      >
        <span className="text-base font-bold text-slate-900">{node.name}</span>
        <span className="font-mono text-xs text-slate-700">
          {node.ip} · {t.t('canvas.podCidr', { cidr: node.podCidr })}
        </span>
      </button>
    </div>
  );
}

function DeviceBox({ data }: NodeProps<DeviceFlowNode>) {
  const { device, nic } = data;
  const t = useT();
  const selectNetns = useSelectNetns();
  const active = useActive(device.id);
  return (
    <>
      <Handle type="target" position={Position.Top} style={hidden} isConnectable={false} />
      <button
        type="button"
        className={`kne-focus nodrag flex h-full w-full flex-col justify-center rounded-lg border-2 px-2 text-left leading-tight ${
          active
            ? 'kne-active border-amber-500 bg-amber-100'
            : nic
              ? 'border-emerald-700 bg-emerald-50'
              : 'border-slate-500 bg-white'
        }`}
        data-testid="device"
        data-anchor={device.id}
        data-device-name={device.name}
        data-device-kind={device.kind}
        data-active={active}
        title={`${device.name} (${device.netns})`}
        onClick={() => selectNetns(device.netns)}
      >
        <span className="w-full truncate font-mono text-base font-bold text-slate-900">{device.name}</span>
        <span className="w-full truncate font-mono text-sm text-slate-800">
          {device.addresses.join(' ') || t.t('canvas.noIp')}
        </span>
        <span className="flex w-full items-center gap-1 text-sm text-slate-700">
          {device.bpf.length > 0 && <Bpf title={device.bpf.join(', ')} />}
          <span className="truncate">{t.role(device.role)}</span>
        </span>
      </button>
      <Handle type="source" position={Position.Bottom} style={hidden} isConnectable={false} />
    </>
  );
}

function PodRow({
  anchor,
  label,
  name,
  addr,
  onClick,
  bpf,
}: {
  anchor: string;
  label: string;
  name: string;
  addr: string;
  onClick: () => void;
  bpf: boolean;
}) {
  const active = useActive(anchor);
  return (
    <div
      className={`flex cursor-pointer items-center justify-between gap-2 rounded border px-2 font-mono text-sm ${
        active ? 'kne-active border-amber-500 bg-amber-100' : 'border-slate-300 bg-slate-50'
      }`}
      style={{ height: L.podRowH, marginTop: L.podRowGap }}
      data-anchor={anchor}
      data-active={active}
      onClick={onClick}
    >
      <span className="flex min-w-0 shrink-0 items-center gap-1 font-semibold text-slate-900">
        {name}
        {bpf && <Bpf />}
      </span>
      <span className="min-w-0 truncate text-slate-700">{addr || label}</span>
    </div>
  );
}

function PodBox({ data }: NodeProps<PodFlowNode>) {
  const { pod } = data;
  const t = useT();
  const selectNetns = useSelectNetns();
  const pickPod = useApp((s) => s.pickPod);
  const isFrom = useApp((s) => s.probe.from === pod.key);
  const isTo = useApp((s) => s.probe.to === pod.key);
  const selected = useApp((s) => s.selectedNetns === pod.key);
  const active = useActive(pod.key);
  const pick = (role: 'from' | 'to', on: boolean, label: string, text: string) => (
    <button
      type="button"
      className={`kne-focus nodrag rounded px-1.5 py-0.5 text-xs font-semibold ${
        on
          ? role === 'from'
            ? 'bg-sky-700 text-white'
            : 'bg-rose-700 text-white'
          : 'bg-slate-200 text-slate-800 hover:bg-slate-300'
      }`}
      aria-pressed={on}
      aria-label={label}
      data-testid={`pick-${role}`}
      onClick={() => pickPod(role, pod.key)}
    >
      {text}
    </button>
  );
  return (
    <div
      className={`h-full w-full rounded-lg border-2 bg-white shadow-sm ${
        active
          ? 'border-amber-500'
          : selected
            ? 'border-sky-600'
            : isFrom
              ? 'border-sky-400'
              : isTo
                ? 'border-rose-400'
                : 'border-slate-400'
      }`}
      style={{ padding: L.podPad }}
      data-testid="pod"
      data-pod={pod.key}
    >
      <Handle type="source" position={Position.Bottom} style={hidden} isConnectable={false} />
      {/* Where a Service's dashed link arrives (serviceNodes.tsx). */}
      <Handle id="svc" type="target" position={Position.Right} style={hidden} isConnectable={false} />
      <div className="flex items-center justify-between gap-1" style={{ height: L.podNameH }}>
        <button
          type="button"
          className="kne-focus nodrag truncate rounded text-left text-base font-bold text-slate-900 hover:underline"
          data-anchor={pod.key}
          aria-label={t.t('canvas.selectNetns', { netns: pod.key })}
          aria-pressed={selected}
          onClick={() => selectNetns(pod.key)}
        >
          {pod.name}
        </button>
        <span className="flex shrink-0 gap-1">
          {pick('from', isFrom, t.t('canvas.setFromLabel', { pod: pod.key }), t.t('canvas.setFrom'))}
          {pick('to', isTo, t.t('canvas.setToLabel', { pod: pod.key }), t.t('canvas.setTo'))}
        </span>
      </div>
      <div className="truncate font-mono text-sm text-slate-800" style={{ height: L.podIpH }}>
        {pod.namespace} · {pod.ip}
      </div>
      <PodRow
        anchor={pod.eth0.id}
        label=""
        name="eth0"
        addr={pod.eth0.addresses.join(' ')}
        bpf={pod.eth0.bpf.length > 0}
        onClick={() => selectNetns(pod.key)}
      />
      <PodRow
        anchor={pod.hostVeth.id}
        label={t.t('canvas.hostVeth')}
        name={pod.hostVeth.name}
        addr={pod.hostVeth.addresses.join(' ')}
        bpf={pod.hostVeth.bpf.length > 0}
        onClick={() => selectNetns(pod.hostVeth.netns)}
      />
    </div>
  );
}

function UnderlayBar({ data }: NodeProps<UnderlayFlowNode>) {
  const t = useT();
  const active = useActive('underlay');
  return (
    <div
      className={`flex h-full w-full items-center justify-center gap-4 rounded-xl border-2 text-sm ${
        active ? 'kne-active border-amber-500 bg-amber-100' : 'border-emerald-800 bg-emerald-100'
      }`}
      data-anchor="underlay"
      data-testid="underlay"
    >
      {data.ports.map((p) => (
        <Handle
          key={p.id}
          id={p.id}
          type="target"
          position={Position.Top}
          style={{ ...hidden, left: p.x }}
          isConnectable={false}
        />
      ))}
      <span className="font-bold text-emerald-950">{t.t('canvas.underlay')}</span>
      <span className="font-mono text-emerald-950">{data.cidr}</span>
      <span className="font-mono text-emerald-900">{t.t('canvas.gateway', { ip: data.gateway })}</span>
    </div>
  );
}

/** Module scope, so React Flow never sees a new object and remounts every node. */
export const nodeTypes = { k8snode: K8sNodeBox, device: DeviceBox, pod: PodBox, underlay: UnderlayBar };
