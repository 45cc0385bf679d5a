import { describe, expect, it } from 'vitest';
import { landscapeSchema } from '../../../src/core/experiment/landscapeSchema';
import { inlineContext } from '../../../src/core/jobs/types';
import { createGridEvaluator } from '../../../src/core/landscape/grid';
import { resolvePlane } from '../../../src/core/landscape/plane';
import { computeSlice, type SliceRows } from '../../../src/core/landscape/slice';
import type { JobRunner } from '../../../src/core/jobs/contract';
import { inlineRunner } from '../../../src/core/jobs/runJob';
import { runPlan, type PipelineEvent } from '../../../src/core/pipeline/coordinator';
import { planExperiment } from '../../../src/core/pipeline/plan';
import { setUp } from '../../../src/core/setup';
import { experiment } from './helpers';

/** The inline runner claiming `parallelism` workers, so the coordinator splits the rows that many ways. */
function splitting(parallelism: number): JobRunner {
  const r = inlineRunner();
  return { parallelism, run: (kind, payload, onProgress) => r.run(kind, payload, onProgress) };
}

function direct(
  setup: ReturnType<typeof setUp>,
  c: Float64Array,
  d1: Float64Array,
  d2: Float64Array,
  a: number,
  b: number,
  test = false,
) {
  const f = test ? setup.testObjective()! : setup.objective();
  const p = c.map((ci, k) => ci + a * d1[k]! + b * d2[k]!);
  return f.loss(p);
}

describe('landscape slices', () => {
  it('grid values equal direct evaluation, with the fixed indexing loss[i*nAlpha + j]', async () => {
    const e = experiment({
      landscape: { resolution: [7, 5], alpha: [-1, 2], beta: [-0.5, 0.5], paths: false, critical: false },
    });
    const setup = setUp(e);
    const s = await computeSlice(setup, undefined, inlineContext());
    expect(s.alpha.length).toBe(7);
    expect(s.beta.length).toBe(5);
    expect(s.alpha[0]).toBe(-1);
    expect(s.alpha[6]).toBe(2);
    expect(s.beta[4]).toBe(0.5);
    expect(s.alpha[1]! - s.alpha[0]!).toBeCloseTo(0.5, 14);
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 7; j++) {
        const want = direct(setup, s.center, s.d1, s.d2, s.alpha[j]!, s.beta[i]!);
        expect(s.loss[i * 7 + j]).toBeCloseTo(want, 12);
      }
    expect(Array.from(s.center)).toEqual(Array.from(setup.initial));
  });

  it('evaluates on the test set when asked', async () => {
    const e = experiment({
      landscape: { resolution: [3, 3], dataset: 'test', paths: false, critical: false },
    });
    const setup = setUp(e);
    const s = await computeSlice(setup, undefined, inlineContext());
    expect(s.loss[4]).toBeCloseTo(direct(setup, s.center, s.d1, s.d2, 0, 0, true), 12);
  });

  it('streams rows as progress and splits rows across row-range jobs that agree with the whole grid', async () => {
    const e = experiment({ landscape: { resolution: [6, 9], paths: false, critical: false } });
    const whole = await computeSlice(setUp(e), undefined, inlineContext());
    const events: PipelineEvent[] = [];
    const r = await runPlan(planExperiment(e, { train: 'needed' }), splitting(2), (ev) => events.push(ev))
      .result;
    const rows = events.filter((ev) => ev.type === 'rows');
    // 2 workers: 4 blocks of rows, each streamed as it finishes, covering the grid once.
    expect(rows.reduce((n, ev) => n + ev.rowEnd - ev.rowStart, 0)).toBe(9);
    expect(new Set(rows.map((ev) => ev.rowStart)).size).toBe(rows.length);
    expect(Array.from(r.slice!.loss)).toEqual(Array.from(whole.loss));
  });

  it('projects paths by least squares and reports off-plane distance and both losses', async () => {
    const e = experiment({
      landscape: {
        center: 'init',
        directions: { kind: 'interpolate', points: [{ run: 'gd' }, { run: 'mom' }] },
        resolution: [5, 5],
        critical: false,
      },
    });
    const setup = setUp(e);
    const s = await computeSlice(setup, undefined, inlineContext());
    const gd = s.paths!.find((p) => p.name === 'gd')!;
    const last = gd.alpha.length - 1;
    // The run's own end lies on the plane at (1, 0): zero distance, and true loss = surface loss.
    expect(gd.alpha[last]).toBeCloseTo(1, 10);
    expect(gd.beta[last]).toBeCloseTo(0, 10);
    expect(gd.offPlane[last]).toBeLessThan(1e-9);
    expect(gd.trueLoss[last]).toBeCloseTo(gd.surfaceLoss[last]!, 10);
    expect(gd.alpha[0]).toBeCloseTo(0, 10);
    // In between, the path generally leaves the plane.
    expect(Math.max(...gd.offPlane)).toBeGreaterThan(0);
  });
});

