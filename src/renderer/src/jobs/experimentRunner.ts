/**
 * The one coordinator of recomputation: validate -> train every run (streaming) -> slice the plane ->
 * critical points. It owns the live job handles, so Cancel and a newer edit stop everything in flight.
 * Views never start jobs themselves.
 */
import type { Experiment } from '../../../core/experiment/schema';
import type { PointAnalysis } from '../../../core/analysis/analyzePoint';
import { summarizeCensus, type CensusEntry } from '../../../core/analysis/census';
import { isJobKind } from '../../../core/jobs/contract';
import { surfacePlane } from '../../../core/surface/plane';
import { createThrottle } from '../../../core/throttle';
import type { Engine, JobHandle } from '../engine/types';
import { findGridCritical, plateauMask } from '../lib/gridCritical';
import { PARAMETER_PLANE, PROVISIONAL_PLANE } from '../lib/planeAxes';
import type { DocumentStore } from '../state/documentStore';
import type { ResultsStore, Slice, SliceCritical } from '../state/resultsStore';
import type { ViewStore } from '../state/viewStore';
import {
  directionsFor,
  pcaPlaneOf,
  provisionalLandscape,
  runSnapshots,
  windowFor,
  withLandscape,
} from './sliceRequest';
import { initialTraces, trainRuns } from './trainRuns';

export interface Runner {
  run(): void;
  cancel(): void;
  /** Recompute only the slice (the plane or resolution changed). */
  reslice(): void;
  /** Final losses over many seeded starts (census job). */
  census(): void;
  /** Minimum-energy path between the first two runs' end points (neb job). */
  barrier(): void;
  readonly busy: () => boolean;
}

interface RawSlice {
  alpha: ArrayLike<number>;
  beta: ArrayLike<number>;
  loss: ArrayLike<number>;
  d1: ArrayLike<number>;
  d2: ArrayLike<number>;
  center: ArrayLike<number>;
  critical?: {
    kind: string;
    alpha: number;
    beta: number;
    loss: number;
    eigenvalues?: number[];
    refined?: boolean;
  }[];
  plateauLabels?: ArrayLike<number>;
}

/** Interval between redraws of a slice whose rows are still arriving. */
const PUBLISH_MS = 300;

/** Seeded initializations per census (x every run). */
const CENSUS_INITS = 8;

const f64 = (a: ArrayLike<number>) => (a instanceof Float64Array ? a : Float64Array.from(a));

function linspace(lo: number, hi: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = lo + ((hi - lo) * i) / (n - 1);
  out[n - 1] = hi;
  return out;
}

/** Newton from neighbouring grid candidates can land on the same point: keep one per half grid cell. */
export function dedupeCritical<T extends { kind: string; alpha: number; beta: number }>(
  alpha: Float64Array,
  beta: Float64Array,
  points: readonly T[],
): T[] {
  const ha = Math.abs(alpha[1]! - alpha[0]!) / 2;
  const hb = Math.abs(beta[1]! - beta[0]!) / 2;
  const out: T[] = [];
  for (const p of points)
    if (
      !out.some(
        (q) => q.kind === p.kind && Math.abs(q.alpha - p.alpha) <= ha && Math.abs(q.beta - p.beta) <= hb,
      )
    )
      out.push(p);
  return out;
}

export function toSlice(raw: RawSlice, source: string): Slice {
  const alpha = f64(raw.alpha);
  const beta = f64(raw.beta);
  const loss = f64(raw.loss);
  const grid = { alpha, beta, values: loss };
  const critical: SliceCritical[] = raw.critical
    ? // Grid candidates Newton could not confirm are left out: on steep valleys they are sampling artefacts.
      dedupeCritical(
        alpha,
        beta,
        raw.critical.filter((c) => c.refined !== false),
      ).map((c) => ({
        kind: c.kind as SliceCritical['kind'],
        alpha: c.alpha,
        beta: c.beta,
        loss: c.loss,
        eigenvalues: c.eigenvalues ?? [],
      }))
    : findGridCritical(grid).map((c) => ({ ...c, eigenvalues: [...c.eigenvalues] }));
  return {
    alpha,
    beta,
    loss,
    d1: f64(raw.d1),
    d2: f64(raw.d2),
    center: f64(raw.center),
    rowsDone: beta.length,
    critical,
    plateau: raw.plateauLabels
      ? Uint8Array.from(raw.plateauLabels, (l) => (l > 0 ? 1 : 0))
      : plateauMask(grid),
    source,
  };
}

