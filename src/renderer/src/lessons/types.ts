/**
 * A lesson is data: an experiment file, then ordered steps. Each step may set the scene (a patch applied
 * on top of the previous steps' scenes) and offers "try this" prompts, each a small declarative patch.
 * Text lives in the `lessons` i18n namespace under `<lesson id>.…`, never here, so both languages share
 * one structure.
 */
import type { ExperimentInput } from '../../../core/experiment/schema';

/** A dotted path into the experiment: "model.hidden", "data.target.knots.2.1", "runs.@gd.optimizer.lr". */
export type PatchPath = string;

export type PatchOp =
  /** Set a value (creating missing objects on the way). */
  | { readonly op: 'set'; readonly path: PatchPath; readonly value: unknown }
  /** Delete a field (or an array element). */
  | { readonly op: 'remove'; readonly path: PatchPath }
  /** Add a run, replacing any run of the same name. */
  | { readonly op: 'addRun'; readonly run: Record<string, unknown> & { readonly name: string } }
  /** Remove the run of this name (no-op when absent). */
  | { readonly op: 'removeRun'; readonly name: string }
  /** Keep only the runs of these names. */
  | { readonly op: 'keepRuns'; readonly names: readonly string[] }
  /** Seed 000: set the model to the exact network of the target's knots (cpwlToNetwork). */
  | { readonly op: 'exactFromKnots' }
  /** Set the model to the CPWL network interpolating the target at these x positions. */
  | { readonly op: 'interpolateTarget'; readonly xs: readonly number[] };

export type Patch = readonly PatchOp[];

export interface TryThis {
  /** Text key: `<lesson>.steps.<step>.try.<id>`. */
  readonly id: string;
  readonly patch: Patch;
  /** How to show the result (e.g. the plane a changed landscape section is of). */
  readonly view?: StepView;
}

/** How the explorer should show a step (view-only; never saved in the experiment). */
export interface StepView {
  readonly plane?: 'random' | 'pca' | 'hessian' | 'axes' | 'interpolate';
  readonly surfaceMode?: '3d' | 'top';
  readonly logScale?: boolean;
  /** Log axis of the loss curves (off where losses go below 0, as on some surfaces). */
  readonly curveLog?: boolean;
  readonly showUnits?: boolean;
  readonly showKinks?: boolean;
}

export interface LessonStep {
  /** Text keys: `<lesson>.steps.<id>.title` and `.text`. */
  readonly id: string;
  /** Applied when the step is entered, on top of the lesson experiment and earlier scenes. */
  readonly scene?: Patch;
  readonly tryThis?: readonly TryThis[];
  readonly view?: StepView;
  /** While on this step, keep the model equal to the exact network of the target's knots. */
  readonly followKnots?: boolean;
  /** Show each run's update formula beside its colour. */
  readonly formulas?: boolean;
}

export interface Lesson {
  /** Stable id, stored in saved experiments (`lesson.id`) and used as the text key prefix. */
  readonly id: string;
  /** Source document of the syllabus (shared/seeds), e.g. "000"; null for lessons built on several. */
  readonly seed: string | null;
  readonly experiment: ExperimentInput;
  readonly steps: readonly LessonStep[];
}
