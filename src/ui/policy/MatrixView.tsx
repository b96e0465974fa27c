import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { Protocol } from '../../core/model/k8s';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { CapFilter, CapMore, useCapped } from './capped';

/** Above this many Pods the grid is not drawn (too many cells to read); the user filters first. */
export const MATRIX_DRAW_LIMIT = 40;

const NO_SUMMARY: readonly { pod: string }[] = [];

const bitAt = (bits: Uint8Array, b: number): boolean => (bits[b >> 3]! & (1 << (b & 7))) !== 0;

/** Pods × Pods on one port/protocol (rows send, columns receive), computed in the worker. */
export function MatrixView({ active }: { active: boolean }) {
  const t = useT();
  const uid = useId();
  const topology = useApp((s) => s.topology);
  const opts = useApp((s) => s.matrixOptions);
  const m = useApp((s) => s.matrix);
  const busy = useApp((s) => s.matrixBusy);
  const setOpts = useApp((s) => s.setMatrixOptions);
  const refresh = useApp((s) => s.refreshMatrix);
  const traceCell = useApp((s) => s.traceCell);
  const gridRef = useRef<HTMLTableElement>(null);
  // At XL the per-Pod summary has thousands of rows: filter and show it a page at a time.
  const summary = m?.summary ?? (NO_SUMMARY as NonNullable<typeof m>['summary']);
  const cap = useCapped(summary, (s) => s.pod);

  // Recompute whenever the scenario (hence the topology) changes while the matrix is shown.
  useEffect(() => {
    if (topology && active) void refresh();
  }, [topology, active, refresh]);

  // Offer only declared ports; move to the first one when the chosen port is not declared.
  useEffect(() => {
    if (!m || m.ports.length === 0) return;
    if (!m.ports.some((p) => p.port === opts.port && p.protocol === opts.protocol)) {
      setOpts({ port: m.ports[0]!.port, protocol: m.ports[0]!.protocol });
    }
  }, [m, opts.port, opts.protocol, setOpts]);

  const n = m?.pods.length ?? 0;
  const drawn = m !== null && n > 0 && n <= MATRIX_DRAW_LIMIT;

  const onKey = (e: KeyboardEvent<HTMLTableElement>) => {
    const el = e.target as HTMLElement;
    const r = Number(el.dataset.row);
    const c = Number(el.dataset.col);
    if (!Number.isFinite(r) || !Number.isFinite(c)) return;
    const moves: Record<string, [number, number]> = {
      ArrowRight: [r, c + 1],
      ArrowLeft: [r, c - 1],
      ArrowDown: [r + 1, c],
      ArrowUp: [r - 1, c],
      Home: [r, 0],
      End: [r, n - 1],
    };
    const to = moves[e.key];
    if (!to) return;
    e.preventDefault();
    e.stopPropagation();
    const [nr, nc] = [Math.min(n - 1, Math.max(0, to[0])), Math.min(n - 1, Math.max(0, to[1]))];
    const next = gridRef.current?.querySelector<HTMLElement>(`[data-row="${nr}"][data-col="${nc}"]`);
    if (!next) return;
    gridRef.current?.querySelectorAll<HTMLElement>('[data-row]').forEach((b) => (b.tabIndex = -1));
    next.tabIndex = 0;
    next.focus();
  };

  const portValue = `${opts.port}/${opts.protocol}`;
  const ports = m?.ports ?? [];
  const field = 'flex flex-col gap-1 text-xs font-semibold tracking-wide text-slate-700 uppercase';
  const control = 'kne-focus rounded-md border border-slate-500 bg-white px-2 py-1.5 text-sm normal-case';
  return (
    <div className="flex flex-col gap-3" data-testid="matrix-view">
      <p className="text-sm text-slate-700">{t.t('matrix.intro')}</p>
      <div className="flex flex-wrap items-end gap-3">
        <div className={field}>
          <label htmlFor={`${uid}-port`}>{t.t('matrix.port')}</label>
          <select
            id={`${uid}-port`}
            value={portValue}
            data-testid="matrix-port"
            className={`${control} font-mono`}
            onChange={(e) => {
              const [port, protocol] = e.target.value.split('/');
              setOpts({ port: Number(port), protocol: protocol as Protocol });
            }}
          >
            {!ports.some((p) => `${p.port}/${p.protocol}` === portValue) && (
              <option value={portValue}>{portValue}</option>
            )}
            {ports.map((p) => (
              <option key={`${p.port}/${p.protocol}`} value={`${p.port}/${p.protocol}`}>
                {p.port}/{p.protocol}
              </option>
            ))}
          </select>
        </div>
        <div className={field}>
          <label htmlFor={`${uid}-ns`}>{t.t('matrix.namespace')}</label>
          <select
            id={`${uid}-ns`}
            value={opts.namespace}
            data-testid="matrix-namespace"
            className={control}
            onChange={(e) => setOpts({ namespace: e.target.value })}
          >
            <option value="">{t.t('matrix.allNamespaces')}</option>
            {m?.namespaces.map((ns) => (
              <option key={ns} value={ns}>
                {ns}
              </option>
            ))}
          </select>
        </div>
        <div className={field}>
          <label htmlFor={`${uid}-name`}>{t.t('matrix.name')}</label>
          <input
            id={`${uid}-name`}
            type="search"
            value={opts.name}
            data-testid="matrix-name"
            className={`${control} w-40 font-mono`}
            onChange={(e) => setOpts({ name: e.target.value })}
          />
        </div>
        <p className="text-sm text-slate-700" aria-live="polite" data-testid="matrix-count">
          {m
            ? t.t('matrix.count', { allowed: m.allowedCount, cells: n * n, shown: n, total: m.total })
            : t.t('linux.loading')}
          {busy && ' …'}
        </p>
      </div>
      {m && (
        <p className="flex flex-wrap gap-4 text-sm" aria-hidden="true">
          <span className="flex items-center gap-1">
            <span className="inline-block h-4 w-4 rounded-sm bg-green-600 text-center text-[10px] leading-4 text-white">
              ✓
            </span>
            {t.t('matrix.allowed')}
          </span>
          <span className="flex items-center gap-1">
            <span className="inline-block h-4 w-4 rounded-sm bg-red-700 text-center text-[10px] leading-4 text-white">
              ✕
            </span>
            {t.t('matrix.denied')}
          </span>
          <span>{t.t('matrix.axes')}</span>
        </p>
      )}
      {m && n > MATRIX_DRAW_LIMIT && (
        <p className="font-semibold text-amber-900" data-testid="matrix-too-many">
          {t.t('matrix.tooMany', { n: m.matching, limit: MATRIX_DRAW_LIMIT })}
        </p>
      )}
      {m && n === 0 && <p className="text-slate-700">{t.t('matrix.none')}</p>}
      {drawn && (
        <div className="max-h-[32rem] overflow-auto rounded-md border border-slate-300">
          <table
            ref={gridRef}
            className="border-separate border-spacing-0.5 text-xs"
            data-testid="matrix-grid"
            aria-label={t.t('matrix.gridLabel', { port: m.port, protocol: m.protocol })}
            onKeyDown={onKey}
          >
            <thead>
              <tr>
                <th scope="col" className="sticky top-0 left-0 z-20 bg-white px-1 text-left">
                  {t.t('matrix.fromTo')}
                </th>
                {m.pods.map((p) => (
                  <th
                    key={p}
                    scope="col"
                    className="sticky top-0 z-10 h-32 bg-white px-0.5 align-bottom font-mono font-normal"
                  >
                    <span className="inline-block max-h-32 truncate [writing-mode:vertical-rl] rotate-180">
                      {p}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {m.pods.map((from, r) => (
                <tr key={from}>
                  <th
                    scope="row"
                    className="sticky left-0 z-10 bg-white pr-2 text-right font-mono font-normal whitespace-nowrap"
                  >
                    {from}
                  </th>
                  {m.pods.map((to, c) => {
                    const ok = bitAt(m.bits, r * n + c);
                    const self = r === c;
                    const label = t.t(ok ? 'matrix.cellAllowed' : 'matrix.cellDenied', {
                      from,
                      to,
                      port: m.port,
                      protocol: m.protocol,
                    });
                    return (
                      <td key={to} className="p-0">
                        <button
                          type="button"
                          data-testid="matrix-cell"
                          data-row={r}
                          data-col={c}
                          data-from={from}
                          data-to={to}
                          data-allowed={ok}
                          tabIndex={r === 0 && c === 0 ? 0 : -1}
                          aria-label={self ? `${label} ${t.t('matrix.self')}` : label}
                          aria-disabled={self}
                          title={label}
                          className={`kne-focus block h-6 w-6 rounded-sm text-[11px] font-bold text-white ${
                            ok ? 'bg-green-600 hover:bg-green-700' : 'bg-red-700 hover:bg-red-800'
                          } ${self ? 'cursor-default opacity-60' : ''}`}
                          onClick={() => {
                            if (!self) void traceCell(from, to);
                          }}
                        >
                          <span aria-hidden="true">{ok ? '✓' : '✕'}</span>
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {m && m.summary.length > 0 && <CapFilter cap={cap} testid="matrix-summary" />}
      {m && m.summary.length > 0 && (
        // Focusable: in a narrow panel it scrolls sideways too, and keyboard users must reach it.
        <div
          className="kne-focus max-h-[36rem] overflow-auto"
          tabIndex={0}
          role="region"
          aria-label={t.t('matrix.summary')}
        >
          <table className="w-full text-left text-sm" data-testid="matrix-summary">
            <caption className="text-left font-bold">{t.t('matrix.summary')}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-3">
                  {t.t('matrix.pod')}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t.t('matrix.ingress')}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t.t('matrix.egress')}
                </th>
              </tr>
            </thead>
            <tbody>
              {cap.shown.map((s) => (
                <tr
                  key={s.pod}
                  className="border-b border-slate-100"
                  data-testid="matrix-summary-row"
                  data-pod={s.pod}
                >
                  <th scope="row" className="py-1 pr-3 font-mono font-normal">
                    {s.pod}
                  </th>
                  <td className="py-1 pr-3" data-testid="summary-ingress">
                    {s.ingressBy.length
                      ? t.t('matrix.isolatedBy', {
                          policies: s.ingressBy.join(', '),
                          n: s.allowedIn,
                          total: n - 1,
                        })
                      : t.t('matrix.open', { n: s.allowedIn, total: n - 1 })}
                  </td>
                  <td className="py-1 pr-3" data-testid="summary-egress">
                    {s.egressBy.length
                      ? t.t('matrix.isolatedByOut', {
                          policies: s.egressBy.join(', '),
                          n: s.allowedOut,
                          total: n - 1,
                        })
                      : t.t('matrix.openOut', { n: s.allowedOut, total: n - 1 })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {m && <CapMore cap={cap} testid="matrix-summary" />}
    </div>
  );
}
