import { create } from 'zustand';

/** Whether presenter mode is on (page-only: a link never opens in presenter mode). */
export const usePresenter = create<{ on: boolean; setOn(on: boolean): void }>((set) => ({
  on: false,
  setOn: (on) => set({ on }),
}));
