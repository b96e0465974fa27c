import { useEffect, useId, useRef, useState } from 'react';
import type { MessageKey } from '../../i18n';
import { PRESETS, type PresetEntry } from '../../scenario/presets/registry';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { selectScenarioOrigin } from '../../store/origin';

const GROUPS: { kind: PresetEntry['kind']; key: MessageKey }[] = [
  { kind: 'scale', key: 'presets.group.scale' },
  { kind: 'teaching', key: 'presets.group.teaching' },
];

const title = (p: PresetEntry) => p.titleKey as MessageKey;
const summary = (p: PresetEntry) => `${p.titleKey.replace(/\.title$/, '')}.summary` as MessageKey;

/**
 * Picks the scenario to start from: the scale presets (S … XL) and the teaching presets, each with
 * a one-line summary. A disclosure of buttons, so arrow keys never load a 5,000-node cluster by
 * accident; picking one loads it (L and XL are built in the worker).
 */
export function PresetPicker() {
  const t = useT();
  const uid = useId();
  const [open, setOpen] = useState(false);
  const current = useApp((s) => s.base.preset);
  const loading = useApp((s) => s.presetLoading);
  const loadPreset = useApp((s) => s.loadPreset);
  const totals = useApp((s) => s.topology?.totals);
  const origin = useApp(selectScenarioOrigin);
  const originLabel = origin === 'preset' ? '' : t.t(`preset.origin.${origin}`);
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const entry = PRESETS.find((p) => p.id === current);

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLButtonElement>('[aria-current="true"], button')?.focus();
    // A click anywhere else closes the list.
    const away = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !toggle.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const pick = (p: PresetEntry) => {
    setOpen(false);
    toggle.current?.focus();
    void loadPreset(p.id);
  };

  return (
    <section
      aria-labelledby={`${uid}-h`}
      className="relative rounded-xl border border-slate-300 bg-white p-3"
    >
      <h2 id={`${uid}-h`} className="mb-2 text-base font-bold">
        {t.t('presets.heading')}
      </h2>
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={`${uid}-list`}
        aria-label={`${t.t('presets.label')}: ${entry ? t.t(title(entry)) : current}${originLabel ? ` (${originLabel})` : ''}`}
        data-testid="preset-toggle"
        data-preset={current}
        data-origin={origin}
        disabled={loading !== null}
        className="kne-focus flex w-[19rem] max-w-full items-center justify-between gap-2 rounded-md border border-slate-500 bg-white px-3 py-1.5 text-left text-sm font-semibold disabled:bg-slate-100"
        onClick={() => setOpen((o) => !o)}
      >
        <span className="truncate">{entry ? t.t(title(entry)) : current}</span>
        {originLabel && (
          <span
            className="ml-auto shrink-0 rounded bg-amber-200 px-1.5 text-xs font-bold text-amber-950"
            title={t.t(`preset.origin.${origin as 'edited' | 'imported'}Hint`)}
            data-testid="preset-origin"
          >
            {originLabel}
          </span>
        )}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <p className="mt-1 text-xs text-slate-700" aria-live="polite" data-testid="preset-status">
        {loading
          ? t.t('presets.loading', { name: t.t(title(PRESETS.find((p) => p.id === loading)!)) })
          : totals
            ? t.t('presets.size', {
                nodes: totals.nodes.toLocaleString(),
                pods: totals.pods.toLocaleString(),
                services: totals.services.toLocaleString(),
              })
            : ''}
      </p>
      {open && (
        <div
          ref={panel}
          id={`${uid}-list`}
          className="absolute top-full left-0 z-20 mt-1 max-h-[70vh] w-[30rem] max-w-[calc(100vw-2rem)] overflow-auto rounded-xl border border-slate-400 bg-white p-2 shadow-xl"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setOpen(false);
              toggle.current?.focus();
            }
          }}
        >
          {GROUPS.map((g) => (
            <div key={g.kind} role="group" aria-labelledby={`${uid}-${g.kind}`} className="mb-2">
              <h3
                id={`${uid}-${g.kind}`}
                className="px-2 py-1 text-xs font-bold tracking-wide text-slate-600 uppercase"
              >
                {t.t(g.key)}
              </h3>
              <ul>
                {PRESETS.filter((p) => p.kind === g.kind).map((p) => (
                  <li key={p.id}>
                    <button
                      type="button"
                      aria-current={p.id === current}
                      data-testid={`preset-${p.id}`}
                      className={`kne-focus w-full rounded-md px-2 py-1.5 text-left hover:bg-sky-50 ${p.id === current ? 'bg-sky-100' : ''}`}
                      onClick={() => pick(p)}
                    >
                      <span className="block text-sm font-semibold text-slate-900">{t.t(title(p))}</span>
                      <span className="block text-xs text-slate-700">{t.t(summary(p))}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
