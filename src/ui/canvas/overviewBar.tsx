import { useId, useState, type FormEvent } from 'react';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { OverviewSearch } from './overviewSearch';

const BTN =
  'kne-focus rounded-md border border-slate-500 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-100 disabled:opacity-50';
const INPUT = 'kne-focus w-[15rem] rounded-md border border-slate-500 px-2 py-1.5 font-mono text-sm';
const FIELD = 'flex flex-col gap-1 text-xs font-semibold tracking-wide text-slate-700 uppercase';

/**
 * The controls of a large cluster's view, above the canvas: searching a Pod or node (suggestions
 * from the worker; a pick draws its node in detail), going back from a drill-in, and tracing
 * between two Pods typed as `NS/POD` (at L and XL most Pods are not drawn, so the trace form's
 * lists cannot hold them).
 */
export function OverviewBar() {
  const t = useT();
  const uid = useId();
  const topology = useApp((s) => s.topology);
  const page = useApp((s) => s.overview);
  const focusNodes = useApp((s) => s.focusNodes);
  const traceByName = useApp((s) => s.traceByName);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  if (!topology?.aggregated) return null;

  const drilled = topology.focus.length > 0;
  const example =
    (page?.examplePod || topology.services.flatMap((s) => s.endpoints).find((e) => e.pod)?.pod) ??
    'default/web-1';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      setMissing(await traceByName(from, to));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      aria-labelledby={`${uid}-h`}
      className="flex flex-col gap-2 rounded-xl border border-slate-300 bg-white p-3"
      data-testid="overview-bar"
    >
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h2 id={`${uid}-h`} className="text-base font-bold">
          {t.t('overview.heading')}
        </h2>
        {page && (
          <p className="text-sm text-slate-700" data-testid="overview-summary">
            {t.t('overview.summary', {
              nodes: topology.totals.nodes.toLocaleString(),
              pods: topology.totals.pods.toLocaleString(),
              services: topology.totals.services.toLocaleString(),
            })}
          </p>
        )}
      </div>
      {drilled ? (
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            className={BTN}
            data-testid="overview-back"
            onClick={() => void focusNodes([])}
          >
            ← {t.t('overview.back')}
          </button>
          <p className="text-sm text-slate-800" data-testid="overview-drilled">
            {t.t('overview.drilled', {
              nodes: topology.focus.join(', '),
              rest: (topology.totals.nodes - topology.focus.length).toLocaleString(),
            })}
          </p>
        </div>
      ) : (
        <div className="flex flex-wrap items-start gap-x-6 gap-y-2">
          <OverviewSearch example={example} />
          <p className="max-w-[36rem] text-sm text-slate-700">{t.t('overview.hint')}</p>
        </div>
      )}
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => void submit(e)}
        aria-describedby={`${uid}-fh`}
      >
        <p id={`${uid}-fh`} className="w-full text-sm text-slate-700">
          <strong className="text-slate-900">{t.t('overview.find')}.</strong>{' '}
          {t.t('overview.findHint', { example })}
        </p>
        <span className={FIELD}>
          <label htmlFor={`${uid}-from`}>{t.t('overview.from')}</label>
          <input
            id={`${uid}-from`}
            className={INPUT}
            value={from}
            required
            autoComplete="off"
            spellCheck={false}
            placeholder={example}
            data-testid="find-from"
            onChange={(e) => setFrom(e.target.value)}
          />
        </span>
        <span className={FIELD}>
          <label htmlFor={`${uid}-to`}>{t.t('overview.to')}</label>
          <input
            id={`${uid}-to`}
            className={INPUT}
            value={to}
            required
            autoComplete="off"
            spellCheck={false}
            data-testid="find-to"
            onChange={(e) => setTo(e.target.value)}
          />
        </span>
        <button
          type="submit"
          disabled={busy}
          className="kne-focus rounded-md bg-sky-700 px-4 py-2 text-sm font-bold text-white hover:bg-sky-800 disabled:bg-slate-400"
          data-testid="find-go"
        >
          {t.t('overview.go')}
        </button>
        {missing.length > 0 && (
          <p role="alert" className="w-full text-sm text-red-800" data-testid="find-missing">
            {t.t('overview.notFound', { keys: missing.join(', ') })}
          </p>
        )}
      </form>
    </section>
  );
}
