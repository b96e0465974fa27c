import type { GetState, PlaybackSlice, SetState } from './types';

export const SPEEDS = [0.5, 1, 2, 4] as const;

export function createPlaybackSlice(set: SetState, get: GetState): PlaybackSlice {
  const last = () => Math.max(0, (get().trace?.hops.length ?? 1) - 1);
  return {
    hopIndex: 0,
    playing: false,
    speed: 1,
    selectHop(index) {
      set({ hopIndex: Math.min(Math.max(0, index), last()), playing: false });
    },
    stepForward() {
      const i = get().hopIndex;
      if (i >= last()) set({ playing: false });
      else set({ hopIndex: i + 1, playing: get().playing && i + 1 < last() });
    },
    stepBack() {
      set({ hopIndex: Math.max(0, get().hopIndex - 1), playing: false });
    },
    firstHop() {
      set({ hopIndex: 0, playing: false });
    },
    lastHop() {
      set({ hopIndex: last(), playing: false });
    },
    play() {
      if (!get().trace) return;
      // Playing from the end starts over.
      set({ playing: true, hopIndex: get().hopIndex >= last() ? 0 : get().hopIndex });
    },
    pause() {
      set({ playing: false });
    },
    togglePlay() {
      if (get().playing) get().pause();
      else get().play();
    },
    setSpeed(speed) {
      set({ speed });
    },
  };
}
