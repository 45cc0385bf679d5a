/** The tick generator: 1-2-5 steps, bounded count, log decades and one number format per axis. */
import { describe, expect, it } from 'vitest';
import { niceContourLevels } from '../../../src/renderer/src/lib/contourLines';
import { formatTicks, logTicks, niceStep, niceTicks } from '../../../src/renderer/src/lib/ticks';

/** A step is nice when it is 1, 2 or 5 times a power of ten (checked by its decimal digits). */
function isNice(step: number): boolean {
  const mantissa = Number(step.toExponential(6).split('e')[0]);
  return [1, 2, 5].includes(mantissa);
}

/** Every label of an axis is written the same way: all plain decimals with one digit count, or all a·10^k. */
function oneFormat(labels: readonly string[]): boolean {
  const nonzero = labels.filter((l) => Number(l) !== 0);
  const exp = nonzero.map((l) => l.includes('e'));
  if (exp.some((e) => e !== exp[0])) return false;
  const decimals = labels
    .filter((l) => Number(l) !== 0)
    .map((l) => (l.split('e')[0]!.split('.')[1] ?? '').length);
  return decimals.every((d) => d === decimals[0]);
}

const ranges: [number, number][] = [
  [-0.42, 3.3],
  [-0.0024, 0.0024],
  [0.419, 1.3],
  [0, 1],
  [1e-7, 3e-7],
  [-1234567, 987654],
  [0.999, 1.001],
  [3, 250],
  [-5, -4.1],
];

describe('niceTicks', () => {
  for (const [lo, hi] of ranges)
    for (const max of [3, 5, 8]) {
      it(`[${lo}, ${hi}] with at most ${max}: nice evenly spaced values inside, labels read back`, () => {
        const ticks = niceTicks(lo, hi, max);
        const step = niceStep(lo, hi, max);
        expect(isNice(step)).toBe(true);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(max);
        for (const t of ticks) {
          expect(t.value).toBeGreaterThanOrEqual(lo - 1e-12 * Math.abs(lo));
          expect(t.value).toBeLessThanOrEqual(hi + 1e-12 * Math.abs(hi));
          expect(Number(t.label)).toBeCloseTo(t.value, 10);
          // Multiples of the step (so 0 is a tick whenever the range crosses it).
          expect(Math.abs(t.value / step - Math.round(t.value / step))).toBeLessThan(1e-6);
        }
        for (let k = 1; k < ticks.length; k++)
          expect(ticks[k]!.value - ticks[k - 1]!.value).toBeCloseTo(step, 12);
        expect(oneFormat(ticks.map((t) => t.label))).toBe(true);
      });
    }

  it("reads the issue's ranges as a person would write them", () => {
    expect(niceTicks(-0.42, 3.3, 6).map((t) => t.label)).toEqual(['0', '1', '2', '3']);
    expect(niceTicks(-0.0024, 0.0024, 6).map((t) => t.label)).toEqual([
      '-0.002',
      '-0.001',
      '0.000',
      '0.001',
      '0.002',
    ]);
    expect(niceTicks(0.419, 1.3, 6).map((t) => t.label)).toEqual(['0.6', '0.8', '1.0', '1.2']);
    // Too small for plain decimals: every label in a·10^k, the same mantissa digits.
    expect(niceTicks(1e-4, 2e-4, 3).map((t) => t.label)).toEqual(['1.0e-4', '1.5e-4', '2.0e-4']);
  });

  it('gives two ticks rather than one when the bound is tight', () => {
    expect(niceTicks(0, 4.46, 2).map((t) => t.label)).toEqual(['0', '2', '4']);
  });

  it('gives the single value of an empty range and nothing for non-finite ends', () => {
    expect(niceTicks(2, 2).map((t) => t.value)).toEqual([2]);
    expect(niceTicks(NaN, 1)).toEqual([]);
    expect(niceTicks(0, Infinity)).toEqual([]);
  });
});

describe('logTicks', () => {
  it('puts ticks on whole decades, labelled in one format', () => {
    const ticks = logTicks(3e-4, 20);
    expect(ticks.map((t) => t.value)).toEqual([1e-3, 1e-2, 1e-1, 1, 10]);
    expect(ticks.map((t) => t.label)).toEqual(['0.001', '0.01', '0.1', '1', '10']);
  });

  it('thins many decades to every n-th, never more than the bound', () => {
    const ticks = logTicks(1e-12, 1e3, 5);
    expect(ticks.length).toBeLessThanOrEqual(5);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    const exps = ticks.map((t) => Math.log10(t.value));
    for (const e of exps) expect(e).toBe(Math.round(e));
    const gaps = exps.slice(1).map((e, k) => e - exps[k]!);
    expect(new Set(gaps).size).toBe(1);
    expect(ticks.every((t) => t.label.includes('e'))).toBe(true);
  });

  it('uses 1-2-5 inside a decade when the range holds less than two decades', () => {
    expect(logTicks(0.15, 0.9).map((t) => t.value)).toEqual([0.2, 0.5]);
    expect(logTicks(1.1, 1.9).length).toBeGreaterThanOrEqual(2);
  });
});

describe('formatTicks', () => {
  it('never mixes exponent and plain forms on one axis', () => {
    expect(formatTicks([0, 0.00005, 0.0001, 0.00015], 0.00005)).toEqual(['0', '5.0e-5', '1.0e-4', '1.5e-4']);
    expect(formatTicks([0, 0.0005, 0.001, 0.0015], 0.0005)).toEqual(['0.0000', '0.0005', '0.0010', '0.0015']);
    expect(formatTicks([1e-6, 1e-3, 1])).toEqual(['1e-6', '1e-3', '1e0']);
    expect(formatTicks([200000, 400000], 200000)).toEqual(['2e5', '4e5']);
  });
});

describe('niceContourLevels', () => {
  it('labels log contours with 1, 2 and 5 times a power of ten, strictly inside the range', () => {
    const levels = niceContourLevels(Math.log10(3e-4), Math.log10(0.3), true);
    expect(levels.map((l) => l.label)).toEqual([
      '0.0005',
      '0.001',
      '0.002',
      '0.005',
      '0.01',
      '0.02',
      '0.05',
      '0.1',
      '0.2',
    ]);
    for (const l of levels) expect(10 ** l.value).toBeCloseTo(Number(l.label), 12);
  });

  it('keeps to whole decades over many decades and to 1-2-5 steps on a linear scale', () => {
    const many = niceContourLevels(-12, 1, true);
    expect(many.length).toBeLessThanOrEqual(14);
    for (const l of many) expect(l.value).toBe(Math.round(l.value));
    expect(niceContourLevels(0.13, 0.92, false).map((l) => l.label)).toEqual([
      '0.2',
      '0.3',
      '0.4',
      '0.5',
      '0.6',
      '0.7',
      '0.8',
      '0.9',
    ]);
  });
});
