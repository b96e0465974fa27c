import type { Lang } from '../i18n/lang';
import type { GetState, SetState, StoreDeps, ViewSlice } from './types';
import { probeWithServicePort } from './probeTarget';

export function createViewSlice(set: SetState, get: GetState, deps: StoreDeps, lang: Lang): ViewSlice {
  let wanted: Lang = lang;
  return {
    lang,
    probe: { from: '', to: '', port: 9090, protocol: 'TCP' },
    selectedNetns: null,
    linuxTab: 'ip-route',
    viewport: null,
    viewportRestore: 0,
    setViewport(viewport) {
      set({ viewport });
    },
    setLanguage(next) {
      wanted = next;
      deps.saveLang?.(next);
      const show = () => {
        // A later switch wins over one still waiting for its glyphs.
        if (wanted === next) set({ lang: next });
      };
      if (deps.prepareLang) void deps.prepareLang(next).then(show, show);
      else show();
    },
    setProbe(patch) {
      set((s) => ({ probe: { ...s.probe, ...patch } }));
    },
    pickPod(role, podKey) {
      get().chooseProbe({ [role]: podKey });
    },
    chooseProbe(patch) {
      const probe = probeWithServicePort({ ...get().probe, ...patch }, get().topology, patch);
      set({ probe });
      if (probe.from && probe.to && probe.from !== probe.to && get().topology)
        void get().runTrace({ autoplay: true });
    },
    selectNetns(netns) {
      set({ selectedNetns: netns });
      void get().refreshLinux();
    },
    setLinuxTab(tab) {
      set({ linuxTab: tab });
      void get().refreshLinux();
    },
  };
}
