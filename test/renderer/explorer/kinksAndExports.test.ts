/** Seed 000: the network cpwlToNetwork writes through given knots has its kinks exactly at those knots;
 * the sum of unit contributions plus the output bias is the network's output. Export text is checked
 * against the values it was made from. */
import { describe, expect, it } from 'vitest';
import { createDenseNetwork } from '../../../src/core/network/dense';
import { cpwlToNetwork } from '../../../src/core/network/cpwl';
import { cliCommand } from '../../../src/renderer/src/lib/cliCommand';
import { toCsv } from '../../../src/renderer/src/lib/csv';
import { unitContribution, unitsOf } from '../../../src/renderer/src/lib/kinks';
import { legendTicks, createMapping } from '../../../src/renderer/src/lib/surfaceMapping';

describe('kinks of a one-hidden-layer ReLU network', () => {
  const knots: [number, number][] = [
    [-1, 0.5],
    [-0.2, -0.3],
    [0.4, 0.9],
    [1, 0],
  ];
  const { hidden, params } = cpwlToNetwork(knots);
  const spec = { inputs: 1 as const, hidden: [hidden], activation: 'relu', leakySlope: 0.01 };

  it('puts the kinks at -b/w = the knots', () => {
    const kinks = unitsOf(spec, params).map((u) => u.kink);
    expect(kinks).toEqual([-1, -0.2, 0.4]);
  });

  it('adds the unit contributions and the output bias up to the network output', () => {
    const xs = Float64Array.from({ length: 21 }, (_, i) => -1 + i / 10);
    const out = new Float64Array(xs.length);
    createDenseNetwork(spec).predict(params, xs, out);
    const sum = new Float64Array(xs.length).fill(params[params.length - 1]!);
    const tmp = new Float64Array(xs.length);
    for (const u of unitsOf(spec, params)) {
      unitContribution(spec, u, xs, tmp);
      for (let i = 0; i < xs.length; i++) sum[i] += tmp[i]!;
    }
    for (let i = 0; i < xs.length; i++) expect(sum[i]).toBeCloseTo(out[i]!, 12);
  });
});

describe('export helpers', () => {
  it('writes CSV that reads back, with NaN as an empty cell and text quoted', () => {
    const text = toCsv(
      ['a', 'b'],
      [
        [1.5, NaN],
        [-2e-9, 3],
      ],
    );
    expect(text).toBe('a,b\n1.5,\n-2e-9,3\n');
    expect(toCsv(['name'], [['x,"y"']])).toBe('name\n"x,""y"""\n');
  });

  it('builds the CLI command for a file, quoting unusual names', () => {
    expect(cliCommand('seed-001.relief.json')).toBe(
      'npm run -s relief -- run seed-001.relief.json --out seed-001.results.json',
    );
    expect(cliCommand("my run's.json")).toBe(
      `npm run -s relief -- run 'my run'\\''s.json' --out my-run-s.results.json`,
    );
  });

  it('labels the log legend at decades', () => {
    const m = createMapping([0, 1], [0, 1], [1e-4, 1e-2, 1e-1, 1], true);
    expect(legendTicks(m).map((t) => t.loss)).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
  });
});
