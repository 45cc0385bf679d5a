/**
 * The app's side of the one pipeline: it hands the document to core's coordinator (planExperiment +
 * runPlan, the same code `relief landscape` runs) on the Engine (Web Workers or IPC) and puts what the
 * coordinator streams into the results store — runs' loss and snapshots as they train, the plane, grid
 * rows, the finished slice with its critical points, the full-space analysis. It computes nothing
 * itself. It owns the live pipeline, so Cancel and a newer edit stop everything in flight.
 */
import { summarizeCensus, type CensusEntry } from '../../../core/analysis/census';
import type { Experiment } from '../../../core/experiment/schema';
import type { LandscapeSpec } from '../../../core/experiment/landscapeSchema';
import type { SliceCritical } from '../../../core/landscape/critical';
import {
  runPlan,
  type GridSlice,
  type PipelineEvent,
  type PipelineHandle,
} from '../../../core/pipeline/coordinator';
import { defaultLandscape, planExperiment } from '../../../core/pipeline/plan';
import type { RunResult } from '../../../core/train/trainRun';
import { createThrottle } from '../../../core/throttle';
import type { Engine, JobHandle } from '../engine/types';
import { PARAMETER_PLANE, PROVISIONAL_PLANE } from '../lib/planeAxes';
import type { DocumentStore } from '../state/documentStore';
import type { ResultsStore, Slice } from '../state/resultsStore';
import type { ViewStore } from '../state/viewStore';
import { initialTraces, runFailed, runFinished, runProgressed } from './trainRuns';

export interface Runner {
  /** Recompute what the document needs (runs that are already trained for it are kept). */
  run(): void;
  cancel(): void;
  /** Recompute only the slice (the landscape section changed); same as run(). */
  reslice(): void;
  /** Final losses over many seeded starts (census job). */
  census(): void;
  /** Minimum-energy path between the first two runs' end points (neb job). */
  barrier(): void;
  /** Basin-of-attraction map of a surface model by one run's optimizer, or the Newton iteration (null). */
  basins(run: string | null): void;
  readonly busy: () => boolean;
}

/** Interval between redraws of a slice whose rows are still arriving. */
const PUBLISH_MS = 300;

/** Starts per axis of the app's basin maps. */
const BASIN_N = 81;

/** Seeded initializations per census (x every run). */
const CENSUS_INITS = 8;

/** The landscape section the picture comes from: the document's own (the app fills it in on open). */
export function landscapeOfDocument(e: Experiment): LandscapeSpec {
  return e.landscape ?? defaultLandscape(e);
}

/** What a slice is labelled with: the plane kind, or an analytic surface's own (a, b) plane. */
export function sliceSource(e: Experiment, spec: LandscapeSpec): string {
  const d = spec.directions;
  const unit = (v: readonly number[], k: number) => v.length === 2 && v[k] === 1 && v[1 - k] === 0;
  if (e.model.kind === 'surface' && d.kind === 'explicit' && unit(d.d1, 0) && unit(d.d2, 1))
    return PARAMETER_PLANE;
  return d.kind;
}

/** Everything but the picture: two documents with the same key train the same runs. */
function trainKey(e: Experiment): string {
  const { landscape: _l, view: _v, ...rest } = e as Experiment & { view?: unknown };
  return JSON.stringify(rest);
}

function sliceOf(
  grid: GridSlice,
  rowsDone: number,
  source: string,
  critical: readonly SliceCritical[] = [],
  plateauLabels?: Int32Array,
): Slice {
  return {
    alpha: grid.alpha,
    beta: grid.beta,
    loss: grid.loss,
    d1: grid.d1,
    d2: grid.d2,
    center: grid.center,
    rowsDone,
    critical,
    plateau: plateauLabels ? Uint8Array.from(plateauLabels, (l) => (l > 0 ? 1 : 0)) : null,
    source,
  };
}

