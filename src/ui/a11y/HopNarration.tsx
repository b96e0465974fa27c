import { useApp } from '../../store';
import { useT } from '../hooks/useT';

/** Says the current hop's sentence to screen readers as the packet moves (visually hidden). */
export function HopNarration() {
  const t = useT();
  const trace = useApp((s) => s.trace);
  const hopIndex = useApp((s) => s.hopIndex);
  const hop = trace?.hops[hopIndex];
  return (
    <p className="sr-only" aria-live="polite" data-testid="hop-narration">
      {hop && trace
        ? t.t('a11y.narration', { n: hopIndex + 1, total: trace.hops.length, sentence: t.hop(hop) })
        : ''}
    </p>
  );
}