export function createRunner(
  engine: Engine,
  doc: DocumentStore,
  view: ViewStore,
  results: ResultsStore,
  resolution: () => number,
): Runner {
  let live: JobHandle<unknown>[] = [];
  let generation = 0;

  const setProgress = (fraction: number, label: string) =>
    results.set({ progress: fraction >= 1 ? null : { fraction, label } });

  async function slice(e: Experiment, gen: number, base: number): Promise<void> {
    const kind = view.get().plane;
    const runs = results.get().runs;
    const n = resolution();
    const given = runSnapshots(runs);
    // A surface's slice is its own parameter plane, over the surface's viewing window.
    const surface = e.model.kind === 'surface' ? surfacePlane(e.model) : null;
    const source = surface ? PARAMETER_PLANE : kind;
    let plane = surface ?? (kind === 'pca' ? pcaPlaneOf(e, runs) : null);
    if (!plane) {
      // Probe: resolve the plane only (2x2 grid, no analysis), then frame the paths on it.
      const probe = engine.run<RawSlice>('landscape', {
        experiment: withLandscape(e, {
          center: 'init',
          directions: directionsFor(kind, e),
          alpha: [-1, 1],
          beta: [-1, 1],
          resolution: [2, 2],
          critical: false,
        }),
        runs: given,
      });
      live.push(probe);
      const r = await probe.result;
      if (gen !== generation) return;
      plane = { center: f64(r.center), d1: f64(r.d1), d2: f64(r.d2) };
    }
    const win = surface
      ? { alpha: surface.alphaRange, beta: surface.betaRange }
      : windowFor(plane, runs, kind);
    const alpha = linspace(win.alpha[0], win.alpha[1], n);
    const beta = linspace(win.beta[0], win.beta[1], n);
    const loss = new Float64Array(n * n).fill(NaN);
    const p = plane;
    let rowsDone = 0;
    const due = createThrottle(PUBLISH_MS);
    const publish = () =>
      results.set((s) => ({
        slice: { alpha, beta, loss, ...p, rowsDone, critical: [], plateau: null, source },
        sliceVersion: s.sliceVersion + 1,
      }));
    const h = engine.run<RawSlice>(
      'landscape',
      {
        experiment: withLandscape(e, {
          center: Array.from(p.center),
          directions: { kind: 'explicit', d1: Array.from(p.d1), d2: Array.from(p.d2) },
          alpha: win.alpha,
          beta: win.beta,
          resolution: [n, n],
          critical: true,
        }),
        runs: given,
      },
      (fraction, partial) => {
        if (gen !== generation) return;
        setProgress(base + (1 - base) * fraction * 0.98, 'slice');
        const part = partial as
          { type?: string; rowStart: number; rowEnd: number; loss: Float64Array } | undefined;
        if (part?.type === 'rows') {
          loss.set(part.loss, part.rowStart * n);
          rowsDone = Math.max(rowsDone, part.rowEnd);
          // Redrawing a large mesh costs several milliseconds: show the growing grid a few times a second.
          if (due()) publish();
        }
      },
    );
    live.push(h);
    const raw = await h.result;
    if (gen !== generation) return;
    results.set((s) => ({ slice: toSlice(raw, source), sliceVersion: s.sliceVersion + 1 }));
  }

  /**
   * While the first runs train there is no slice yet: show a coarse one at once (see provisionalLandscape),
   * submitted before the training jobs so it gets a worker first. It never replaces a slice of the same
   * parameter space (a re-run keeps its previous slice), and is dropped once the final slice starts.
   */
  function provisional(e: Experiment, gen: number, superseded: () => boolean): JobHandle<RawSlice> | null {
    if (results.get().slice) return null;
    const h = engine.run<RawSlice>('landscape', {
      experiment: withLandscape(e, provisionalLandscape(e)),
      runs: {},
    });
    h.result.then(
      (raw) => {
        if (gen !== generation || superseded() || results.get().slice) return;
        const source = e.model.kind === 'surface' ? PARAMETER_PLANE : PROVISIONAL_PLANE;
        const slice = toSlice({ ...raw, critical: [] }, source);
        results.set((r) => ({ slice, sliceVersion: r.sliceVersion + 1 }));
      },
      () => undefined, // cancelled or failed: the final slice follows anyway
    );
    return h;
  }

  function cancel(): void {
    generation++;
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
    const e = doc.get().experiment;
    if (!e) return;
    cancel();
    const gen = generation;
    const fractions = new Map<string, number>();
    results.set({
      runs: initialTraces(e),
      analysis: [],
      census: null,
      barrier: null,
      error: null,
      revision: doc.get().revision,
      progress: { fraction: 0, label: 'train' },
    });
    view.set({ step: null, pinned: null, selectedCritical: null, playing: false });
    let trained = false;
    const early = provisional(e, gen, () => trained);
    if (early) live.push(early);
    const { handles, done } = trainRuns(
      engine,
      e,
      results,
      (name, f) => {
        if (gen !== generation) return;
        fractions.set(name, f);
        let sum = 0;
        for (const v of fractions.values()) sum += v;
        setProgress((0.6 * sum) / e.runs.length, 'train');
      },
      () => gen === generation,
    );
    live.push(...handles);
    done
      .then(() => {
        trained = true;
        early?.cancel();
        return gen === generation ? slice(e, gen, 0.6) : undefined;
      })
      .then(() => (gen === generation ? analyze(e, gen) : undefined))
      .then(
        () => gen === generation && setProgress(1, ''),
        (err: unknown) => {
          if (gen !== generation) return;
          results.set({ error: err instanceof Error ? err.message : String(err), progress: null });
        },
      );
  }

  function reslice(): void {
    const e = doc.get().experiment;
    if (!e || results.get().runs.length === 0) return run();
    generation++;
    for (const h of live) h.cancel();
    live = [];
    const gen = generation;
    setProgress(0.01, 'slice');
    slice(e, gen, 0).then(
      () => gen === generation && setProgress(1, ''),
      (err: unknown) => gen === generation && results.set({ error: String(err), progress: null }),
    );
  }

  /** Run an on-demand analysis job; an honest message when this build has no such job. */
  function analysis<R>(kind: string, label: string, payload: unknown, done: (r: R) => void): void {
    if (!isJobKind(kind)) {
      results.set({ error: `The '${kind}' job is not available in this build.` });
      return;
    }
    const gen = generation;
    setProgress(0.01, label);
    const h = engine.run<R>(
      kind,
      payload,
      (f) => gen === generation && setProgress(Math.min(0.99, f), label),
    );
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
    analysis<{ entries: CensusEntry[] }>('census', 'census', { experiment: e, inits }, (r) => {
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
    });
  }

  function barrier(): void {
    const e = doc.get().experiment;
    const rs = results.get().runs;
    const sl = results.get().slice;
    if (!e || rs.length < 2) return;
    analysis<{
      loss: Float64Array;
      s: Float64Array;
      straightLoss?: Float64Array;
      barrier: number;
      onPlane?: { alpha: Float64Array; beta: Float64Array; trueLoss: Float64Array };
    }>(
      'neb',
      'neb',
      {
        experiment: e,
        neb: { from: { run: rs[0]!.name }, to: { run: rs[1]!.name }, maxIter: 1500 },
        runs: runSnapshots(rs),
        ...(sl ? { plane: { center: sl.center, d1: sl.d1, d2: sl.d2 } } : {}),
      },
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

  /** Full-space Hessian analysis of the start and every run's end (runs after the slice). */
  async function analyze(e: Experiment, gen: number): Promise<void> {
    if (!isJobKind('analyze')) return;
    setProgress(0.99, 'analyze');
    const runs: Record<string, { params: Float64Array }> = {};
    for (const r of results.get().runs) if (r.result) runs[r.name] = { params: r.result.params };
    const h = engine.run<{ points: PointAnalysis[] }>('analyze', { experiment: e, runs });
    live.push(h);
    const r = await h.result;
    if (gen !== generation) return;
    results.set({
      analysis: r.points.map((p) => ({
        label: p.label,
        loss: p.loss,
        gradNorm: p.gradNorm,
        eigenvalues: Array.from(p.eigenvalues),
        classification: p.classification,
        index: p.index,
        critical: p.critical,
      })),
    });
  }

  return { run, cancel, reslice, census, barrier, busy: () => results.get().progress !== null };
}
