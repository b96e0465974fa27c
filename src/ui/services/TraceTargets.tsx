import { useEffect, useId, useMemo, useState } from 'react';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';

const SELECT =
  'kne-focus w-[17rem] max-w-full rounded-md border border-slate-500 bg-white px-2 py-1.5 font-mono text-sm';
const FIELD = 'flex flex-col gap-1 text-xs font-semibold tracking-wide text-slate-700 uppercase';
/** The `To` option that reveals the free-text field. */
const CUSTOM = '__custom__';

/** Where a probe may start: a Pod, a node's host network, or a client outside the cluster. */
export function FromSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const t = useT();
  const nodes = useApp((s) => s.topology?.nodes);
  return (
    <select
      id={id}
      value={value}
      data-testid="probe-from"
      className={SELECT}
      onChange={(e) => onChange(e.target.value)}
    >
      {nodes?.map((n) => (
        <optgroup key={n.name} label={`${n.name} (${n.ip})`}>
          {n.pods.map((p) => (
            <option key={p.key} value={p.key}>
              {p.key} — {p.ip}
            </option>
          ))}
        </optgroup>
      ))}
      <optgroup label={t.t('trace.group.nodes')}>
        {nodes?.map((n) => (
          <option key={n.netns} value={n.netns}>
            {n.netns} — {n.ip}
          </option>
        ))}
      </optgroup>
      <optgroup label={t.t('trace.group.outside')}>
        <option value="external">external — {t.t('trace.external')}</option>
      </optgroup>
    </select>
  );
}

/**
 * Where a probe goes: a Pod, a Service (`NS/SVC`), or anything typed (a DNS name as a program
 * would use it, or an IP). Typed values are resolved by the worker, never here.
 */
export function ToPicker({
  id,
  value,
  onChange,
  onTypeName = onChange,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  /** Each keystroke of a typed name or IP (the form traces it on submit, not per keystroke). */
  onTypeName?: (v: string) => void;
}) {
  const t = useT();
  const uid = useId();
  const nodes = useApp((s) => s.topology?.nodes);
  const services = useApp((s) => s.topology?.services);
  const known = useMemo(() => {
    const keys = new Set<string>();
    nodes?.forEach((n) => n.pods.forEach((p) => keys.add(p.key)));
    services?.forEach((s) => keys.add(s.key));
    return keys;
  }, [nodes, services]);
  const [typing, setTyping] = useState(false);
  // Free text while the value names nothing listed (a typed name or IP, or an empty field just opened).
  const custom = !known.has(value) && (typing || value !== '');

  return (
    <div className="flex flex-wrap items-end gap-2">
      <select
        id={id}
        value={custom ? CUSTOM : value}
        data-testid="probe-to"
        className={SELECT}
        onChange={(e) => {
          const v = e.target.value;
          if (v === CUSTOM) {
            setTyping(true);
            onTypeName('');
            return;
          }
          setTyping(false);
          onChange(v);
        }}
      >
        {nodes?.map((n) => (
          <optgroup key={n.name} label={`${n.name} (${n.ip})`}>
            {n.pods.map((p) => (
              <option key={p.key} value={p.key}>
                {p.key} — {p.ip}
              </option>
            ))}
          </optgroup>
        ))}
        {services && services.length > 0 && (
          <optgroup label={t.t('trace.group.services')}>
            {services.map((s) => (
              <option key={s.key} value={s.key}>
                {s.key} — {s.clusterIP ?? s.type}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label={t.t('trace.group.other')}>
          <option value={CUSTOM}>{t.t('trace.toCustom')}</option>
        </optgroup>
      </select>
      {custom && (
        <span className={FIELD}>
          <label htmlFor={`${uid}-name`} className="sr-only">
            {t.t('trace.toName')}
          </label>
          <input
            id={`${uid}-name`}
            type="text"
            value={value}
            autoComplete="off"
            spellCheck={false}
            placeholder="backend.default"
            aria-describedby={`${uid}-hint`}
            data-testid="probe-to-name"
            className="kne-focus w-[15rem] rounded-md border border-slate-500 px-2 py-1.5 font-mono text-sm normal-case"
            onChange={(e) => onTypeName(e.target.value.trim())}
          />
          <span id={`${uid}-hint`} className="sr-only">
            {t.t('trace.toNameHint')}
          </span>
        </span>
      )}
    </div>
  );
}

/**
 * For a probe to a Service: which endpoint the proxy should pick. The candidates are the Service
 * port's endpoints as the worker lists them (`IP:port`); empty means the seeded random choice.
 */
export function EndpointPicker() {
  const t = useT();
  const uid = useId();
  const to = useApp((s) => s.probe.to);
  const port = useApp((s) => s.probe.port);
  const protocol = useApp((s) => s.probe.protocol);
  const service = useApp((s) => s.topology?.services.find((x) => x.key === to) ?? null);
  const pods = useApp((s) => s.topology?.nodes);
  const value = useApp((s) => s.traceEndpoint);
  const setEndpoint = useApp((s) => s.setTraceEndpoint);
  const sp = service?.ports.find((p) => p.port === port && p.protocol === protocol);
  const candidates = useMemo(() => sp?.endpoints ?? [], [sp]);
  const podOf = (ep: string) => {
    const ip = ep.slice(0, ep.lastIndexOf(':'));
    const e = service?.endpoints.find((x) => x.ip === ip);
    if (e?.pod) return e.pod;
    return pods?.find((n) => n.ip === ip)?.netns ?? '';
  };
  // A choice that no longer applies (another Service or port) falls back to random.
  useEffect(() => {
    if (value && !candidates.includes(value)) setEndpoint('');
  }, [value, candidates, setEndpoint]);
  if (!service || candidates.length < 2) return null;
  return (
    <div className={FIELD}>
      <label htmlFor={`${uid}-ep`}>{t.t('trace.endpoint')}</label>
      <select
        id={`${uid}-ep`}
        value={candidates.includes(value) ? value : ''}
        data-testid="probe-endpoint"
        className="kne-focus max-w-full rounded-md border border-slate-500 bg-white px-2 py-1.5 font-mono text-sm"
        onChange={(e) => setEndpoint(e.target.value)}
      >
        <option value="">{t.t('trace.endpointRandom')}</option>
        {candidates.map((ep) => (
          <option key={ep} value={ep}>
            {ep} {podOf(ep) && `(${podOf(ep)})`}
          </option>
        ))}
      </select>
    </div>
  );
}
