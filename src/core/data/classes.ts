/**
 * TensorFlow Playground's four classification datasets (circle, xor, gauss, spiral), re-written on Relief's
 * seeded generator: the same distributions as playground's dataset.ts (radii, paddings, spreads; `noise` is
 * the generator's argument, the noise slider's percent / 100), with labels 0/1 instead of -1/+1 (playground's
 * +1 is 1). Points come class by class, as in playground: ceil(n/2) of label 1 first where it makes two
 * halves. One entry per dataset.
 */
import { buildRegistry } from '../registry';
import type { Rng } from '../rng';

export interface ClassDataset {
  readonly name: string;
  readonly help: string;
  /** n points into x (n x 2 row-major) and labels into y. */
  generate(n: number, noise: number, rng: Rng, x: Float64Array, y: Float64Array): void;
}

const uniform = (rng: Rng, a: number, b: number) => a + (b - a) * rng.uniform();

/** Halves: the first class gets the extra point when n is odd. */
const half = (n: number) => Math.ceil(n / 2);

const classList: ClassDataset[] = [
  {
    name: 'circle',
    help: 'Label 1 inside radius 2.5, label 0 in the ring 3.5..5; noise shifts the point the label is read at.',
    generate(n, noise, rng, x, y) {
      const radius = 5;
      for (let i = 0; i < n; i++) {
        const inside = i < half(n);
        const r = inside ? uniform(rng, 0, radius * 0.5) : uniform(rng, radius * 0.7, radius);
        const angle = uniform(rng, 0, 2 * Math.PI);
        const px = r * Math.sin(angle);
        const py = r * Math.cos(angle);
        const nx = uniform(rng, -radius, radius) * noise;
        const ny = uniform(rng, -radius, radius) * noise;
        x[2 * i] = px;
        x[2 * i + 1] = py;
        y[i] = Math.hypot(px + nx, py + ny) < radius * 0.5 ? 1 : 0;
      }
    },
  },
  {
    name: 'xor',
    help: 'Uniform on [-5, 5]² padded 0.3 away from the axes; label 1 where x·y ≥ 0 (at the noisy point).',
    generate(n, noise, rng, x, y) {
      const padding = 0.3;
      for (let i = 0; i < n; i++) {
        let px = uniform(rng, -5, 5);
        px += px > 0 ? padding : -padding;
        let py = uniform(rng, -5, 5);
        py += py > 0 ? padding : -padding;
        const nx = uniform(rng, -5, 5) * noise;
        const ny = uniform(rng, -5, 5) * noise;
        x[2 * i] = px;
        x[2 * i + 1] = py;
        y[i] = (px + nx) * (py + ny) >= 0 ? 1 : 0;
      }
    },
  },
  {
    name: 'gauss',
    help: 'Two Gaussian clusters at (2, 2) (label 1) and (-2, -2) (label 0); variance 0.5 + 7·noise.',
    generate(n, noise, rng, x, y) {
      const sd = Math.sqrt(0.5 + (4 - 0.5) * (noise / 0.5));
      for (let i = 0; i < n; i++) {
        const pos = i < half(n);
        const c = pos ? 2 : -2;
        x[2 * i] = c + sd * rng.normal();
        x[2 * i + 1] = c + sd * rng.normal();
        y[i] = pos ? 1 : 0;
      }
    },
  },
  {
    name: 'spiral',
    help: 'Two interleaved spirals of radius 0..5 (1.75 turns); noise adds U(-1, 1)·noise to each coordinate.',
    generate(n, noise, rng, x, y) {
      const m = n / 2;
      const first = half(n);
      for (let i = 0; i < n; i++) {
        const pos = i < first;
        const k = pos ? i : i - first;
        const r = (k / m) * 5;
        const t = ((1.75 * k) / m) * 2 * Math.PI + (pos ? 0 : Math.PI);
        x[2 * i] = r * Math.sin(t) + uniform(rng, -1, 1) * noise;
        x[2 * i + 1] = r * Math.cos(t) + uniform(rng, -1, 1) * noise;
        y[i] = pos ? 1 : 0;
      }
    },
  },
];

export const classDatasets = buildRegistry(classList, (c) => c.name, 'classification dataset');
export const classDatasetNames = classList.map((c) => c.name) as ['circle', 'xor', 'gauss', 'spiral'];
