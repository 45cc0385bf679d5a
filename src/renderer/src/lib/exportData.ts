/**
 * The export files: the experiment with its results as JSON (typed arrays as plain arrays; the result
 * names the experiment it came from), the slice grid, and the paths on the slice as CSV.
 */
import type { ExperimentInput } from '../../../core/experiment/schema';
import type { RunTrace, Slice } from '../state/resultsStore';
import { toCsv } from './csv';
import { pathOnSlice } from './pathOnSlice';

export function experimentWithResults(
  draft: ExperimentInput,
  runs: readonly RunTrace[],
  slice: Slice | null,
): string {
  const doc = {
    experiment: draft,
    results: {
      runs: runs.map((r) => ({
        name: r.name,
        status: r.phase,
        ...(r.message ? { message: r.message } : {}),
        engine: r.result?.engine,
        kernel: r.result?.kernel,
        steps: r.result?.steps ?? Math.max(0, r.filled - 1),
        loss: Array.from(r.loss.subarray(0, r.filled)),
        testLoss: r.result ? Array.from(r.result.testLoss) : [],
        params: r.result ? Array.from(r.result.params) : [],
        evals: r.result
          ? {
              loss: Array.from(r.result.evals.loss),
              grad: Array.from(r.result.evals.grad),
              hvp: Array.from(r.result.evals.hvp),
            }
          : undefined,
      })),
      slice: slice
        ? {
            alpha: Array.from(slice.alpha),
            beta: Array.from(slice.beta),
            loss: Array.from(slice.loss),
            d1: Array.from(slice.d1),
            d2: Array.from(slice.d2),
            center: Array.from(slice.center),
            critical: slice.critical,
          }
        : null,
    },
  };
  return JSON.stringify(doc, null, 1);
}

export function gridCsv(slice: Slice): string {
  const na = slice.alpha.length;
  const rows: number[][] = [];
  for (let i = 0; i < slice.beta.length; i++)
    for (let j = 0; j < na; j++) rows.push([slice.alpha[j]!, slice.beta[i]!, slice.loss[i * na + j]!]);
  return toCsv(['alpha', 'beta', 'loss'], rows);
}

export function pathsCsv(slice: Slice, runs: readonly RunTrace[]): string {
  const rows: (number | string)[][] = [];
  for (const r of runs) {
    if (r.snapshots.length === 0 || r.snapshots[0]!.length !== slice.center.length) continue;
    const p = pathOnSlice(slice, r.snapshots, r.snapshotSteps, r.loss);
    for (let k = 0; k < p.steps.length; k++)
      rows.push([
        r.name,
        p.steps[k]!,
        p.alpha[k]!,
        p.beta[k]!,
        p.loss[k]!,
        p.surfaceLoss[k]!,
        p.offPlane[k]!,
      ]);
  }
  return toCsv(['run', 'step', 'alpha', 'beta', 'loss', 'surface_loss', 'off_plane_relative'], rows);
}
