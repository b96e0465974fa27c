import { useState } from 'react';
import { useT } from '../hooks/useT';

/** More lines than this and the chain before the deciding line folds away. */
const FOLD_AFTER = 3;

/**
 * The deciding entry as the real tool prints it. A long chain (iptables jumps from PREROUTING to
 * the endpoint's DNAT) shows its last, deciding line with the lines before it folded, so the
 * headers under it stay in view; a button unfolds the chain. The folded lines stay in the text
 * (hidden), so copying or reading the element's text gives the whole chain.
 */
export function RuleText({ rule }: { rule: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const lines = rule.split('\n');
  const fold = lines.length > FOLD_AFTER;
  const before = lines.slice(0, -1).join('\n');
  const last = lines[lines.length - 1] ?? '';
  return (
    <>
      {fold && (
        <button
          type="button"
          aria-expanded={open}
          aria-controls="hop-rule"
          className="kne-focus mb-1 rounded border border-slate-400 bg-white px-2 py-0.5 text-xs font-semibold text-slate-800 hover:bg-slate-100"
          data-testid="hop-rule-chain"
          onClick={() => setOpen(!open)}
        >
          {t.t(open ? 'layout.rule.hideChain' : 'layout.rule.showChain', { n: lines.length - 1 })}
        </button>
      )}
      <pre
        id="hop-rule"
        tabIndex={0}
        className="kne-focus overflow-x-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-sm whitespace-pre-wrap text-slate-50 [overflow-wrap:anywhere]"
        data-testid="hop-rule"
      >
        {fold ? (
          <>
            <span hidden={!open}>{`${before}\n`}</span>
            {last}
          </>
        ) : (
          rule
        )}
      </pre>
    </>
  );
}
