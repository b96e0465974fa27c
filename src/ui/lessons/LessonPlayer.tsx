import { useEffect, useState } from 'react';
import { highlightId } from '../../lessons/claims';
import { LESSONS, findLesson } from '../../lessons/registry';
import type { LessonStep } from '../../lessons/types';
import { copyText } from '../../platform/clipboard';
import { linkTo } from '../../platform/url';
import { encode } from '../../scenario/codec';
import { useApp, useAppStoreApi } from '../../store';
import { selectViewState } from '../../store/shareSlice';
import { useT } from '../hooks/useT';
import { Inline } from './inline';
import { useLessonUi } from './lessonUi';
import { useLessonText } from './useLessonText';

const btn =
  'kne-focus rounded-md border border-slate-500 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100 disabled:border-slate-300 disabled:text-slate-500';
const primary =
  'kne-focus rounded-md border border-sky-800 bg-sky-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-sky-900';

type Answer = { picked: string | null; state: 'asking' | 'empty' | 'wrong' | 'right' };

/** The question of a step: pick, check, and on the right answer the explorer plays the hop. */
function StepQuestion({
  step,
  prompt,
  choices,
  explain,
  onRight,
}: {
  step: LessonStep;
  prompt: string;
  choices: Record<string, string>;
  explain: string;
  onRight: () => void;
}) {
  const t = useT();
  const [a, setA] = useState<Answer>({ picked: null, state: 'asking' });
  const q = step.question!;
  const check = () => {
    if (!a.picked) return setA({ ...a, state: 'empty' });
    if (a.picked === q.answer) {
      setA({ ...a, state: 'right' });
      onRight();
    } else setA({ ...a, state: 'wrong' });
  };
  return (
    <fieldset
      className="mt-3 rounded-lg border border-amber-300 bg-amber-50 p-3"
      data-testid="lesson-question"
    >
      <legend className="px-1 text-sm font-bold text-slate-900">{t.t('lessons.question')}</legend>
      <p className="mb-2 font-semibold text-slate-900">
        <Inline text={prompt} />
      </p>
      <div className="flex flex-col gap-1.5">
        {q.choices.map((c) => (
          <label key={c.id} className="flex cursor-pointer items-start gap-2 text-sm text-slate-900">
            <input
              type="radio"
              name={`q-${step.id}`}
              className="kne-focus mt-1"
              value={c.id}
              checked={a.picked === c.id}
              disabled={a.state === 'right'}
              data-testid={`choice-${c.id}`}
              onChange={() => setA({ picked: c.id, state: 'asking' })}
            />
            <span>
              <Inline text={choices[c.id] ?? c.id} />
            </span>
          </label>
        ))}
      </div>
      {a.state !== 'right' && (
        <button type="button" className={`${primary} mt-2`} data-testid="lesson-check" onClick={check}>
          {t.t('lessons.check')}
        </button>
      )}
      <div role="status" aria-live="polite" data-testid="lesson-feedback" data-state={a.state}>
        {a.state === 'empty' && <p className="mt-2 text-sm text-slate-800">{t.t('lessons.pickFirst')}</p>}
        {a.state === 'wrong' && (
          <p className="mt-2 text-sm font-semibold text-red-800">{t.t('lessons.wrong')}</p>
        )}
        {a.state === 'right' && (
          <div className="mt-2 text-sm text-slate-900">
            <p className="font-bold text-green-800">{t.t('lessons.right')}</p>
            <p>
              <span className="font-semibold">{t.t('lessons.why')}: </span>
              <Inline text={explain} />
            </p>
            <p className="text-slate-700">{t.t('lessons.playHop', { n: step.hop + 1 })}</p>
          </div>
        )}
      </div>
    </fieldset>
  );
}

/**
 * The lesson on screen: the step's text (readable without playing anything), what is highlighted,
 * the question asked before the hop is played, and the way to the next step. Each step has a link.
 */
export function LessonPlayer() {
  const ref = useApp((s) => s.lesson);
  const lesson = ref ? findLesson(ref.id) : undefined;
  if (!ref || !lesson || !lesson.steps[ref.step]) return null;
  // Keyed by step: the answer, the link and the "finished" note start fresh on every step.
  return <LessonStepView key={`${lesson.id}/${ref.step}`} lessonId={lesson.id} index={ref.step} />;
}