describe('grid evaluation paths', () => {
  it('the per-point fallback and the engine fast path both equal direct evaluation', async () => {
    for (const activation of ['relu', 'tanh']) {
      const e = experiment({
        model: { inputs: 2, hidden: [4, 3], activation },
        data: { target: { expr: 'x*y' }, train: { n: 30 } },
      });
      const setup = setUp(e);
      if (setup.kind !== 'network') throw new Error('network expected');
      const { plane } = resolvePlane(landscapeSchema.parse({}), { setup, runs: new Map() });
      const alphas = Float64Array.from([-1, -0.25, 0.5]);
      const betas = Float64Array.from([-0.5, 0, 0.5, 1]);
      const want = new Float64Array(12);
      for (let i = 0; i < 4; i++)
        for (let j = 0; j < 3; j++)
          want[i * 3 + j] = direct(setup, plane.center, plane.d1, plane.d2, alphas[j]!, betas[i]!);
      for (const fast of [null, { engine: setup.engine, spec: setup.spec, data: setup.data.train }]) {
        const g = createGridEvaluator(fast, setup.objective(), plane, alphas, betas);
        const out = new Float64Array(6);
        g.rows(2, 4, out);
        out.forEach((v, k) => expect(v).toBeCloseTo(want[6 + k]!, 11));
      }
    }
  });
});

describe('landscape job modes and cancellation', () => {
  it('the coordinator split over 1 or 4 workers gives the same slice as one job', async () => {
    const e = experiment({ landscape: { center: { run: 'mom' }, resolution: [6, 5] } });
    const whole = await computeSlice(setUp(e), undefined, inlineContext());
    for (const n of [1, 4]) {
      const done = (await runPlan(planExperiment(e, { train: 'needed' }), splitting(n)).result).slice!;
      expect(Array.from(done.loss)).toEqual(Array.from(whole.loss));
      expect(Array.from(done.d1)).toEqual(Array.from(whole.d1));
      expect(done.critical).toEqual(whole.critical);
      expect(done.paths!.map((p) => Array.from(p.alpha))).toEqual(
        whole.paths!.map((p) => Array.from(p.alpha)),
      );
      expect(done.directions).toEqual(whole.directions);
    }
  });

  it('a cancelled job returns the rows it finished, NaN elsewhere, status "cancelled"', async () => {
    const e = experiment({ landscape: { resolution: [4, 40], paths: false } });
    let rows = 0;
    const ctx = {
      progress: (_f: number, p?: unknown) => {
        if ((p as SliceRows)?.type === 'rows') rows += (p as SliceRows).rowEnd - (p as SliceRows).rowStart;
      },
      checkpoint: async () => {},
      get cancelled() {
        return rows >= 1;
      },
    };
    const s = await computeSlice(setUp(e), undefined, ctx);
    expect(s.status).toBe('cancelled');
    expect(Number.isFinite(s.loss[0])).toBe(true);
    expect(Number.isNaN(s.loss[s.loss.length - 1])).toBe(true);
    expect(s.critical).toBeUndefined();
  });
});
