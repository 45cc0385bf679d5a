/**
 * Basins of attraction on Himmelblau's surface: under Newton's method (the registry's damped Newton and
 * the plain Newton iteration) the start grid splits into the basins of its four minima; the job splits
 * by rows exactly, reports progress and stops when cancelled.
 */
import { describe, expect, it } from 'vitest';
import type { JobContext } from '../../../src/core/jobs/types';
import { inlineContext } from '../../../src/core/jobs/types';
import { BASIN_DIVERGED, basinMap } from '../../../src/core/surface/basins';
import { findCriticalPoints } from '../../../src/core/surface/critical';
import { gallery } from '../../../src/core/surface/gallery';
import { surfaceOf } from '../../../src/core/surface/surface';
import { runBasins, runSurfaceCritical, type BasinsResult } from '../../../src/core/surface/surfaceJobs';

const himmelblau = gallery.get('himmelblau')!;
const experiment = {
  relief: 1,
  model: { kind: 'surface', preset: 'himmelblau' },
  runs: [
    { name: 'newton', optimizer: { type: 'newton' }, steps: 100 },
    { name: 'gd', optimizer: { type: 'sgd', lr: 0.01 }, steps: 1000 },
  ],
};

function tally(r: Pick<BasinsResult, 'label' | 'points'>) {
  const byKind: Record<string, Set<number>> = {};
  const cells = new Map<number, number>();
  r.label.forEach((l) => {
    cells.set(l, (cells.get(l) ?? 0) + 1);
    if (l >= 0) (byKind[r.points[l]!.kind] ??= new Set()).add(l);
  });
  return { byKind, cells };
}

/** The label's point is one of the gallery's four minima (to 1e-8). */
function isKnownMinimum(p: { at: [number, number] }) {
  return himmelblau.known.some(
    (k) => k.kind === 'minimum' && Math.abs(k.at[0] - p.at[0]) < 1e-8 && Math.abs(k.at[1] - p.at[1]) < 1e-8,
  );
}

describe('basins of attraction of Himmelblau under Newton', () => {
  it("the registry's damped Newton: four basins, one per minimum, covering the grid", async () => {
    const r = await runBasins({ experiment, run: 'newton', n: 40 }, inlineContext());
    expect(r.status).toBe('ok');
    expect(r.method).toBe('newton');
    const { byKind, cells } = tally(r);
    expect(Object.keys(byKind)).toEqual(['minimum']);
    expect(byKind.minimum!.size).toBe(4);
    for (const l of byKind.minimum!) {
      expect(isKnownMinimum(r.points[l]!)).toBe(true);
      expect(cells.get(l)!).toBeGreaterThan(0.15 * 40 * 40); // each basin is a real region
    }
    expect([...cells.keys()].every((l) => l >= 0)).toBe(true);
    expect(Math.min(...r.steps)).toBeGreaterThanOrEqual(0);
  });

  it('the plain Newton iteration: four minimum basins, plus the starts drawn to saddles and the maximum', () => {
    const s = surfaceOf(himmelblau.expr);
    const points = findCriticalPoints(s, { window: himmelblau.window, n: 41 });
    expect(points.length).toBe(9);
    const r = basinMap(
      s,
      { kind: 'newtonIteration' },
      { window: himmelblau.window, n: 40, maxSteps: 100, points },
    );
    const { byKind } = tally({ label: r.label, points });
    expect(byKind.minimum!.size).toBe(4);
    for (const l of byKind.minimum!) expect(isKnownMinimum(points[l]!)).toBe(true);
    expect(byKind.saddle!.size).toBe(4);
    expect(byKind.maximum!.size).toBe(1);
    expect(r.label.includes(BASIN_DIVERGED)).toBe(false);
  });

  it('gradient descent colours by minimum too, and counts steps', async () => {
    const r = await runBasins({ experiment, run: 'gd', n: 20 }, inlineContext());
    const { byKind } = tally(r);
    expect(byKind.minimum!.size).toBe(4);
    expect(Math.max(...r.steps)).toBeGreaterThan(10);
    expect(Math.max(...r.steps)).toBeLessThanOrEqual(1000);
  });
});

describe('surface jobs', () => {
  it('basins: row ranges concatenate to the whole map', async () => {
    const whole = await runBasins({ experiment, n: 12 }, inlineContext());
    const top = await runBasins({ experiment, n: 12, rows: [0, 5] }, inlineContext());
    const bottom = await runBasins({ experiment, n: 12, rows: [5, 12] }, inlineContext());
    expect(Array.from(top.label).concat(Array.from(bottom.label))).toEqual(Array.from(whole.label));
    expect(Array.from(top.steps).concat(Array.from(bottom.steps))).toEqual(Array.from(whole.steps));
    expect(Array.from(top.final).concat(Array.from(bottom.final))).toEqual(Array.from(whole.final));
    expect(whole.method).toBe('newtonIteration');
  });

  it('reports progress per row and stops between rows when cancelled', async () => {
    const fractions: number[] = [];
    let cancelled = false;
    const ctx: JobContext = {
      progress: (f) => {
        fractions.push(f);
        if (fractions.length === 3) cancelled = true;
      },
      checkpoint: async () => {},
      get cancelled() {
        return cancelled;
      },
    };
    const r = await runBasins({ experiment, n: 10 }, ctx);
    expect(r.status).toBe('cancelled');
    expect(r.rowsDone).toBe(3);
    expect(fractions).toEqual([0.1, 0.2, 0.3]);
    const c = await runSurfaceCritical({ experiment, n: 10 }, ctx);
    expect(c.status).toBe('cancelled');
    expect(c.rowsDone).toBe(0);
  });

  it('surfaceCritical matches the found points to the gallery list', async () => {
    const r = await runSurfaceCritical({ experiment, n: 30 }, inlineContext());
    expect(r.points.length).toBe(9);
    expect(r.knownFound.every((i) => i >= 0)).toBe(true);
    expect(new Set(r.knownFound).size).toBe(9);
  });

  it('rejects bad payloads and network experiments with the field named', async () => {
    await expect(runBasins({ experiment, run: 'nope' }, inlineContext())).rejects.toThrow(
      /run: no run named 'nope'/,
    );
    await expect(runBasins({ experiment, rows: [3, 99], n: 10 }, inlineContext())).rejects.toThrow(/rows:/);
    await expect(runBasins({ experiment, n: 0 }, inlineContext())).rejects.toThrow(/^n:/);
    const network = {
      relief: 1,
      data: { target: { expr: 'x' }, train: { n: 4 } },
      model: { hidden: [2] },
      runs: [{ name: 'a', optimizer: { type: 'sgd' } }],
    };
    await expect(runSurfaceCritical({ experiment: network }, inlineContext())).rejects.toThrow(
      /model: this job needs a surface/,
    );
  });
});
