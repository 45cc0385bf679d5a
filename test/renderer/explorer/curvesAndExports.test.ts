/** Loss-curve tables and export files, checked against the run data they are built from. */
import { describe, expect, it } from 'vitest';
import { experimentWithResults, gridCsv } from '../../../src/renderer/src/lib/exportData';
import type { RunTrace, Slice } from '../../../src/renderer/src/state/resultsStore';
import { curveTables } from '../../../src/renderer/src/views/LossCurves/curveTables';

function trace(name: string, loss: number[], filled = loss.length): RunTrace {
  return {
    name,
    color: '#000000',
    phase: 'ok',
    totalSteps: loss.length - 1,
    loss: Float64Array.from(loss),
    filled,
    snapshots: [],
    snapshotSteps: [],
    result: null,
  };
}

describe('loss curve tables', () => {
  it('aligns runs of different lengths on steps, with gaps where a run has no value', () => {
    const { data, series } = curveTables(
      [trace('a', [4, 2, 1]), trace('b', [3, 1.5, NaN], 2)],
      'step',
      false,
    );
    expect(series.map((s) => s.run)).toEqual(['a', 'b']);
    expect(data[0]).toEqual([0, 1, 2]);
    expect(data[1]).toEqual([4, 2, 1]);
    expect(data[2]).toEqual([3, 1.5, null]);
  });

  it("adds a bce run's accuracy as its own series, which a 0 accuracy does not take off the log scale", () => {
    const r = trace('c', [0.7, 0.4, 0.1]);
    const withAcc = {
      ...r,
      result: { testLoss: new Float64Array(0), accuracy: Float64Array.from([0, 0.5, 1]) },
    } as unknown as RunTrace;
    const { data, series, log } = curveTables([withAcc], 'step', true);
    expect(series).toEqual([
      { run: 'c', color: '#000000', test: false },
      { run: 'c', color: '#000000', test: false, accuracy: true },
    ]);
    expect(log).toBe(true);
    expect(data[1]).toEqual([0.7, 0.4, 0.1]);
    expect(data[2]).toEqual([0, 0.5, 1]);
  });
});

describe('export files', () => {
  const slice: Slice = {
    alpha: Float64Array.from([-1, 1]),
    beta: Float64Array.from([0, 2]),
    loss: Float64Array.from([1, 2, 3, 4]),
    d1: Float64Array.from([1, 0]),
    d2: Float64Array.from([0, 1]),
    center: Float64Array.from([0, 0]),
    rowsDone: 2,
    critical: [],
    plateau: null,
    source: 'pca',
  };

  it('writes the grid row by row as alpha, beta, loss', () => {
    expect(gridCsv(slice)).toBe('alpha,beta,loss\n-1,0,1\n1,0,2\n-1,2,3\n1,2,4\n');
  });

  it('writes the experiment with each run and the slice as plain JSON arrays', () => {
    const doc = JSON.parse(
      experimentWithResults(
        { relief: 1, model: { hidden: [2] }, runs: [] } as never,
        [trace('a', [4, 2, 1], 2)],
        slice,
      ),
    ) as {
      experiment: { relief: number };
      results: { runs: { name: string; loss: number[] }[]; slice: { loss: number[] } };
    };
    expect(doc.experiment.relief).toBe(1);
    expect(doc.results.runs).toMatchObject([{ name: 'a', loss: [4, 2] }]);
    expect(doc.results.slice.loss).toEqual([1, 2, 3, 4]);
  });
});
