import { INTER_DESIGN_IDS, INTRA_DESIGN_IDS, PROXY_MODE_IDS } from '../../core/model/scenario';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import type { MessageKey } from '../../i18n';

function RadioGroup<V extends string>({
  name,
  legend,
  values,
  value,
  label,
  disabled,
  onChange,
}: {
  name: string;
  legend: string;
  values: readonly V[];
  value: V | undefined;
  label: (v: V) => string;
  disabled: boolean;
  onChange: (v: V) => void;
}) {
  return (
    <fieldset className="flex flex-wrap items-center gap-1" disabled={disabled}>
      <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-700 uppercase">{legend}</legend>
      {values.map((v) => (
        <label
          key={v}
          className={`kne-radio relative cursor-pointer rounded-md border px-3 py-1.5 text-sm font-semibold ${
            value === v
              ? 'border-slate-900 bg-slate-900 text-white'
              : 'border-slate-400 bg-white text-slate-900 hover:bg-slate-100'
          }`}
        >
          <input
            type="radio"
            // Invisible over the whole option: the browser scrolls a focused input into view, and
            // scrolling a 1 px one left the option cut off at the window's edge (phone).
            className="absolute inset-0 m-0 h-full w-full cursor-pointer opacity-0"
            name={name}
            value={v}
            checked={value === v}
            data-testid={`design-${name}-${v}`}
            onChange={() => onChange(v)}
          />
          {label(v)}
        </label>
      ))}
    </fieldset>
  );
}

/** The two design choices and the real CNI their combination resembles. */
export function DesignPanel() {
  const t = useT();
  const designs = useApp((s) => s.topology?.designs);
  const resembles = useApp((s) => s.topology?.resembles);
  const busy = useApp((s) => s.status === 'loading');
  const setDesigns = useApp((s) => s.setDesigns);
  return (
    <section
      aria-labelledby="designs-heading"
      aria-busy={busy}
      data-busy={busy}
      className="rounded-xl border border-slate-300 bg-white p-3"
      data-testid="designs"
    >
      <h2 id="designs-heading" className="mb-2 text-base font-bold">
        {t.t('designs.heading')}
      </h2>
      <div className="flex flex-wrap items-end gap-4">
        <RadioGroup
          name="intra"
          legend={t.t('designs.intra')}
          values={INTRA_DESIGN_IDS}
          value={designs?.intra}
          label={(v) => t.t(`designs.intra.${v}` as MessageKey)}
          disabled={!designs}
          onChange={(intra) => void setDesigns({ intra })}
        />
        <RadioGroup
          name="inter"
          legend={t.t('designs.inter')}
          values={INTER_DESIGN_IDS}
          value={designs?.inter}
          label={(v) => t.t(`designs.inter.${v}` as MessageKey)}
          disabled={!designs}
          onChange={(inter) => void setDesigns({ inter })}
        />
        <div title={t.t('designs.proxy.hint')}>
          <RadioGroup
            name="proxy"
            legend={t.t('designs.proxy')}
            values={PROXY_MODE_IDS}
            value={designs?.proxy}
            label={(v) => t.t(`designs.proxy.${v}` as MessageKey)}
            disabled={!designs}
            onChange={(proxy) => void setDesigns({ proxy })}
          />
        </div>
      </div>
      {resembles && designs && (
        <p className="mt-2 text-sm text-slate-800" data-testid="resembles" aria-live="polite">
          <span className="font-semibold">{t.t('designs.resembles')}: </span>
          <span className="font-bold text-sky-800">{resembles.cni}</span> —{' '}
          {t.resembles(`${designs.intra}+${designs.inter}`, resembles.detail)}
        </p>
      )}
    </section>
  );
}
