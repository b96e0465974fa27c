import type { NodeProps } from '@xyflow/react';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import type { TileFlowNode, ZoneFlowNode } from './overviewFlow';

/** A Kubernetes node in the overview: name, Node IP, Pod CIDR and Pod count. A click draws it in detail. */
function NodeTile({ data }: NodeProps<TileFlowNode>) {
  const { tile } = data;
  const t = useT();
  const focusNodes = useApp((s) => s.focusNodes);
  // Tiles the shown trace passes through stay marked after going back to the overview.
  const onPath = useApp((s) => s.trace?.hops.some((h) => h.netns === `node/${tile.name}`) ?? false);
  return (
    <button
      type="button"
      className={`kne-focus nodrag flex h-full w-full flex-col justify-center rounded-lg border-2 px-2 text-left leading-tight shadow-sm hover:border-sky-600 hover:bg-sky-50 ${
        onPath ? 'border-amber-500 bg-amber-50' : 'border-slate-400 bg-white'
      }`}
      data-testid="node-tile"
      data-node={tile.name}
      data-on-path={onPath}
      aria-label={t.t('overview.tile', {
        node: tile.name,
        ip: tile.ip,
        cidr: tile.podCidr,
        pods: tile.podCount,
      })}
      onClick={() => void focusNodes([tile.name])}
    >
      <span className="flex w-full items-baseline justify-between gap-1">
        <span className="truncate text-sm font-bold text-slate-900">{tile.name}</span>
        <span className="shrink-0 rounded bg-sky-100 px-1 text-xs font-semibold text-sky-900">
          {t.t('overview.pods', { n: tile.podCount })}
        </span>
      </span>
      <span className="font-mono text-xs text-slate-700">{tile.ip}</span>
      <span className="font-mono text-xs text-slate-600">{tile.podCidr}</span>
    </button>
  );
}

/** A band around the nodes of one zone (topology.kubernetes.io/zone) on this page. */
function ZoneBand({ data }: NodeProps<ZoneFlowNode>) {
  const { group } = data;
  const t = useT();
  return (
    <div
      className="h-full w-full rounded-xl border-2 border-dashed border-slate-400 bg-white/50"
      data-testid="zone"
    >
      <div className="flex items-baseline gap-3 px-4 pt-2">
        <span className="text-base font-bold text-slate-900">
          {group.zone ? t.t('overview.zone', { zone: group.zone }) : t.t('overview.noZone')}
        </span>
        <span className="text-sm text-slate-700">
          {t.t('overview.zoneCount', { count: group.count, total: group.total, pods: group.pods })}
        </span>
      </div>
    </div>
  );
}

export const overviewNodeTypes = { tile: NodeTile, zone: ZoneBand };
