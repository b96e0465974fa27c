import type { MessageKey } from '../../i18n';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';

/** Warning codes the page translates; any other code shows the core's English sentence. */
const KEYS: Record<string, MessageKey> = { SERVICE_PORT_NOT_SERVED: 'warning.SERVICE_PORT_NOT_SERVED' };

/** The core's warnings about the traced probe (codes + args), in the page's language. */
export function TraceWarnings() {
  const t = useT();
  const warnings = useApp((s) => s.trace?.warnings);
  if (!warnings?.length) return null;
  return (
    <div
      role="note"
      className="mx-2 mt-2 rounded-lg border-2 border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950"
      data-testid="trace-warnings"
    >
      <strong className="font-bold">{t.t('warning.heading')}: </strong>
      {warnings.map((w) => {
        const key = KEYS[w.code];
        return (
          <span key={w.code} data-testid="trace-warning" data-code={w.code}>
            {key ? t.t(key, w.args) : w.message}
          </span>
        );
      })}
    </div>
  );
}
