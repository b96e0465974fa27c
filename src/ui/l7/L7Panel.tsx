import type { Condition, RouteStatusOut } from '../../core/l7/types';
import type { L7RouteView } from '../../worker/l7View';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { useSelectNetns } from '../layout/useSelectNetns';

function Conditions({ conditions }: { conditions: Condition[] }) {
  return (
    <ul className="flex flex-wrap gap-1">
      {conditions.map((c) => (
        <li
          key={c.type}
          title={c.message}
          data-testid="route-condition"
          data-type={c.type}
          data-status={c.status}
          className={`rounded border px-1.5 font-mono text-xs ${
            c.status === 'True'
              ? 'border-green-800 bg-green-50 text-green-900'
              : 'border-red-800 bg-red-50 text-red-900'
          }`}
        >
          {c.type}={c.status} · {c.reason}
        </li>
      ))}
    </ul>
  );
}

/** A route's YAML with the rule the last request matched highlighted (lines from the worker). */
function RouteYaml({ view, rule }: { view: L7RouteView; rule: number | null }) {
  const t = useT();
  const span = rule === null ? null : view.rules[rule];
  const lines = view.yaml.replace(/\n$/, '').split('\n');
  return (
    <pre
      tabIndex={0}
      aria-label={t.t('l7.panel.yaml', { route: view.key })}
      className="kne-focus max-h-64 overflow-auto rounded-md bg-slate-900 py-2 font-mono text-xs text-slate-50"
      data-testid="route-yaml"
    >
      {lines.map((l, i) => {
        const hit = span !== null && span !== undefined && i + 1 >= span[0] && i + 1 <= span[1];
        return (
          <span
            key={i}
            className={`block px-3 ${hit ? 'bg-amber-300 font-bold text-slate-950' : ''}`}
            data-matched={hit || undefined}
          >
            {l || ' '}
          </span>
        );
      })}
    </pre>
  );
}

function Route({
  status,
  view,
  matchedRule,
}: {
  status: RouteStatusOut;
  view: L7RouteView | undefined;
  matchedRule: number | null;
}) {
  const t = useT();
  return (
    <li
      className={`rounded-lg border p-2 ${matchedRule !== null ? 'border-amber-500 bg-amber-50' : 'border-slate-300'}`}
      data-testid="l7-route"
      data-route={status.name}
      data-matched={matchedRule !== null || undefined}
    >
      <p className="font-mono text-sm font-bold">
        {status.kind} {status.name}
      </p>
      {matchedRule !== null && (
        <p className="text-sm font-semibold text-amber-900">
          {t.t('l7.panel.matched', { rule: matchedRule })}
        </p>
      )}
      {status.parents.map((p) => (
        <div key={`${p.gateway}/${p.sectionName ?? ''}`} className="mt-1">
          <p className="text-xs text-slate-700">
            {t.t('l7.panel.parent', {
              parent: p.sectionName ? `${p.gateway} (${p.sectionName})` : p.gateway,
            })}
          </p>
          <Conditions conditions={p.conditions} />
        </div>
      ))}
      {view && (
        <details className="mt-1" open={matchedRule !== null}>
          <summary className="kne-focus cursor-pointer text-sm text-sky-800">
            {t.t('l7.panel.yaml', { route: status.name })}
          </summary>
          <RouteYaml view={view} rule={matchedRule} />
        </details>
      )}
    </li>
  );
}

/**
 * Gateways and Ingresses as what they are: a declaration (a card) beside the ordinary Pods and the
 * Service that implement it, the status the controllers write on every route, and each route's
 * YAML with the rule the last request matched.
 */
export function L7Panel() {
  const t = useT();
  const l7 = useApp((s) => s.l7);
  const matched = useApp((s) => s.trace?.hops.find((h) => h.kind === 'l7')?.l7 ?? null);
  const select = useSelectNetns();
  if (!l7 || (l7.entries.length === 0 && l7.status.routes.length === 0))
    return <p className="p-3 text-slate-700">{t.t('l7.panel.empty')}</p>;
  return (
    <div className="grid gap-3 p-2 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]" data-testid="l7-panel">
      <ul className="grid content-start gap-2">
        {l7.entries.map((e) => {
          const gw = l7.status.gateways.find((g) => `gateway/${g.name}` === e.via);
          return (
            <li
              key={e.via}
              className="rounded-lg border-2 border-dashed border-rose-700 bg-rose-50 p-2"
              data-testid="l7-entry"
              data-via={e.via}
            >
              <p className="font-mono text-sm font-bold text-rose-950">{e.via}</p>
              <p className="text-sm text-slate-800">
                {t.t('l7.panel.implementedBy', { impl: e.implementation, service: e.service || '—' })}
              </p>
              {gw && (
                <>
                  <p className="mt-1 text-xs font-semibold text-slate-700 uppercase">
                    {t.t('l7.panel.listeners')}
                  </p>
                  <ul className="text-sm">
                    {gw.listeners.map((l) => (
                      <li key={l.name} data-testid="l7-listener" data-attached={l.attachedRoutes}>
                        {t.t('l7.panel.attached', { name: l.name, n: l.attachedRoutes })}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <p className="mt-1 text-xs font-semibold text-slate-700 uppercase">{t.t('l7.panel.pods')}</p>
              <ul className="flex flex-wrap gap-1">
                {e.pods.map((p) => (
                  <li key={p}>
                    <button
                      type="button"
                      className="kne-focus rounded border border-slate-500 bg-white px-1.5 font-mono text-xs hover:bg-slate-100"
                      aria-label={t.t('l7.panel.showPod', { pod: p })}
                      data-testid="l7-proxy-pod"
                      onClick={() => select(p)}
                    >
                      {p}
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
      <section aria-label={t.t('l7.panel.routes')}>
        <h3 className="mb-1 text-sm font-bold">{t.t('l7.panel.routes')}</h3>
        <ul className="grid gap-2">
          {l7.status.routes.map((r) => (
            <Route
              key={`${r.kind}/${r.name}`}
              status={r}
              view={l7.routes.find((v) => v.key === r.name && v.kind === r.kind)}
              matchedRule={
                matched && matched.route === r.name && matched.routeKind === r.kind ? matched.rule : null
              }
            />
          ))}
        </ul>
      </section>
    </div>
  );
}
