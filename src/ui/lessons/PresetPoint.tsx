import type { MessageKey } from '../../i18n';
import { findPreset } from '../../scenario/presets/registry';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';

/**
 * While a teaching preset is loaded (and no lesson is explaining it), its one-line point stays on
 * screen above the canvas, so the idea it shows is never lost once the picker closes.
 */
export function PresetPoint() {
  const t = useT();
  const preset = useApp((s) => s.base.preset);
  const inLesson = useApp((s) => s.lesson !== null);
  const entry = findPreset(preset);
  if (!entry || entry.kind !== 'teaching' || inLesson) return null;
  const key = `${entry.titleKey.replace(/\.title$/, '')}.summary` as MessageKey;
  return (
    <p
      className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-slate-900"
      data-testid="preset-point"
    >
      <span className="font-bold">{t.t(entry.titleKey as MessageKey)}: </span>
      {t.t(key)}
    </p>
  );
}
