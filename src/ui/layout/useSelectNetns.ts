import { useCallback } from 'react';
import { useApp } from '../../store';
import { useLayout } from './layoutStore';

/** Picks a netns for the Linux view and shows that tool (also when the same netns is picked again). */
export function useSelectNetns(): (netns: string) => void {
  const selectNetns = useApp((s) => s.selectNetns);
  return useCallback(
    (netns: string) => {
      selectNetns(netns);
      useLayout.getState().showTool('linux');
    },
    [selectNetns],
  );
}
