import { useRef, type KeyboardEvent } from 'react';
import { SERVICE_SHOW_WHATS, SHOW_WHATS, type ShowWhat } from '../../core/show';
import { useApp } from '../../store';
import { useT } from '../hooks/useT';
import { tabKeyTarget } from '../hooks/tabKeys';

/** Tab labels are the commands themselves: they read the same in every language. */
const LABEL: Record<ShowWhat, string> = {
  'ip-addr': 'ip addr',
  'ip-br-addr': 'ip -br addr',
  'ip-route': 'ip route',
  'ip-neigh': 'ip neigh',
  'bridge-fdb': 'bridge fdb',
  'ip-link': 'ip -d link',
  ebpf: 'eBPF',
  'iptables-save': 'iptables-save',
  nft: 'nft list table',
  ipvsadm: 'ipvsadm -Ln',
  ipset: 'ipset list',
  'ebpf-maps': 'cilium bpf lb list',
  'resolv.conf': 'resolv.conf',
};

/** What the real tools would print in the selected netns. */
export function LinuxPanel() {
  const t = useT();
  const netns = useApp((s) => s.selectedNetns);
  const tab = useApp((s) => s.linuxTab);
  const linux = useApp((s) => s.linux);
  const setTab = useApp((s) => s.setLinuxTab);
  const tabsRef = useRef<HTMLDivElement>(null);

  const onKey = (e: KeyboardEvent) => {
    const what = tabKeyTarget(e, SHOW_WHATS, tab);
    if (what === null) return;
    setTab(what);
    tabsRef.current?.querySelector<HTMLElement>(`[data-tab="${what}"]`)?.focus();
  };

  return (
    <section
      aria-labelledby="linux-heading"
      className="rounded-xl border border-slate-300 bg-white p-3"
      data-testid="linux-panel"
    >
      <h2 id="linux-heading" className="text-base font-bold">
        {t.t('linux.heading')}
        {netns && (
          <span className="ml-2 font-mono text-sm font-normal text-slate-700" data-testid="linux-netns">
            {netns}
          </span>
        )}
      </h2>
      {!netns ? (
        <p className="mt-1 text-slate-700">{t.t('linux.pick')}</p>
      ) : (
        <>
          <div
            ref={tabsRef}
            role="tablist"
            aria-label={t.t('linux.tabs')}
            className="mt-2 flex flex-wrap gap-1"
            onKeyDown={onKey}
          >
            {SHOW_WHATS.map((w) => (
              <button
                key={w}
                type="button"
                role="tab"
                id={`linux-tab-${w}`}
                data-tab={w}
                aria-selected={w === tab}
                aria-controls="linux-tabpanel"
                tabIndex={w === tab ? 0 : -1}
                className={`kne-focus rounded-t-md border-b-4 px-3 ${w === SERVICE_SHOW_WHATS[0] ? 'ml-4' : ''} py-1.5 font-mono text-sm font-semibold ${
                  w === tab
                    ? 'border-sky-700 bg-sky-50 text-sky-950'
                    : 'border-transparent text-slate-800 hover:bg-slate-100'
                }`}
                onClick={() => setTab(w)}
              >
                {LABEL[w]}
              </button>
            ))}
          </div>
          <div role="tabpanel" id="linux-tabpanel" aria-labelledby={`linux-tab-${tab}`}>
            <pre
              tabIndex={0}
              className="kne-focus max-h-80 overflow-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-sm leading-relaxed text-slate-50"
              data-testid="linux-output"
              aria-busy={linux?.text === null}
            >
              <span className="text-emerald-300">
                $ {LABEL[tab]}
                {'\n'}
              </span>
              {linux?.text === null ? t.t('linux.loading') : linux?.text || t.t('linux.empty')}
            </pre>
          </div>
        </>
      )}
    </section>
  );
}
