import { useEffect } from 'react';
import { useApp, useAppStoreApi } from '../../store';
import { HOP_MS } from '../canvas/PacketLayer';

/** While playing, advance one hop per tick; the store pauses at the last hop. */
export function usePlaybackClock(): void {
  const store = useAppStoreApi();
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => store.getState().stepForward(), HOP_MS / speed);
    return () => clearInterval(id);
  }, [playing, speed, store]);
}
