import { useState } from 'react';
import type { Problem } from '../../core/model/cluster';
import type { Scenario } from '../../core/model/scenario';
import { useApp } from '../../store';

export type EditStatus = 'idle' | 'checking' | 'applied' | 'rejected';

/**
 * Runs one editor change through the store (worker validation first) and keeps, for this form, the
 * problems of a rejected change so they can be shown beside its fields.
 */
export function useEditRun() {
  const applyEdit = useApp((s) => s.applyEdit);
  const [status, setStatus] = useState<EditStatus>('idle');
  const [problems, setProblems] = useState<Problem[]>([]);
  const run = async (edit: (s: Scenario) => Scenario): Promise<boolean> => {
    setStatus('checking');
    const r = await applyEdit(edit);
    setProblems(r.ok ? [] : r.problems);
    setStatus(r.ok ? 'applied' : 'rejected');
    return r.ok;
  };
  const reset = () => {
    setStatus('idle');
    setProblems([]);
  };
  return { run, status, problems, reset };
}

/** Normalises a problem path (`$.cluster.podCidr` and `cluster.podCidr` are the same field). */
export const normPath = (path: string): string => path.replace(/^\$\.?/, '');