export function createRunner(
  engine: Engine,
  doc: DocumentStore,
  view: ViewStore,
  results: ResultsStore,
): Runner {
  let pipeline: PipelineHandle | null = null;
  let live: JobHandle<unknown>[] = [];
  let generation = 0;
  /** The runs trained for the current train key (kept when only the picture changes). */
  let trained: { key: string; runs: Map<string, RunResult> } | null = null;
  /** The runs and landscape of the pipeline in flight, and of the last one that finished. */
  let computing: string | null = null;
  let shown: string | null = null;

  const setProgress = (fraction: number, label: string) =>
    results.set({ progress: fraction >= 1 ? null : { fraction, label } });

  function cancel(): void {
    generation++;
    computing = null;
    pipeline?.cancel();
    pipeline = null;
    for (const h of live) h.cancel();
    live = [];
    // Their late results are dropped (generation), so say here that unfinished runs stopped.
    results.set((s) => ({
      progress: null,
      runs: s.runs.map((r) =>
        r.phase === 'running' || r.phase === 'queued' ? { ...r, phase: 'cancelled' } : r,
      ),
    }));
  }

  function run(): void {
    const draft = doc.get().experiment;
    if (!draft) return;
    const landscape = landscapeOfDocument(draft);
    const e: Experiment = { ...draft, landscape };
    const key = trainKey(e);
    const picture = key + JSON.stringify(landscape);
    // An edit of the view section only (log scale, colour map...): the numbers already shown (or being
    // computed) are this document's; nothing to recompute. Run pressed without an edit recomputes.
    const edited = results.get().revision !== doc.get().revision;
    if (edited && (picture === computing || (picture === shown && results.get().slice))) {
      results.set({ revision: doc.get().revision });
      return;
    }
    cancel();
    computing = picture;
    const gen = generation;
    const keep =
      trained?.key === key && e.runs.every((r) => trained!.runs.get(r.name)?.status === 'ok')
        ? trained!.runs
        : null;
    const source = sliceSource(e, landscape);
    const plan = planExperiment(e, { analysis: true, provisional: !results.get().slice });
    results.set({
      ...(keep ? {} : { runs: initialTraces(e), analysis: [], census: null, barrier: null, basins: null }),
      error: null,
      revision: doc.get().revision,
      progress: { fraction: 0, label: keep ? 'slice' : 'train' },
    });
    if (!keep) view.set({ step: null, pinned: null, selectedCritical: null, playing: false });
    else view.set({ selectedCritical: null });
    const done = new Map<string, RunResult>(keep ?? []);
    const due = createThrottle(PUBLISH_MS);
    const current = () => gen === generation;
    const onEvent = (ev: PipelineEvent) => {
      if (!current()) return;
      switch (ev.type) {
        case 'run':
          runProgressed(results, ev.name, ev.partial);
          break;
        case 'runDone':
          done.set(ev.name, ev.result);
          runFinished(results, ev.result);
          break;
        case 'runFailed':
          runFailed(results, ev.name, ev.error.message);
          break;
        case 'provisional':
          // Never over a slice of this document's own plane.
          if (results.get().slice?.source === source) break;
          results.set((s) => ({
            slice: sliceOf(
              ev.slice,
              ev.slice.beta.length,
              e.model.kind === 'surface' ? source : PROVISIONAL_PLANE,
            ),
            sliceVersion: s.sliceVersion + 1,
          }));
          break;
        case 'plane':
        case 'rows': {
          const rowsDone = ev.type === 'rows' ? ev.rowsDone : 0;
          // Redrawing a large mesh costs several milliseconds: show the growing grid a few times a second.
          if (ev.type === 'rows' && rowsDone < ev.grid.beta.length && !due()) break;
          if (ev.type === 'plane' && results.get().slice?.source === source) break; // keep the old until rows come
          results.set((s) => ({
            slice: sliceOf(ev.grid, rowsDone, source),
            sliceVersion: s.sliceVersion + 1,
          }));
          break;
        }
        case 'slice': {
          const sl = ev.slice;
          results.set((s) => ({
            slice: sliceOf(sl, sl.beta.length, source, sl.critical ?? [], sl.plateauLabels),
            sliceVersion: s.sliceVersion + 1,
          }));
          break;
        }
        case 'analysis':
          results.set({
            analysis: ev.result.points.map((p) => ({
              label: p.label,
              loss: p.loss,
              gradNorm: p.gradNorm,
              eigenvalues: Array.from(p.eigenvalues),
              classification: p.classification,
              index: p.index,
              critical: p.critical,
            })),
          });
          break;
        case 'progress':
          setProgress(ev.fraction, ev.stage);
          break;
      }
    };
    pipeline = runPlan(keep ? { ...plan, train: [] } : plan, engine, onEvent, keep ?? undefined);
    pipeline.result.then(
      (r) => {
        if (!current()) return;
        if (r.status === 'ok') {
          trained = { key, runs: done };
          shown = picture;
        }
        computing = null;
        setProgress(1, '');
      },
      (err: unknown) => {
        if (!current()) return;
        computing = null;
        results.set({ error: err instanceof Error ? err.message : String(err), progress: null });
      },
    );
  }

  /** Run an on-demand analysis job on the Engine. */
  function analysis<R>(
    start: (onProgress: (f: number) => void) => JobHandle<R>,
    label: string,
    done: (r: R) => void,
  ): void {
    const gen = generation;
    setProgress(0.01, label);
    const h = start((f) => gen === generation && setProgress(Math.min(0.99, f), label));
    live.push(h);
    h.result.then(
      (r) => {
        if (gen !== generation) return;
        done(r);
        setProgress(1, '');
      },
      (err: unknown) =>
        gen === generation &&
        results.set({ error: err instanceof Error ? err.message : String(err), progress: null }),
    );
  }

  function census(): void {
    const e = doc.get().experiment;
    if (!e) return;
    const inits = Array.from({ length: CENSUS_INITS }, (_, k) => k);
    const names = e.runs.map((r) => r.name);
    analysis(
      (p) => engine.run('census', { experiment: e, inits }, p),
      'census',
      (r: { entries: CensusEntry[] }) => {
        const sum = summarizeCensus(r.entries, inits.length, names);
        const best = Object.values(sum.shareBest);
        results.set({
          census: {
            finalLosses: r.entries
              .filter((x) => Number.isFinite(x.loss))
              .map((x) => ({ optimizer: x.run, loss: x.loss })),
            minima: sum.clusters.length,
            ...(best.length ? { bestShare: best.reduce((a, b) => a + b, 0) / best.length } : {}),
          },
        });
      },
    );
  }

  function barrier(): void {
    const e = doc.get().experiment;
    const rs = results.get().runs;
    const sl = results.get().slice;
    if (!e || rs.length < 2) return;
    const runs: Record<string, { params: Float64Array<ArrayBuffer> }> = {};
    for (const r of rs) if (r.result) runs[r.name] = { params: r.result.params };
    const f64 = (a: Float64Array) => Float64Array.from(a);
    analysis(
      (p) =>
        engine.run(
          'neb',
          {
            experiment: e,
            neb: { from: { run: rs[0]!.name }, to: { run: rs[1]!.name }, maxIter: 1500 },
            runs,
            ...(sl ? { plane: { center: f64(sl.center), d1: f64(sl.d1), d2: f64(sl.d2) } } : {}),
          },
          p,
        ),
      'neb',
      (r) =>
        results.set({
          barrier: {
            s: Array.from(r.s),
            loss: Array.from(r.loss),
            ...(r.straightLoss ? { straight: Array.from(r.straightLoss) } : {}),
            ...(r.onPlane
              ? {
                  onPlane: {
                    alpha: Array.from(r.onPlane.alpha),
                    beta: Array.from(r.onPlane.beta),
                    loss: Array.from(r.onPlane.trueLoss),
                  },
                }
              : {}),
            barrier: r.barrier,
          },
        }),
    );
  }

  function basins(run: string | null): void {
    const e = doc.get().experiment;
    if (!e || e.model.kind !== 'surface') return;
    analysis(
      (p) => engine.run('basins', { experiment: e, n: BASIN_N, ...(run !== null ? { run } : {}) }, p),
      'basins',
      (r) =>
        results.set({
          basins: {
            n: r.n,
            window: { a: r.window.a, b: r.window.b },
            method: r.method,
            run,
            points: r.points.map((q) => ({ at: q.at, kind: q.kind })),
            label: r.label,
          },
        }),
    );
  }

  return { run, cancel, reslice: run, census, barrier, basins, busy: () => results.get().progress !== null };
}
