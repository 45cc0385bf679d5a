/**
 * The exact engine's cost per GD step, optionally against another checkout's exact engine in the same
 * process (issue 20 recorded its precision change against the commit before it this way):
 *
 *   npx tsx bench/exactStep.ts [--before <checkout dir>] [--quick]
 *
 * A: workload A of bench/run.ts (GD, lr 0.01, seed 001's initialisation, N = 10,000 samples of
 *    sin(3x) + 0.3x², H = 64 and 256), 500 steps from the start, timed in groups of 10 steps after a
 *    5,000-step warm-up; the two engines alternate in chunks of 50 steps, so both see the same load.
 * Z: at a zero-loss fit (lesson 3's CPWL network through 400 grid samples, and through 10,000 random
 *    samples), where the expanded form cancels and the per-sample residual evaluation runs.
 * "best" is the fastest group's time per step, "mean" the average; a shared machine moves the mean.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Dataset } from '../src/core/data/dataset';
import { knotsFunction } from '../src/core/data/target';
import { createExactObjective } from '../src/core/engine/exact';
import { cpwlToNetwork } from '../src/core/network/cpwl';
import type { NetworkSpec } from '../src/core/network/spec';
import { createRng } from '../src/core/rng';
import { benchData, reluSpec, seed001Params } from './setup';

type Make = typeof createExactObjective;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const beforeDir = args.includes('--before') ? args[args.indexOf('--before') + 1] : undefined;
const now = (): number => performance.now();

interface Timing {
  best: number;
  total: number;
  steps: number;
}
const timing = (): Timing => ({ best: Infinity, total: 0, steps: 0 });

/** GD from p0 on one engine; `run(n, t)` takes n steps in groups of 10, timing each group into t. */
function stepper(make: Make, spec: NetworkSpec, data: Dataset, p0: Float64Array, lr: number) {
  const f = make(spec, data);
  const p = p0.slice();
  const g = new Float64Array(p.length);
  return {
    kernel: f.kernel,
    reset: () => p.set(p0),
    loss: () => f.loss(p),
    run(n: number, t: Timing): void {
      for (let s = 0; s < n; s += 10) {
        const t0 = now();
        for (let q = 0; q < 10; q++) {
          f.lossGrad(p, g);
          for (let i = 0; i < p.length; i++) p[i] = p[i]! - lr * g[i]!;
        }
        const ms = now() - t0;
        t.best = Math.min(t.best, ms / 10);
        t.total += ms;
        t.steps += 10;
      }
    },
  };
}

const us = (ms: number): string => (1000 * ms).toFixed(2);

/** Times `steps` GD steps from p0 on each engine, alternating chunks; prints one line. */
function compare(
  label: string,
  engines: [string, Make][],
  spec: NetworkSpec,
  data: Dataset,
  p0: Float64Array,
): void {
  const steps = quick ? 100 : 500;
  const rounds = quick ? 3 : 20;
  const s = engines.map(([name, make]) => ({ name, st: stepper(make, spec, data, p0, 0.01), t: timing() }));
  // Warm-up: V8 tiers up hot WebAssembly and JavaScript after a few thousand calls.
  const warm = timing();
  for (let r = 0; r < (quick ? 2 : 10); r++)
    for (const e of s) {
      e.st.reset();
      e.st.run(steps, warm);
    }
  for (let r = 0; r < rounds; r++) {
    for (const e of s) e.st.reset();
    for (let c = 0; c < steps; c += 50) for (const e of s) e.st.run(Math.min(50, steps - c), e.t);
  }
  const cells = s.map(
    (e) => `${e.name} (${e.st.kernel}): best ${us(e.t.best)} µs, mean ${us(e.t.total / e.t.steps)} µs`,
  );
  const ratio =
    s.length === 2
      ? `  after/before: best ${(s[1]!.t.best / s[0]!.t.best).toFixed(2)}x, mean ` +
        `${(s[1]!.t.total / s[1]!.t.steps / (s[0]!.t.total / s[0]!.t.steps)).toFixed(2)}x`
      : '';
  console.log(`${label}\n  ${cells.join('\n  ')}\n${ratio}`);
  console.log(
    `  final loss after ${steps} steps: ${s.map((e) => `${e.name} ${e.st.loss().toExponential(6)}`).join(', ')}`,
  );
}

/** Lesson 3's network (five knots, four ReLU units) and its CPWL target through `x`. */
function zeroLossFit(x: Float64Array<ArrayBuffer>): { spec: NetworkSpec; data: Dataset; p: Float64Array } {
  const knots: [number, number][] = [
    [-1, 0],
    [-0.5, 0.6],
    [0, -0.3],
    [0.4, 0.5],
    [1, 0.1],
  ];
  const { hidden, params } = cpwlToNetwork(knots);
  const f = knotsFunction(knots);
  return {
    spec: reluSpec(hidden),
    data: { inputs: 1, n: x.length, x, y: Float64Array.from(x, f) },
    p: params,
  };
}

const engines: [string, Make][] = [];
if (beforeDir) {
  const url = pathToFileURL(path.resolve(beforeDir, 'src/core/engine/exact.ts')).href;
  const mod = (await import(url)) as { createExactObjective: Make };
  engines.push(['before', mod.createExactObjective]);
}
engines.push([beforeDir ? 'after' : 'exact', createExactObjective]);

const N = 10_000;
const data = benchData(N);
for (const H of [64, 256])
  compare(
    `A: GD, 1-${H}-1 ReLU, N=${N}, lr 0.01, from seed 001's initialisation`,
    engines,
    reluSpec(H),
    data,
    seed001Params(H),
  );

const grid = Float64Array.from({ length: 400 }, (_, i) => -1 + (2 * i) / 399);
const rng = createRng(1, 'bench-zero-loss');
const random = Float64Array.from({ length: N }, () => 2 * rng.uniform() - 1);
for (const [name, x] of [
  ['400 grid samples', grid],
  [`${N} random samples`, random],
] as const) {
  const z = zeroLossFit(x);
  compare(`Z: GD at lesson 3's zero-loss fit (1-4-1), ${name}`, engines, z.spec, z.data, z.p);
}
