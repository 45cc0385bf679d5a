/**
 * Pure lesson navigation: the experiment a step starts from, the lesson a saved experiment belongs to,
 * and keeping the exact network in step with dragged knots (seed 000). The UI only calls these.
 */
import type { ExperimentInput } from '../../../core/experiment/schema';
import { cpwlToNetwork } from '../../../core/network/cpwl';
import { applyPatch } from './patch';
import type { Lesson } from './types';

export interface LessonRef {
  readonly id: string;
  readonly step: number;
}

/** The lesson note of a draft, if it has a well-formed one. */
export function lessonRefOf(draft: ExperimentInput): LessonRef | null {
  const l = (draft as { lesson?: unknown }).lesson;
  if (typeof l !== 'object' || l === null) return null;
  const { id, step } = l as { id?: unknown; step?: unknown };
  return typeof id === 'string' && Number.isInteger(step) ? { id, step: step as number } : null;
}

export function clampStep(lesson: Lesson, step: number): number {
  return Math.max(0, Math.min(lesson.steps.length - 1, Math.trunc(step)));
}

/** The draft with its lesson note set to (lesson, step). */
export function withLessonStep(draft: ExperimentInput, lesson: Lesson, step: number): ExperimentInput {
  return { ...draft, lesson: { id: lesson.id, step: clampStep(lesson, step) } } as ExperimentInput;
}

/**
 * The experiment step k starts from: the lesson's file, then the scenes of steps 0..k in order. Every
 * step is reproducible, so Reset, Back and the screenshots all see the same state.
 */
export function sceneAt(lesson: Lesson, step: number): ExperimentInput {
  const k = clampStep(lesson, step);
  let d: ExperimentInput = structuredClone(lesson.experiment);
  for (let i = 0; i <= k; i++) {
    const scene = lesson.steps[i]!.scene;
    if (scene) d = applyPatch(d, scene);
  }
  return withLessonStep(d, lesson, k);
}

/** A draft is no longer in a lesson once the note is removed. */
export function withoutLesson(draft: ExperimentInput): ExperimentInput {
  const d = { ...draft } as ExperimentInput & { lesson?: unknown };
  delete d.lesson;
  return d;
}

function sameNumbers(a: readonly number[] | undefined, b: Float64Array): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < b.length; i++)
    if (Math.abs(a[i]! - b[i]!) > 1e-12 * (1 + Math.abs(b[i]!))) return false;
  return true;
}

/**
 * When the target's knots moved (dragged in the knot editor), the draft with its model set to the exact
 * network of the new knots; null when the model already is that network or the knots are not usable.
 */
export function followKnots(draft: ExperimentInput): ExperimentInput | null {
  const t = (draft as { data?: { target?: object } }).data?.target;
  if (!t || !('knots' in t)) return null;
  let net;
  try {
    net = cpwlToNetwork((t as { knots: [number, number][] }).knots);
  } catch {
    return null; // knots out of order while dragging: the validator reports them
  }
  const m = draft.model as { hidden?: number[]; params?: number[]; init?: unknown };
  if (m.hidden?.length === 1 && m.hidden[0] === net.hidden && sameNumbers(m.params, net.params)) return null;
  const model = { ...m, inputs: 1, hidden: [net.hidden], params: Array.from(net.params, (v) => v + 0) };
  delete model.init;
  return { ...draft, model } as ExperimentInput;
}
