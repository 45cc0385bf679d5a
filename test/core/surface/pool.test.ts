/**
 * The surface jobs on real worker threads: a basin map split by rows over two workers equals the
 * map computed inline, the typed arrays arrive as typed arrays, and a long map can be cancelled.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { inlineContext } from '../../../src/core/jobs/types';
import {
  runBasins,
  type BasinsResult,
  type SurfaceCriticalResult,
} from '../../../src/core/surface/surfaceJobs';
import { mergeCriticalPoints } from '../../../src/core/surface/critical';
import { createNodePool } from '../../../src/node/pool/nodePool';

const experiment = {
  relief: 1,
  model: { kind: 'surface', preset: 'sixHumpCamel' },
  runs: [{ name: 'adam', optimizer: { type: 'adam', lr: 0.05 }, steps: 3000 }],
};

describe('surface jobs on worker threads', () => {
  const pool = createNodePool(2);
  afterAll(() => pool.close());

  it('a basin map split over two workers equals the inline map', async () => {
    const n = 16;
    const [top, bottom] = await Promise.all([
      pool.run<BasinsResult>('basins', { experiment, n, rows: [0, 7], maxSteps: 50 }),
      pool.run<BasinsResult>('basins', { experiment, n, rows: [7, n], maxSteps: 50 }),
    ]);
    expect(top.label).toBeInstanceOf(Int32Array);
    expect(bottom.final).toBeInstanceOf(Float64Array);
    const inline = await runBasins({ experiment, n, maxSteps: 50 }, inlineContext());
    expect([...top.label, ...bottom.label]).toEqual([...inline.label]);
    expect([...top.steps, ...bottom.steps]).toEqual([...inline.steps]);
    expect(top.points).toEqual(inline.points);
  });

  it('critical points from two row ranges merge to the full list of 15', async () => {
    const parts = await Promise.all(
      [
        [0, 20],
        [20, 40],
      ].map((rows) => pool.run<SurfaceCriticalResult>('surfaceCritical', { experiment, n: 40, rows })),
    );
    const merged = mergeCriticalPoints(parts.map((p) => p.points));
    expect(merged.length).toBe(15);
    expect(merged.filter((p) => p.kind === 'minimum').length).toBe(6);
  });

  it('cancels a long basin map between rows', async () => {
    const ac = new AbortController();
    let progressed = 0;
    const r = await pool.run<BasinsResult>(
      'basins',
      { experiment, run: 'adam', n: 300 },
      {
        signal: ac.signal,
        onProgress: () => {
          if (++progressed === 2) ac.abort();
        },
      },
    );
    expect(r.status).toBe('cancelled');
    expect(r.rowsDone).toBeGreaterThan(0);
    expect(r.rowsDone).toBeLessThan(300);
  });
});
