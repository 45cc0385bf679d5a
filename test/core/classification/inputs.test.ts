/**
 * Many inputs and explicit samples without a target (issue 19): the schema accepts model.inputs 1..64 with
 * explicit x as arrays of that length and refuses the wrong shapes by path; formulas in x1..xd label
 * sampled inputs; grids in d inputs; the dense engine runs (the exact engine stays the 1-input path).
 */
import { describe, expect, it } from 'vitest';
import { buildData } from '../../../src/core/data/build';
import { formatProblems, validateExperiment } from '../../../src/core/experiment/validate';
import type { NetworkExperiment } from '../../../src/core/experiment/schema';
import { setUp } from '../../../src/core/setup';

const runs = [{ name: 'gd', optimizer: { type: 'sgd', lr: 0.1 }, steps: 1 }];

function ok(doc: Record<string, unknown>): NetworkExperiment {
  const v = validateExperiment({ relief: 1, runs, ...doc });
  if (!v.ok) throw new Error(formatProblems(v.problems));
  return v.experiment as NetworkExperiment;
}
function problems(doc: Record<string, unknown>) {
  const v = validateExperiment({ relief: 1, runs, ...doc });
  return v.ok ? [] : v.problems;
}

describe('many inputs', () => {
  it('explicit samples need no target; x arrays of model.inputs numbers', () => {
    const e = ok({
      data: {
        train: {
          x: [
            [1, 2, 3],
            [4, 5, 6],
          ],
          y: [0.5, -1],
        },
      },
      model: { inputs: 3, hidden: [4] },
    });
    const d = buildData(e);
    expect(Array.from(d.train.x)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(setUp(e).engine.name).toBe('dense');
  });

  it('names the sample of the wrong length and a missing target', () => {
    expect(
      problems({
        data: {
          train: {
            x: [
              [1, 2, 3],
              [4, 5],
            ],
            y: [0, 1],
          },
        },
        model: { inputs: 3 },
      }),
    ).toContainEqual(
      expect.objectContaining({
        path: 'data.train.x[1]',
        message: 'model.inputs is 3: each x must be an array of 3 numbers',
      }),
    );
    expect(problems({ data: { train: { n: 5 } }, model: { inputs: 3 } })[0]!.path).toBe('data.target');
    expect(problems({ data: { train: { x: [1], y: [1] } }, model: { inputs: 65 } })[0]!.path).toBe(
      'model.inputs',
    );
  });

  it('labels sampled inputs with a formula in x1..xd, on a d-dimensional grid', () => {
    const e = ok({
      data: {
        target: { expr: 'x1 + 10*x2 + 100*x3' },
        train: {
          n: 27,
          sampling: 'grid',
          domain: [
            [0, 2],
            [0, 2],
            [0, 2],
          ],
        },
      },
      model: { inputs: 3, hidden: [2] },
    });
    const d = buildData(e);
    expect(d.train.n).toBe(27);
    for (let i = 0; i < d.train.n; i++) {
      const [a, b, c] = [d.train.x[3 * i]!, d.train.x[3 * i + 1]!, d.train.x[3 * i + 2]!];
      expect(d.train.y[i]).toBe(a + 10 * b + 100 * c);
    }
    // The first input varies fastest, as in 2-D.
    expect(Array.from(d.train.x.subarray(0, 6))).toEqual([0, 0, 0, 1, 0, 0]);
    expect(
      problems({ data: { target: { expr: 'x + y' }, train: { n: 5 } }, model: { inputs: 3 } })[0]!.path,
    ).toBe('data.target.expr');
  });

  it('one input still runs on the exact engine; bce does not', () => {
    const base = { data: { target: { preset: 'abs' }, train: { n: 10 } }, model: { hidden: [3] } };
    expect(setUp(ok(base)).engine.name).toBe('exact');
    const bce = ok({ ...base, data: { train: { x: [0, 1], y: [0, 1] } }, loss: 'bce' });
    expect(setUp(bce).engine.name).toBe('dense');
  });

  it('dense gradient of a 7-input, two-layer network matches central differences', () => {
    const x = Array.from({ length: 30 }, (_, i) => Array.from({ length: 7 }, (_, j) => Math.sin(i * 7 + j)));
    const y = x.map((r) => r.reduce((s, v) => s + v * v, 0));
    const s = setUp(
      ok({ data: { train: { x, y } }, model: { inputs: 7, hidden: [5, 3], activation: 'tanh' } }),
    );
    const f = s.objective();
    const p = Float64Array.from({ length: f.dim }, (_, i) => 0.3 * Math.cos(i));
    const g = new Float64Array(f.dim);
    f.lossGrad(p, g);
    let worst = 0;
    for (let i = 0; i < f.dim; i++) {
      const h = 1e-6;
      const a = p.slice();
      const b = p.slice();
      a[i] += h;
      b[i] -= h;
      worst = Math.max(worst, Math.abs((f.loss(a) - f.loss(b)) / (2 * h) - g[i]!));
    }
    console.log(
      `7 inputs, ${f.dim} parameters: max |gradient - central difference| = ${worst.toExponential(2)}`,
    );
    expect(worst).toBeLessThan(1e-7);
  });
});

describe('CSV with many input columns', () => {
  it('reads x1..x5,y rows into arrays of 5 inputs, and refuses a short row by line', async () => {
    const { parseSamplesCsv } = await import('../../../src/core/data/samplesCsv');
    const s = parseSamplesCsv('a,b,c,d,e,label\n1,2,3,4,5,1\n6,7,8,9,10,0\n');
    expect(s.inputs).toBe(5);
    expect(s.x).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
    ]);
    expect(s.y).toEqual([1, 0]);
    expect(() => parseSamplesCsv('1,2,3,4\n1,2,3\n', 3)).toThrow(
      'line 2: expected 4 columns (x1,...,x3,y), got 3',
    );
    expect(parseSamplesCsv('1,2\n3,4\n').x).toEqual([1, 3]);
  });

  it('--train-csv fills data.train for a 3-input model (the node loader the CLI uses)', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadExperiment } = await import('../../../src/node/experimentFile');
    const dir = mkdtempSync(join(tmpdir(), 'relief-csv-'));
    const file = join(dir, 'e.json');
    writeFileSync(
      file,
      JSON.stringify({
        relief: 1,
        data: { train: { x: [[0, 0, 0]], y: [0] } },
        model: { inputs: 3, hidden: [2] },
        loss: 'bce',
        runs,
      }),
    );
    writeFileSync(join(dir, 't.csv'), 'x1,x2,x3,y\n1,2,3,1\n4,5,6,0\n7,8,9,1\n');
    const { experiment } = loadExperiment(file, { trainCsv: join(dir, 't.csv') });
    const d = buildData(experiment as NetworkExperiment);
    expect(d.train.n).toBe(3);
    expect(Array.from(d.train.x)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
