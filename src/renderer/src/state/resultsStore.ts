/**
 * Derived data: what the jobs computed for the current experiment. Large arrays are kept as typed
 * arrays and replaced (never copied element by element); `version` fields tell views to redraw.
 */
import type { SliceCritical } from '../../../core/landscape/critical';
import type { RunResult } from '../../../core/train/trainRun';
import { createStore, type Store } from './createStore';

export type RunPhase = 'queued' | 'running' | 'ok' | 'diverged' | 'cancelled' | 'error';

export interface RunTrace {
  readonly name: string;
  readonly color: string;
  readonly phase: RunPhase;
  readonly message?: string;
  readonly totalSteps: number;
  /** loss[0..filled) known so far. */
  readonly loss: Float64Array;
  readonly filled: number;
  /** Parameter snapshots (streamed while training, then the result's path). */
  readonly snapshots: readonly Float64Array[];
  readonly snapshotSteps: readonly number[];
  readonly result: RunResult | null;
}

/** A critical point of the slice, as core's sliceFinish job found and classified it. */
export type { SliceCritical } from '../../../core/landscape/critical';
export type CriticalKind = SliceCritical['kind'];

/** Full-space analysis of one point (analyze job). */
export interface PointAnalysis {
  readonly label: string;
  readonly loss: number;
  readonly gradNorm: number;
  readonly eigenvalues: readonly number[];
  readonly classification: string;
  readonly index: number;
  /** Whether the critical-point test (‖∇L‖ small) holds: only then does the classification name the point. */
  readonly critical?: boolean;
}

export interface Slice {
  readonly alpha: Float64Array;
  readonly beta: Float64Array;
  /** loss[i*alpha.length + j] = L(center + alpha[j] d1 + beta[i] d2); rows >= rowsDone may be NaN. */
  readonly loss: Float64Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  readonly center: Float64Array;
  readonly rowsDone: number;
  readonly critical: readonly SliceCritical[];
  /** 1 where the grid point lies in a plateau (small gradient relative to the loss range). */
  readonly plateau: Uint8Array | null;
  readonly source: string;
}

export interface Census {
  readonly finalLosses: readonly { optimizer: string; loss: number }[];
  readonly bestShare?: number;
  readonly minima?: number;
}

export interface BarrierProfile {
  readonly s: readonly number[];
  readonly loss: readonly number[];
  /** Loss along the straight line between the same two points, for comparison. */
  readonly straight?: readonly number[];
  readonly barrier: number;
  /** The band projected on the slice's plane (when a slice existed), drawn on the surface. */
  readonly onPlane?: {
    readonly alpha: readonly number[];
    readonly beta: readonly number[];
    readonly loss: readonly number[];
  };
}

/** A basin-of-attraction map of a surface model (basins job): where each start of an n x n grid ends. */
export interface BasinMap {
  readonly n: number;
  readonly window: { readonly a: readonly [number, number]; readonly b: readonly [number, number] };
  /** 'newtonIteration' or the run's optimizer type, and the run it came from (null: Newton). */
  readonly method: string;
  readonly run: string | null;
  /** The critical points labels index, with their classification (analyze's rule). */
  readonly points: readonly { readonly at: readonly [number, number]; readonly kind: string }[];
  /** label[i*n + j] for the start (a_j, b_i): an index into points, -1 none, -2 diverged. */
  readonly label: Int32Array;
}

export interface Progress {
  readonly fraction: number;
  readonly label: string;
}

export interface ResultsState {
  readonly runs: readonly RunTrace[];
  readonly slice: Slice | null;
  readonly sliceVersion: number;
  readonly analysis: readonly PointAnalysis[];
  readonly census: Census | null;
  readonly barrier: BarrierProfile | null;
  readonly basins: BasinMap | null;
  readonly progress: Progress | null;
  readonly error: string | null;
  /** Document revision these results were computed for (stale when the document moved on). */
  readonly revision: number;
}

export type ResultsStore = Store<ResultsState>;

export function createResultsStore(): ResultsStore {
  return createStore<ResultsState>({
    runs: [],
    slice: null,
    sliceVersion: 0,
    analysis: [],
    census: null,
    barrier: null,
    basins: null,
    progress: null,
    error: null,
    revision: -1,
  });
}

/** Replace one run's trace by name. */
export function updateRun(store: ResultsStore, name: string, patch: Partial<RunTrace>): void {
  store.set((s) => ({ runs: s.runs.map((r) => (r.name === name ? { ...r, ...patch } : r)) }));
}

/** The largest step any run has reached. */
export function maxStep(runs: readonly RunTrace[]): number {
  let m = 0;
  for (const r of runs) m = Math.max(m, r.filled - 1);
  return m;
}
