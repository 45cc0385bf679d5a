/**
 * What a document needs computed, decided without computing anything: which runs to train, whether and
 * which slice (the experiment's `landscape` section), which runs the plane waits for (none for a random,
 * Hessian, axes or explicit plane at a fixed point: its grid can start while the runs train) and whether
 * the full-space analysis follows. The coordinator (coordinator.ts) runs a plan on any job runner.
 */
import {
  directionsSchema,
  landscapeSchema,
  type DirectionsSpec,
  type LandscapeSpec,
} from '../experiment/landscapeSchema';
import type { Experiment } from '../experiment/schema';
import { runsNeeded } from '../landscape/plane';
import { specError } from '../landscape/points';
import type { Setup } from '../setup';
import { surfaceLandscape } from '../surface/plane';

export interface SlicePlan {
  /** The landscape section the slice is computed from (the document's own). */
  readonly landscape: LandscapeSpec;
  /** Runs the plane itself needs (PCA, interpolate, a run's end as center): the plane waits for them. */
  readonly planeNeeds: readonly string[];
  /** Runs the rest needs (paths, the line): the finishing job waits for them. */
  readonly finishNeeds: readonly string[];
}

export interface ExperimentPlan {
  readonly experiment: Experiment;
  /** Runs to train, in the document's order. */
  readonly train: readonly string[];
  readonly slice: SlicePlan | null;
  /** Full-space Hessian analysis of the start and every trained run's end, after everything else. */
  readonly analysis: boolean;
  /** While the plane waits for runs, show a coarse slice of a random plane through the start. */
  readonly provisional: boolean;
}

export interface PlanOptions {
  /** Train every run ('all', the app and `relief run`) or only those the slice needs ('needed'). */
  readonly train?: 'all' | 'needed';
  readonly slice?: boolean;
  readonly analysis?: boolean;
  readonly provisional?: boolean;
}

/**
 * The landscape section a document without one is drawn with: a surface's own (a, b) parameter plane
 * over its viewing window; for a network, the schema's defaults (a filter-normalized random plane
 * through the start). The app writes it into the document, so Save keeps the picture.
 */
export function defaultLandscape(e: Experiment): LandscapeSpec {
  return landscapeSchema.parse(e.model.kind === 'surface' ? surfaceLandscape(e.model) : {});
}

export type PlaneKind = DirectionsSpec['kind'];

/**
 * The directions of a plane kind chosen in the app: the document's own when it is of that kind (lessons
 * and files set Hessian ends, interpolation points...), else the kind's schema defaults; interpolate
 * goes through the first two runs' ends, axes are the first two parameters.
 */
export function directionsFor(kind: PlaneKind, e: Pick<Experiment, 'runs' | 'landscape'>): DirectionsSpec {
  if (e.landscape?.directions.kind === kind) return e.landscape.directions;
  const [a, b] = e.runs;
  const extra =
    kind === 'interpolate'
      ? { points: [{ run: a!.name }, { run: (b ?? a)!.name }] }
      : kind === 'axes'
        ? { d1: 0, d2: 1 }
        : {};
  return directionsSchema.parse({ kind, ...extra });
}

/** Runs a landscape spec needs, split into what the plane needs and what the paths and line need. */
function sliceNeeds(e: Experiment, spec: LandscapeSpec): SlicePlan {
  // runsNeeded reads only the document's run names; it needs no data or network built.
  const setup = { experiment: e } as Setup;
  const planeNeeds = runsNeeded({ ...spec, paths: false, line: undefined }, setup);
  const finishNeeds = runsNeeded(spec, setup);
  return { landscape: spec, planeNeeds, finishNeeds };
}

export function planExperiment(e: Experiment, options: PlanOptions = {}): ExperimentPlan {
  const wantSlice = options.slice ?? true;
  if (wantSlice && !e.landscape) throw specError('landscape', 'the experiment has no "landscape" section');
  const slice = wantSlice && e.landscape ? sliceNeeds(e, e.landscape) : null;
  const all = e.runs.map((r) => r.name);
  const train = (options.train ?? 'all') === 'all' ? all : all.filter((n) => slice?.finishNeeds.includes(n));
  return {
    experiment: e,
    train,
    slice,
    analysis: options.analysis ?? false,
    provisional: (options.provisional ?? false) && slice !== null && slice.planeNeeds.length > 0,
  };
}

/** Splits [0, n) into about `parts` contiguous ranges (grid rows over a pool's workers). */
export function splitRange(n: number, parts: number): [number, number][] {
  const k = Math.max(1, Math.min(n, Math.floor(parts)));
  const out: [number, number][] = [];
  for (let i = 0; i < k; i++) out.push([Math.floor((i * n) / k), Math.floor(((i + 1) * n) / k)]);
  return out;
}

/** Grid side of the provisional slice shown while the plane waits for runs. */
export const PROVISIONAL_SIDE = 31;

/** The landscape of the provisional slice: a filter-normalized random plane through the start, [-1, 1]². */
export function provisionalLandscape(e: Experiment): LandscapeSpec {
  return landscapeSchema.parse({
    ...(e.model.kind === 'surface' ? surfaceLandscape(e.model) : {}),
    resolution: [PROVISIONAL_SIDE, PROVISIONAL_SIDE],
    paths: false,
    critical: false,
  });
}
