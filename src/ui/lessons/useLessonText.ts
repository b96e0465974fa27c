import { useEffect, useState } from 'react';
import { loadLessonText } from '../../lessons/registry';
import type { LessonText } from '../../lessons/types';

type State = { id: string; text: LessonText } | { id: string; error: string } | null;

/** The prose of one lesson, fetched as its own chunk the first time the lesson is opened. */
export function useLessonText(id: string | null): { text: LessonText | null; error: string | null } {
  const [state, setState] = useState<State>(null);
  useEffect(() => {
    if (!id) return;
    let live = true;
    loadLessonText(id).then(
      (text) => live && setState({ id, text }),
      (e: unknown) => live && setState({ id, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (!id || !state || state.id !== id) return { text: null, error: null };
  return 'text' in state ? { text: state.text, error: null } : { text: null, error: state.error };
}
