/**
 * Full-space analysis of one point: loss, gradient norm, Hessian spectrum (dense or Lanczos), the
 * symmetries of the network there (dead units, rescaling, ...) and the classification that follows.
 */
import type { Objective } from '../objective';
import type { Setup } from '../setup';
import { classifyCritical, DEFAULT_TOLERANCE, type Classification, type Tolerance } from './classify';
import { hessianSpectrum, type SpectrumOptions } from './hessianSpectrum';
import { symmetryReport, type SymmetryReport } from './symmetries';

/** One entry of the analysis file; label..index are fixed fields (docs/analysis.md). */
export interface PointAnalysis {
  label: string;
  loss: number;
  gradNorm: number;
  /** Ascending; all of them (dense) or the converged extremes (lanczos, see `partial`). */
  eigenvalues: Float64Array<ArrayBuffer>;
  classification: Classification;
  /** Number of negative eigenvalues (the saddle's index). */
  index: number;
  /** Whether ‖∇L‖ ≤ gradTol (the classification describes the local quadratic model either way). */
  critical: boolean;
  /** Zero eigenvalues (|λ| ≤ zeroThreshold); null with a partial spectrum. */
  flat: number | null;
  /** Flat directions explained by continuous symmetries; null when not computed. */
  symmetryFlat: number | null;
  unexplainedFlat: number | null;
  zeroThreshold: number;
  method: 'dense' | 'lanczos';
  partial: boolean;
  exactHessian: boolean;
  symmetries?: SymmetryReport;
  params: Float64Array<ArrayBuffer>;
}

export interface AnalyzeOptions extends SpectrumOptions {
  tolerance?: Tolerance;
  /** ‖∇L‖ at or below this counts as critical (default `criticalGradTol`: 1e-6·max(1, |L|)). */
  gradTol?: number;
}

export function analyzeObjective(
  f: Objective,
  p: Float64Array,
  label: string,
  symmetries: SymmetryReport | undefined,
  opts: AnalyzeOptions = {},
): PointAnalysis {
  const g = new Float64Array(f.dim);
  const loss = f.lossGrad(p, g);
  let gn = 0;
  for (let i = 0; i < g.length; i++) gn += g[i]! * g[i]!;
  gn = Math.sqrt(gn);
  const s = hessianSpectrum(f, p, opts);
  const c = classifyCritical(s.values, gn, loss, {
    symmetryFlat: symmetries?.flat ?? null,
    partial: s.partial,
    tolerance: opts.tolerance ?? DEFAULT_TOLERANCE,
    ...(opts.gradTol !== undefined ? { gradTol: opts.gradTol } : {}),
  });
  return {
    label,
    loss,
    gradNorm: gn,
    eigenvalues: s.values,
    classification: c.classification,
    index: c.index,
    critical: c.critical,
    flat: c.flat,
    symmetryFlat: symmetries ? symmetries.flat : null,
    unexplainedFlat: c.unexplainedFlat,
    zeroThreshold: c.zeroThreshold,
    method: s.method,
    partial: s.partial,
    exactHessian: s.exactHvp,
    ...(symmetries ? { symmetries } : {}),
    params: Float64Array.from(p),
  };
}

export function analyzePoint(
  setup: Setup,
  p: Float64Array,
  label: string,
  opts: AnalyzeOptions = {},
): PointAnalysis {
  const sym = setup.kind === 'network' ? symmetryReport(setup.spec, p, setup.data.train) : undefined;
  return analyzeObjective(setup.objective(), p, label, sym, { seed: setup.experiment.seed, ...opts });
}
