/**
 * What the lesson controls do to the app's stores: open a lesson as a new document, move between steps,
 * reset, apply a "try this" change, leave. Every change goes through the document store, so it saves,
 * autosaves and recomputes like any edit.
 */
import i18next from 'i18next';
import { useMemo } from 'react';
import type { ExperimentInput } from '../../../core/experiment/schema';
import { setPlaneKind } from '../jobs/landscapeEdits';
import { useApp, type AppStores } from '../state/AppContext';
import { LESSONS_NS } from './i18n';
import { sceneAt as rawSceneAt, withLessonStep, withoutLesson } from './lessonState';
import { applyPatch } from './patch';
import { lessonList } from './registry';
import type { Lesson, StepView, TryThis } from './types';

/** The step's experiment, named in the language the lesson is read in (the name is what titles show). */
function sceneAt(lesson: Lesson, step: number): ExperimentInput {
  const t = i18next.getFixedT(null, LESSONS_NS);
  const n = lessonList.indexOf(lesson) + 1;
  return { ...rawSceneAt(lesson, step), name: t('ui.documentName', { n, title: t(`${lesson.id}.title`) }) };
}

function replaceDraft(stores: AppStores, next: ExperimentInput): void {
  stores.doc.edit((d) => {
    const target = d as unknown as Record<string, unknown>;
    for (const k of Object.keys(target)) delete target[k];
    Object.assign(target, structuredClone(next));
  });
}

function showStep(stores: AppStores, view: StepView | undefined): void {
  const { plane, ...rest } = view ?? {};
  // The plane is the document's landscape section, not a view setting.
  if (plane) setPlaneKind(stores.doc, plane);
  const patch = { step: null, pinned: null, curveLog: true, ...rest };
  stores.view.set(patch as Parameters<AppStores['view']['set']>[0]);
  // With automatic recomputation on, the edit itself starts the jobs; otherwise start them here.
  if (!stores.view.get().autoRun) stores.runner.run();
}

/** The view settings a lesson step may change; what they were before the lesson is put back on leaving. */
const STEP_VIEW_KEYS = [
  'surfaceMode',
  'logScale',
  'curveLog',
  'showUnits',
  'showKinks',
  'step',
  'pinned',
] as const;
let viewBeforeLesson: Partial<ReturnType<AppStores['view']['get']>> | null = null;

function rememberView(stores: AppStores): void {
  if (viewBeforeLesson !== null) return;
  const v = stores.view.get();
  viewBeforeLesson = Object.fromEntries(STEP_VIEW_KEYS.map((k) => [k, v[k]]));
}

export interface LessonActions {
  open(lesson: Lesson, step?: number): void;
  goTo(lesson: Lesson, step: number): void;
  reset(lesson: Lesson, step: number): void;
  tryThis(lesson: Lesson, step: number, t: TryThis): void;
  leave(): void;
}

export function useLessonActions(): LessonActions {
  const stores = useApp();
  return useMemo<LessonActions>(
    () => ({
      open(lesson, step = 0) {
        rememberView(stores);
        stores.doc.replace(sceneAt(lesson, step), null);
        showStep(stores, lesson.steps[step]?.view);
      },
      goTo(lesson, step) {
        replaceDraft(stores, sceneAt(lesson, step));
        showStep(stores, lesson.steps[step]?.view);
      },
      reset(lesson, step) {
        replaceDraft(stores, sceneAt(lesson, step));
        showStep(stores, lesson.steps[step]?.view);
      },
      tryThis(lesson, step, t) {
        const next = withLessonStep(applyPatch(stores.doc.get().draft, t.patch), lesson, step);
        replaceDraft(stores, next);
        showStep(stores, { ...lesson.steps[step]?.view, ...t.view });
      },
      leave() {
        replaceDraft(stores, withoutLesson(stores.doc.get().draft));
        // Leaving a lesson gives the view back as it was (top-down, log scale, ... are the lesson's).
        if (viewBeforeLesson) stores.view.set(viewBeforeLesson);
        viewBeforeLesson = null;
      },
    }),
    [stores],
  );
}
