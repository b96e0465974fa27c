import { useId, useState } from 'react';
import type { K8sNetworkPolicy } from '../../core/model/k8s';
import type { FlipGroup, FlippedFlow, TraceSide, WhatIfAnswer } from '../../core/reach-view';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';

/**
 * The policy editor's "preview changes" step: the flows applying the policy would flip, grouped by
 * namespace pair and port (computed by the worker on the class matrices), and for one flow the hops
 * where policy decides before and after.
 */
export function WhatIfPreview({
  answer,
  policy,
  previous,
}: {
  answer: WhatIfAnswer;
  policy: K8sNetworkPolicy | null;
  previous: string | null;
}) {
  const t = useT();
  const uid = useId();
  const whatIfTrace = useApp((s) => s.whatIfTrace);
  const [traced, setTraced] = useState<{
    flow: FlippedFlow;
    group: FlipGroup;
    result: { before: TraceSide; after: TraceSide } | null;
  } | null>(null);
  const verdict = (v: 'allowed' | 'denied') => t.t(v === 'allowed' ? 'whatIf.allowed' : 'whatIf.denied');
  const trace = async (group: FlipGroup, flow: FlippedFlow) => {
    setTraced({ flow, group, result: null });
    const result = await whatIfTrace(policy, previous, {
      from: flow.from,
      to: flow.to,
      port: group.port,
      protocol: group.protocol,
    });
    setTraced((cur) => (cur?.flow === flow ? { ...cur, result } : cur));
  };
  const empty = answer.allowedToDenied + answer.deniedToAllowed === 0;
  return (
    <section
      aria-labelledby={`${uid}-h`}
      className="flex flex-col gap-2 rounded-md border border-slate-500 p-3"
      data-testid="whatif-preview"
    >
      <h4 id={`${uid}-h`} className="font-bold">
        {t.t('whatIf.heading')}
      </h4>
      <p className="text-sm text-slate-700">
        {t.t('whatIf.ports', { ports: answer.ports.map((p) => `${p.port}/${p.protocol}`).join(', ') })}
      </p>
      <p className="font-semibold" data-testid="whatif-totals">
        {empty
          ? t.t('whatIf.none')
          : t.t('whatIf.totals', { ad: answer.allowedToDenied, da: answer.deniedToAllowed })}
      </p>
      {!empty && (
        <ul className="flex flex-col gap-2" data-testid="whatif-groups">
          {answer.groups.map((g) => {
            const key = `${g.fromNamespace}|${g.toNamespace}|${g.port}/${g.protocol}`;
            const more = g.allowedToDenied + g.deniedToAllowed - g.flows.length;
            return (
              <li key={key} className="rounded border border-slate-300 p-2" data-testid="whatif-group">
                <p className="text-sm">
                  <span className="font-semibold">
                    {t.t('whatIf.group', {
                      from: g.fromNamespace,
                      to: g.toNamespace,
                      port: g.port,
                      protocol: g.protocol,
                    })}
                  </span>{' '}
                  · {t.t('whatIf.groupCounts', { ad: g.allowedToDenied, da: g.deniedToAllowed })}
                </p>
                <ul className="mt-1 flex flex-col gap-1 font-mono text-sm">
                  {g.flows.map((f) => (
                    <li
                      key={`${f.from}>${f.to}`}
                      className="flex flex-wrap items-center gap-2"
                      data-testid="whatif-flow"
                    >
                      <span>
                        {t.t('whatIf.flow', {
                          from: f.from,
                          to: f.to,
                          before: verdict(f.before),
                          after: verdict(f.after),
                        })}
                      </span>
                      <button
                        type="button"
                        className="kne-focus rounded border border-slate-600 px-2 font-sans text-xs font-semibold hover:bg-slate-100"
                        aria-label={t.t('whatIf.traceLabel', {
                          from: f.from,
                          to: f.to,
                          port: g.port,
                          protocol: g.protocol,
                        })}
                        data-testid="whatif-trace"
                        onClick={() => void trace(g, f)}
                      >
                        {t.t('whatIf.trace')}
                      </button>
                    </li>
                  ))}
                  {more > 0 && (
                    <li className="font-sans text-slate-700">{t.t('whatIf.moreFlows', { n: more })}</li>
                  )}
                </ul>
              </li>
            );
          })}
          {answer.moreGroups > 0 && (
            <li className="text-sm text-slate-700">{t.t('whatIf.moreGroups', { n: answer.moreGroups })}</li>
          )}
        </ul>
      )}
      {traced && (
        <div
          aria-live="polite"
          className="rounded border border-sky-700 p-2"
          data-testid="whatif-trace-result"
        >
          <p className="font-semibold">
            {t.t('whatIf.traceHeading', {
              from: traced.flow.from,
              to: traced.flow.to,
              port: traced.group.port,
              protocol: traced.group.protocol,
            })}
          </p>
          {traced.result === null ? (
            <p className="text-sm">{t.t('whatIf.running')}</p>
          ) : (
            <div className="grid grid-cols-1 gap-2 lg:grid-cols-2">
              <TraceSideView
                title={t.t('whatIf.before')}
                side={traced.result.before}
                testid="whatif-before"
              />
              <TraceSideView title={t.t('whatIf.after')} side={traced.result.after} testid="whatif-after" />
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function TraceSideView({ title, side, testid }: { title: string; side: TraceSide; testid: string }) {
  const t = useT();
  return (
    <div data-testid={testid} data-verdict={side.verdict}>
      <p className="text-sm font-semibold">
        {title}:{' '}
        {side.verdict === 'delivered'
          ? t.t('whatIf.delivered')
          : t.t('whatIf.dropped', { reason: t.drop(side.reason ?? '') })}
      </p>
      {side.hops.length === 0 && <p className="text-sm">{t.t('whatIf.noPolicyHop')}</p>}
      <ol className="flex flex-col gap-1 text-sm">
        {side.hops.map((h) => (
          <li key={h.index} className="rounded bg-slate-50 p-1">
            <p className="text-xs font-semibold text-slate-700">
              {t.t('whatIf.hop', { n: h.index + 1, kind: t.kind(h.kind), netns: h.netns })}
            </p>
            <p>{t.hop(h)}</p>
            {h.rule && <pre className="overflow-x-auto text-xs whitespace-pre-wrap">{h.rule}</pre>}
          </li>
        ))}
      </ol>
    </div>
  );
}
