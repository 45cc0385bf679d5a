import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRng, hashString, shuffleInPlace, xoshiro128StarStar } from '../../src/core/rng';

interface RngCase {
  seed: number;
  stream: string;
  uint32: number[];
  uniform: number[];
  normal: number[];
  int10: number[];
}
const ref = JSON.parse(readFileSync(new URL('../fixtures/rng.json', import.meta.url), 'utf8')) as {
  fnv1a: Record<string, number>;
  published1234: number[];
  cases: RngCase[];
};

describe('seeded random numbers (xoshiro128** via splitmix32)', () => {
  it('is deterministic per seed and stream, and streams differ', () => {
    const a = createRng(42, 'data');
    const b = createRng(42, 'data');
    const c = createRng(42, 'init');
    const d = createRng(43, 'data');
    const xa = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(xa);
    expect(Array.from({ length: 5 }, () => d.uniform())).not.toEqual(xa);
  });

  it('xoshiro128** from state {1, 2, 3, 4} gives the reference implementation’s published outputs', () => {
    const next = xoshiro128StarStar(1, 2, 3, 4);
    expect(Array.from({ length: 10 }, next)).toEqual(ref.published1234);
    expect(ref.published1234.slice(0, 4)).toEqual([11520, 0, 5927040, 70819200]);
  });

  it('FNV-1a stream hashes match the published test vectors', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('foobar')).toBe(0xbf9cf968);
    for (const [s, h] of Object.entries(ref.fnv1a)) expect(hashString(s)).toBe(h);
  });

  // test/fixtures/rng.json: an independent Python implementation (scripts/fixtures/rng_reference.py) of the
  // seeding, the generator and the uniform, normal and integer draws.
  for (const c of ref.cases)
    it(`seed ${c.seed}, stream '${c.stream}': the Python reference's outputs`, () => {
      const r = createRng(c.seed, c.stream);
      expect(Array.from({ length: c.uint32.length }, () => r.nextUint32())).toEqual(c.uint32);
      expect(Array.from({ length: c.uniform.length }, () => r.uniform())).toEqual(c.uniform);
      // Box-Muller goes through log and cos: libm and V8 may differ in the last bit.
      for (const z of c.normal)
        expect(Math.abs(r.normal() - z)).toBeLessThanOrEqual(4e-16 * Math.max(1, Math.abs(z)));
      expect(Array.from({ length: c.int10.length }, () => r.int(10))).toEqual(c.int10);
    });

  it('has the right moments: uniform mean 1/2, var 1/12; normal mean 0, var 1', () => {
    const r = createRng(7, 'moments');
    const n = 200_000;
    let su = 0;
    let su2 = 0;
    let sn = 0;
    let sn2 = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      su += u;
      su2 += u * u;
      const z = r.normal();
      sn += z;
      sn2 += z * z;
    }
    expect(su / n).toBeCloseTo(0.5, 2);
    expect(su2 / n - (su / n) ** 2).toBeCloseTo(1 / 12, 3);
    expect(sn / n).toBeCloseTo(0, 2);
    expect(sn2 / n).toBeCloseTo(1, 1);
  });

  it('shuffles into a permutation', () => {
    const a = Int32Array.from({ length: 100 }, (_, i) => i);
    shuffleInPlace(a, createRng(3, 'batch:x'));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...a]).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});
