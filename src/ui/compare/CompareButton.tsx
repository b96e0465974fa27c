import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { CompactLabel } from '../components/CompactLabel';

/** Opens compare mode on the traced flow, with B differing from A between nodes (overlay ↔ routing). */
export function CompareButton() {
  const t = useT();
  const traced = useApp((s) => s.trace !== null);
  const designs = useApp((s) => s.topology?.designs);
  const openCompare = useApp((s) => s.openCompare);
  return (
    <button
      type="button"
      disabled={!traced || !designs}
      className="kne-focus rounded-md border border-slate-500 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100 disabled:text-slate-400"
      data-testid="compare-open"
      aria-label={t.t('compare.open')}
      onClick={() =>
        designs &&
        void openCompare({ ...designs, inter: designs.inter === 'overlay' ? 'routing' : 'overlay' })
      }
    >
      <CompactLabel full={t.t('compare.open')} short={t.t('layout.short.compare')} />
    </button>
  );
}
