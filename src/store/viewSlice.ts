import type { Lang } from '../i18n/lang';
import type { GetState, SetState, StoreDeps, ViewSlice } from './types';

export function createViewSlice(set: SetState, get: GetState, deps: StoreDeps, lang: Lang): ViewSlice {
  return {
    lang,
    probe: { from: '', to: '', port: 9090, protocol: 'TCP' },
    selectedNetns: null,
    linuxTab: 'ip-route',
    setLanguage(next) {
      set({ lang: next });
      deps.saveLang?.(next);
    },
    setProbe(patch) {
      set((s) => ({ probe: { ...s.probe, ...patch } }));
    },
    pickPod(role, podKey) {
      set((s) => ({ probe: { ...s.probe, [role]: podKey } }));
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
