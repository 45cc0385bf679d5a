/** The lesson start screen: every bundled lesson with its summary, a language switch, and a way out. */
import { useEffect, useRef } from 'react';
import { useDoc } from '../state/AppContext';
import { useStore } from '../state/createStore';
import { useLessonsT } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { lessonRefOf } from './lessonState';
import { lessonList } from './registry';
import { closeStartScreen, startScreen } from './startScreenStore';
import { useLessonActions } from './useLessonActions';

export function StartScreen() {
  const open = useStore(startScreen, (s) => s.open);
  const { t } = useLessonsT();
  const actions = useLessonActions();
  const current = useDoc((s) => lessonRefOf(s.draft)?.id ?? null);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    dialog.current?.querySelector<HTMLButtonElement>('button.primary')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') closeStartScreen();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  if (!open) return null;
  return (
    <div className="lesson-backdrop" onClick={(e) => e.target === e.currentTarget && closeStartScreen()}>
      <div
        ref={dialog}
        className="lesson-start"
        role="dialog"
        aria-modal="true"
        aria-labelledby="lesson-start-title"
        data-testid="lesson-start"
      >
        <header className="lesson-start-head">
          <h2 id="lesson-start-title">{t('ui.startTitle')}</h2>
          <LanguageSwitch />
        </header>
        <p className="lesson-start-intro">{t('ui.startIntro')}</p>
        <section
          className="lesson-look"
          aria-labelledby="lesson-look-title"
          data-testid="what-am-i-looking-at"
        >
          <h3 id="lesson-look-title">{t('ui.lookTitle')}</h3>
          <ul>
            {(['surface', 'paths', 'curves', 'function'] as const).map((k) => (
              <li key={k}>{t(`ui.look.${k}`)}</li>
            ))}
          </ul>
        </section>
        <ol className="lesson-cards">
          {lessonList.map((lesson, i) => (
            <li key={lesson.id} className="lesson-card" data-testid={`lesson-card-${lesson.id}`}>
              <div className="lesson-card-num" aria-hidden>
                {i + 1}
              </div>
              <div className="lesson-card-body">
                <div className="lesson-card-meta">
                  {t('ui.lessonNumber', { n: i + 1 })} · {t('ui.steps', { count: lesson.steps.length })}
                  {lesson.seed ? ` · ${t('ui.source', { seed: lesson.seed })}` : ''}
                </div>
                <h3>{t(`${lesson.id}.title`)}</h3>
                <p>{t(`${lesson.id}.summary`)}</p>
              </div>
              <button
                type="button"
                className={`btn${i === 0 ? ' primary' : ''}`}
                data-testid={`open-lesson-${lesson.id}`}
                onClick={() => {
                  if (current !== lesson.id) actions.open(lesson);
                  closeStartScreen();
                }}
              >
                {current === lesson.id ? t('ui.continue') : t('ui.open')}
              </button>
            </li>
          ))}
        </ol>
        <footer className="lesson-start-foot">
          <button type="button" className="btn" onClick={closeStartScreen} data-testid="lesson-start-close">
            {t('ui.explore')}
          </button>
        </footer>
      </div>
    </div>
  );
}
