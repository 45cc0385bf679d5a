/**
 * Builds the training and test sets of an experiment. Random draws come from the experiment seed's
 * own streams: `data` for training inputs, `noise` for label noise, `test` for test inputs, so the
 * same file gives the same samples on any machine.
 */
import type { NetworkExperiment } from '../experiment/schema';
import { createRng, type Rng } from '../rng';
import type { Dataset } from './dataset';
import { targetFunction, type TargetFn } from './target';

type Samples = NetworkExperiment['data']['train'];

function defaultDomain(inputs: 1 | 2): [number, number][] {
  return inputs === 1
    ? [[-1, 1]]
    : [
        [-1, 1],
        [-1, 1],
      ];
}

function linspace(lo: number, hi: number, n: number, i: number): number {
  return n === 1 ? (lo + hi) / 2 : lo + ((hi - lo) * i) / (n - 1);
}

/** Input points of a sample spec (without labels). */
export function sampleInputs(s: Samples, inputs: 1 | 2, rng: Rng): Float64Array<ArrayBuffer> {
  if ('x' in s) {
    const out = new Float64Array(s.x.length * inputs);
    s.x.forEach((v, i) => {
      if (inputs === 1) out[i] = v as number;
      else {
        out[2 * i] = (v as [number, number])[0];
        out[2 * i + 1] = (v as [number, number])[1];
      }
    });
    return out;
  }
  const dom = s.domain ?? defaultDomain(inputs);
  if (s.sampling === 'grid') {
    if (inputs === 1) {
      const out = new Float64Array(s.n);
      for (let i = 0; i < s.n; i++) out[i] = linspace(dom[0]![0], dom[0]![1], s.n, i);
      return out;
    }
    const m = Math.max(1, Math.round(Math.sqrt(s.n)));
    const out = new Float64Array(m * m * 2);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) {
        out[2 * (i * m + j)] = linspace(dom[0]![0], dom[0]![1], m, j);
        out[2 * (i * m + j) + 1] = linspace(dom[1]![0], dom[1]![1], m, i);
      }
    return out;
  }
  const out = new Float64Array(s.n * inputs);
  for (let i = 0; i < s.n * inputs; i++) {
    const d = dom[i % inputs]!;
    out[i] = d[0] + (d[1] - d[0]) * rng.uniform();
  }
  return out;
}

function label(s: Samples, x: Float64Array, inputs: 1 | 2, f: TargetFn): Float64Array<ArrayBuffer> {
  if ('y' in s) return Float64Array.from(s.y);
  const n = x.length / inputs;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = inputs === 1 ? f(x[i]!, 0) : f(x[2 * i]!, x[2 * i + 1]!);
  return y;
}

export interface ExperimentData {
  readonly train: Dataset;
  readonly test: Dataset | null;
}

export function buildData(e: NetworkExperiment): ExperimentData {
  const inputs = e.model.inputs;
  const f = targetFunction(e.data.target);
  const xTrain = sampleInputs(e.data.train, inputs, createRng(e.seed, 'data'));
  const yTrain = label(e.data.train, xTrain, inputs, f);
  if (e.data.noise > 0) {
    const rng = createRng(e.seed, 'noise');
    for (let i = 0; i < yTrain.length; i++) yTrain[i] += e.data.noise * rng.normal();
  }
  const train: Dataset = { inputs, n: yTrain.length, x: xTrain, y: yTrain };
  let test: Dataset | null = null;
  if (e.data.test) {
    const xTest = sampleInputs(e.data.test, inputs, createRng(e.seed, 'test'));
    const yTest = label(e.data.test, xTest, inputs, f);
    test = { inputs, n: yTest.length, x: xTest, y: yTest };
  }
  for (const [name, d] of [
    ['train', train],
    ['test', test],
  ] as const) {
    if (!d) continue;
    for (let i = 0; i < d.n; i++)
      if (!Number.isFinite(d.y[i]!))
        throw new RangeError(`data.target: the target is not finite at sample ${i} of the ${name} set`);
  }
  return { train, test };
}
