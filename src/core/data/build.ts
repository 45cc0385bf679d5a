/**
 * Builds the training and test sets of an experiment. Random draws come from the experiment seed's
 * own streams: `data` for training inputs, `noise` for label noise, `test` for test inputs, so the
 * same file gives the same samples on any machine.
 *
 * Labels come from, in this order: explicit `y`; a `classes` dataset (which draws points and labels
 * together); the teacher (`data.teacher`); the target function. `{"population": true}` has no samples:
 * the set carries the teacher's weights for the population engine instead.
 */
import type { NetworkExperiment } from '../experiment/schema';
import { createRng, type Rng } from '../rng';
import { classDatasets } from './classes';
import type { Dataset } from './dataset';
import { vectorTarget } from './target';
import { teacherLabels, teacherWeights, type Teacher } from './teacher';

type Samples = NetworkExperiment['data']['train'];

function linspace(lo: number, hi: number, n: number, i: number): number {
  return n === 1 ? (lo + hi) / 2 : lo + ((hi - lo) * i) / (n - 1);
}

/**
 * Input points of a sample spec (without labels). A grid in d inputs has round(n^(1/d)) points per axis
 * (the first input varies fastest).
 */
export function sampleInputs(s: Samples, inputs: number, rng: Rng): Float64Array<ArrayBuffer> {
  if ('x' in s) {
    const out = new Float64Array(s.x.length * inputs);
    s.x.forEach((v, i) => {
      if (typeof v === 'number') out[i] = v;
      else for (let j = 0; j < inputs; j++) out[i * inputs + j] = v[j]!;
    });
    return out;
  }
  if ('population' in s) return new Float64Array(0);
  if ('distribution' in s) {
    const out = new Float64Array(s.n * inputs);
    for (let i = 0; i < out.length; i++) out[i] = rng.normal();
    return out;
  }
  const dom = s.domain ?? Array.from({ length: inputs }, (): [number, number] => [-1, 1]);
  if (s.sampling === 'grid') {
    const m = inputs === 1 ? s.n : Math.max(1, Math.round(Math.pow(s.n, 1 / inputs)));
    const total = Math.pow(m, inputs);
    const out = new Float64Array(total * inputs);
    for (let k = 0; k < total; k++) {
      let rest = k;
      for (let j = 0; j < inputs; j++) {
        out[k * inputs + j] = linspace(dom[j]![0], dom[j]![1], m, rest % m);
        rest = Math.floor(rest / m);
      }
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

export interface ExperimentData {
  readonly train: Dataset;
  readonly test: Dataset | null;
  /** The teacher of a teacher-student experiment. */
  readonly teacher?: Teacher;
}

function buildSet(e: NetworkExperiment, s: Samples, stream: string, teacher: Teacher | undefined): Dataset {
  const inputs = e.model.inputs;
  const t = e.data.target;
  const rng = createRng(e.seed, stream);
  if ('population' in s) {
    if (!teacher) throw new RangeError('data.train: {"population": true} needs data.teacher');
    const population = { k: teacher.k, teacher: teacher.weights };
    return { inputs, n: 0, x: new Float64Array(0), y: new Float64Array(0), population };
  }
  if (t && 'classes' in t && !('x' in s)) {
    const n = 'n' in s ? s.n : 0;
    const x = new Float64Array(2 * n);
    const y = new Float64Array(n);
    classDatasets.get(t.classes)!.generate(n, e.data.noise, rng, x, y);
    return { inputs, n, x, y };
  }
  const x = sampleInputs(s, inputs, rng);
  const n = x.length / inputs;
  let y: Float64Array<ArrayBuffer>;
  if ('y' in s) y = Float64Array.from(s.y);
  else if (teacher) y = teacherLabels(teacher, x, inputs);
  else if (t && !('classes' in t)) {
    const f = vectorTarget(t, inputs);
    y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = f(x, i * inputs);
  } else throw new RangeError('data.target: sampled inputs need a target or a teacher to label them');
  return { inputs, n, x, y };
}

export function buildData(e: NetworkExperiment): ExperimentData {
  const inputs = e.model.inputs;
  const teacher = e.data.teacher ? teacherWeights(e.data.teacher, inputs, e.seed) : undefined;
  const train = buildSet(e, e.data.train, 'data', teacher);
  const t = e.data.target;
  const classes = t !== undefined && 'classes' in t;
  if (e.data.noise > 0 && !classes) {
    const rng = createRng(e.seed, 'noise');
    for (let i = 0; i < train.y.length; i++) train.y[i] = train.y[i]! + e.data.noise * rng.normal();
  }
  const test = e.data.test ? buildSet(e, e.data.test, 'test', teacher) : null;
  for (const [name, d] of [
    ['train', train],
    ['test', test],
  ] as const) {
    if (!d) continue;
    for (let i = 0; i < d.n; i++) {
      const y = d.y[i]!;
      if (!Number.isFinite(y))
        throw new RangeError(`data.target: the target is not finite at sample ${i} of the ${name} set`);
      if (e.loss === 'bce' && !(y >= 0 && y <= 1))
        throw new RangeError(
          `data.${name}: the bce loss needs labels in [0, 1]; sample ${i} has ${y}` +
            (e.data.noise > 0 ? ' (data.noise adds Gaussian noise to the labels)' : ''),
        );
    }
  }
  return teacher ? { train, test, teacher } : { train, test };
}