function LessonStepView({ lessonId, index }: { lessonId: string; index: number }) {
  const t = useT();
  const store = useAppStoreApi();
  const lang = useApp((s) => s.lang);
  const topology = useApp((s) => s.topology);
  const trace = useApp((s) => s.trace);
  const hopIndex = useApp((s) => s.hopIndex);
  const openLessonStep = useApp((s) => s.openLessonStep);
  const closeLesson = useApp((s) => s.closeLesson);
  const selectHop = useApp((s) => s.selectHop);
  const { markStep, markFinished } = useLessonUi();
  const lesson = findLesson(lessonId)!;
  const step = lesson.steps[index]!;
  const { text, error } = useLessonText(lesson.id);
  const [finished, setFinished] = useState(false);
  const [link, setLink] = useState<{ url: string; copied: boolean } | null>(null);

  useEffect(() => {
    // A step without a question counts as done once it has been shown.
    if (!step.question) markStep(lesson.id, step.id);
  }, [lesson, step, markStep]);

  const prose = text?.[lang];
  const sp = prose?.steps[step.id];
  const last = index === lesson.steps.length - 1;
  const nextLesson = LESSONS[LESSONS.indexOf(lesson) + 1];

  const go = (i: number) =>
    void openLessonStep(lesson.id, i).then(() => document.getElementById('lesson-heading')?.focus());
  const copyLink = async () => {
    const view = selectViewState(store.getState());
    if (!view) return;
    const r = encode(view);
    if (!r.ok) return;
    const url = linkTo(r.fragment);
    setLink({ url, copied: await copyText(url) });
  };
  const lit = topology
    ? step.highlights
        .map((h) => highlightId(topology, h))
        .filter((x): x is string => !!x)
        .map((id) => id.replace('|', ' · '))
    : [];
  const atHop = trace && hopIndex === step.hop;

  return (
    <section
      aria-labelledby="lesson-heading"
      className="rounded-xl border-2 border-sky-700 bg-white p-3"
      data-testid="lesson-player"
      data-lesson={lesson.id}
      data-step={step.id}
    >
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <p className="text-xs font-semibold tracking-wide text-sky-900 uppercase">
            {t.t('lessons.heading')} {LESSONS.indexOf(lesson) + 1} ·{' '}
            {t.t('lessons.stepOf', { n: index + 1, total: lesson.steps.length })}
          </p>
          <h2
            id="lesson-heading"
            tabIndex={-1}
            className="text-base font-bold text-slate-900 focus:outline-none"
          >
            {lesson.title[lang]}
          </h2>
        </div>
        <button
          type="button"
          className={btn}
          data-testid="lesson-close"
          onClick={closeLesson}
          aria-label={t.t('lessons.close')}
        >
          ✕
        </button>
      </div>
      {error && <p className="mt-2 text-sm text-red-800">{t.t('lessons.loadFailed', { error })}</p>}
      {!prose && !error && <p className="mt-2 text-sm text-slate-700">{t.t('lessons.loading')}</p>}
      {prose && index === 0 && (
        <p className="mt-2 text-sm text-slate-800 italic">
          <Inline text={prose.summary} />
        </p>
      )}
      {sp && (
        <article className="mt-2 text-sm leading-relaxed text-slate-900" data-testid="lesson-step">
          <h3 className="mb-1 text-[0.95rem] font-bold">{sp.title}</h3>
          {sp.body.map((p, i) => (
            <p key={i} className="mb-2">
              <Inline text={p} />
            </p>
          ))}
          {lit.length > 0 && (
            <p className="text-xs text-slate-700">{t.t('lessons.highlights', { list: lit.join(', ') })}</p>
          )}
          {sp.question && step.question && (
            <StepQuestion
              key={`${lesson.id}/${step.id}`}
              step={step}
              prompt={sp.question.prompt}
              choices={sp.question.choices}
              explain={sp.question.explain}
              onRight={() => {
                selectHop(step.hop);
                markStep(lesson.id, step.id);
              }}
            />
          )}
          {!step.question && !atHop && trace && (
            <button type="button" className={`${btn} mt-1`} onClick={() => selectHop(step.hop)}>
              {t.t('lessons.playHop', { n: step.hop + 1 })}
            </button>
          )}
        </article>
      )}
      <nav className="mt-3 flex flex-wrap items-center gap-2" aria-label={t.t('lessons.heading')}>
        <button
          type="button"
          className={btn}
          disabled={index === 0}
          data-testid="lesson-prev"
          onClick={() => go(index - 1)}
        >
          ← {t.t('lessons.prev')}
        </button>
        {!last ? (
          <button type="button" className={primary} data-testid="lesson-next" onClick={() => go(index + 1)}>
            {t.t('lessons.next')} →
          </button>
        ) : (
          <button
            type="button"
            className={primary}
            data-testid="lesson-finish"
            onClick={() => {
              markFinished(lesson.id);
              setFinished(true);
            }}
          >
            {t.t('lessons.finish')} ✓
          </button>
        )}
        <button type="button" className={btn} data-testid="lesson-link" onClick={() => void copyLink()}>
          {t.t('lessons.stepLink')}
        </button>
      </nav>
      {link && (
        <p className="mt-2 text-xs break-all text-slate-800" role="status">
          {link.copied ? t.t('lessons.linkCopied') : t.t('lessons.linkShown')}{' '}
          <a className="underline" href={link.url} data-testid="lesson-link-url">
            {link.url}
          </a>
        </p>
      )}
      {finished && (
        <div role="status" className="mt-3 rounded-lg bg-green-50 p-2 text-sm" data-testid="lesson-finished">
          <p className="font-bold text-green-900">{t.t('lessons.finished')}</p>
          {nextLesson && (
            <button
              type="button"
              className={`${primary} mt-2`}
              data-testid="lesson-next-lesson"
              onClick={() =>
                void openLessonStep(nextLesson.id, 0).then(() =>
                  document.getElementById('lesson-heading')?.focus(),
                )
              }
            >
              {t.t('lessons.nextLesson', { title: nextLesson.title[lang] })}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
