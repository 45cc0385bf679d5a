/**
 * The lesson player: which lesson and step, the step's text, its "try this" prompts, the update formulas
 * of the runs when the step compares optimizers, and Back / Reset / Next. It floats over the experiment
 * panel and can be folded away.
 */
import { useEffect, useState } from 'react';
import { useDoc } from '../state/AppContext';
import { runColor } from '../lib/runColors';
import { formulaKey } from './formulas';
import { LESSONS_NS, useLessonsT } from './i18n';
import { lessonRefOf } from './lessonState';
import { lessonList, lessons } from './registry';
import { openStartScreen } from './startScreenStore';
import { useLessonActions } from './useLessonActions';

export function LessonPlayer() {
  const { t, i18n } = useLessonsT();
  const draft = useDoc((s) => s.draft);
  const ref = lessonRefOf(draft);
  const runs = draft.runs;
  const problem = useDoc((s) => s.problems[0] ?? null);
  const actions = useLessonActions();
  const [folded, setFolded] = useState(false);
  const [applied, setApplied] = useState<readonly string[]>([]);
  const key = ref ? `${ref.id}:${ref.step}` : '';
  useEffect(() => setApplied([]), [key]);
  if (!ref) return null;
  const lesson = lessons.get(ref.id);
  if (!lesson)
    return (
      <aside className="lesson-player" aria-label={t('ui.player')} data-testid="lesson-player">
        <p>{t('ui.unknownLesson', { id: ref.id })}</p>
        <button type="button" className="btn" onClick={() => actions.leave()}>
          {t('ui.exit')}
        </button>
      </aside>
    );
  const k = Math.min(ref.step, lesson.steps.length - 1);
  const step = lesson.steps[k]!;
  const m = lesson.steps.length;
  const at = `${lesson.id}.steps.${step.id}`;
  const n = lessonList.indexOf(lesson) + 1;
  return (
    <aside
      className={`lesson-player${folded ? ' folded' : ''}`}
      aria-label={t('ui.player')}
      data-testid="lesson-player"
      data-lesson={lesson.id}
      data-step={k}
    >
      <header className="lesson-player-head">
        <button type="button" className="link lesson-player-title" onClick={openStartScreen}>
          {t('ui.lessonNumber', { n })} · {t(`${lesson.id}.title`)}
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-expanded={!folded}
          aria-label={t('ui.player')}
          onClick={() => setFolded(!folded)}
        >
          {folded ? '▴' : '▾'}
        </button>
      </header>
      {folded ? null : (
        <>
          <div className="lesson-progress" aria-label={t('ui.stepOf', { n: k + 1, m })}>
            {lesson.steps.map((s, i) => (
              <span key={s.id} className={i === k ? 'on' : i < k ? 'done' : ''} />
            ))}
          </div>
          <div className="lesson-step-label" data-testid="lesson-step-label">
            {t('ui.stepOf', { n: k + 1, m })}
          </div>
          <div className="lesson-player-body">
            <h3>{t(`${at}.title`)}</h3>
            <p>{t(`${at}.text`)}</p>
            {step.formulas ? (
              <section className="lesson-formulas" aria-label={t('ui.formulas')}>
                <h4 title={t('ui.formulaHelp')}>{t('ui.formulas')}</h4>
                <ul>
                  {runs.map((r, i) => {
                    const key = `formulas.${formulaKey(r)}`;
                    return i18n.exists(key, { ns: LESSONS_NS }) ? (
                      <li key={r.name} data-testid={`formula-${r.name}`}>
                        <span className="lesson-swatch" style={{ background: runColor(r, i) }} aria-hidden />
                        <b>{r.name}</b>
                        <code>{t(key)}</code>
                      </li>
                    ) : null;
                  })}
                </ul>
              </section>
            ) : null}
            {step.tryThis?.length ? (
              <section className="lesson-try" aria-label={t('ui.tryThis')}>
                <h4>{t('ui.tryThis')}</h4>
                <ul>
                  {step.tryThis.map((tr) => (
                    <li key={tr.id}>
                      <span>{t(`${at}.try.${tr.id}`)}</span>
                      <button
                        type="button"
                        className={`chip${applied.includes(tr.id) ? ' on' : ''}`}
                        data-testid={`try-${tr.id}`}
                        onClick={() => {
                          actions.tryThis(lesson, k, tr);
                          setApplied((a) => [...a, tr.id]);
                        }}
                      >
                        {applied.includes(tr.id) ? t('ui.applied') : t('ui.apply')}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {problem ? (
              <p className="lesson-problem" role="alert">
                {t('ui.invalid', { message: `${problem.path}: ${problem.message}` })}
              </p>
            ) : null}
          </div>
          <footer className="lesson-nav">
            <button
              type="button"
              className="btn"
              disabled={k === 0}
              onClick={() => actions.goTo(lesson, k - 1)}
              data-testid="lesson-back"
            >
              ← {t('ui.back')}
            </button>
            <button
              type="button"
              className="btn"
              title={t('ui.resetHelp')}
              onClick={() => {
                actions.reset(lesson, k);
                setApplied([]);
              }}
              data-testid="lesson-reset"
            >
              ↺ {t('ui.reset')}
            </button>
            {k < m - 1 ? (
              <button
                type="button"
                className="btn primary"
                onClick={() => actions.goTo(lesson, k + 1)}
                data-testid="lesson-next"
              >
                {t('ui.next')} →
              </button>
            ) : (
              <button
                type="button"
                className="btn primary"
                onClick={openStartScreen}
                data-testid="lesson-finish"
              >
                {t('ui.finish')}
              </button>
            )}
            <button
              type="button"
              className="link lesson-exit"
              title={t('ui.exitHelp')}
              onClick={() => actions.leave()}
              data-testid="lesson-exit"
            >
              {t('ui.exit')}
            </button>
          </footer>
        </>
      )}
    </aside>
  );
}
