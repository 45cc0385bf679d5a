/**
 * Initial parameters, as a registry of schemes keyed by the Experiment's `model.init`.
 * Draws come from the experiment's `init` stream in layout order (per layer: W row-major, then b).
 */
import type { NetworkModel } from '../experiment/schema';
import { createRng, type Rng } from '../rng';
import { buildRegistry } from '../registry';
import { fixedEntries, layoutOf, restrictParams, type LayerLayout } from './spec';

type Model = NetworkModel;
type Fill = (rng: Rng, ly: LayerLayout, p: Float64Array) => void;

const normal = (rng: Rng, std: number) => std * rng.normal();
const uniform = (rng: Rng, a: number) => a * (2 * rng.uniform() - 1);

function fillW(p: Float64Array, ly: LayerLayout, draw: () => number): void {
  for (let k = 0; k < ly.fanIn * ly.fanOut; k++) p[ly.w + k] = draw();
}
function fillB(p: Float64Array, ly: LayerLayout, draw: () => number): void {
  for (let k = 0; k < ly.fanOut; k++) p[ly.b + k] = draw();
}

interface Scheme {
  readonly name: string;
  readonly help: string;
  readonly fill: Fill;
}

const schemeList: Scheme[] = [
  {
    name: 'he',
    help: 'He/Kaiming normal: W ~ N(0, 2/fanIn), b = 0.',
    fill: (rng, ly, p) => {
      const std = Math.sqrt(2 / ly.fanIn);
      fillW(p, ly, () => normal(rng, std));
      fillB(p, ly, () => 0);
    },
  },
  {
    name: 'xavier',
    help: 'Xavier/Glorot uniform: W ~ U(-a, a), a = sqrt(6/(fanIn+fanOut)), b = 0.',
    fill: (rng, ly, p) => {
      const a = Math.sqrt(6 / (ly.fanIn + ly.fanOut));
      fillW(p, ly, () => uniform(rng, a));
      fillB(p, ly, () => 0);
    },
  },
  {
    name: 'torch',
    help: "torch.nn.Linear's default: W and b ~ U(-1/sqrt(fanIn), 1/sqrt(fanIn)).",
    fill: (rng, ly, p) => {
      const a = 1 / Math.sqrt(ly.fanIn);
      fillW(p, ly, () => uniform(rng, a));
      fillB(p, ly, () => uniform(rng, a));
    },
  },
];

export const initSchemes = buildRegistry(schemeList, (s) => s.name, 'init scheme');

/**
 * The initial flat parameter vector of a model. With fixed entries (bias false, output sum) the full layout
 * is drawn as usual and the free entries are kept, so W_1 is drawn exactly as in the full network.
 */
export function initialParams(model: Model, seed: number): Float64Array<ArrayBuffer> {
  if (model.params) return Float64Array.from(model.params);
  const full = drawFull(model, seed);
  const fx = fixedEntries(model);
  if (!fx) return full;
  const p = new Float64Array(fx.free.length);
  restrictParams(fx, full, p);
  return p;
}

function drawFull(model: Model, seed: number): Float64Array<ArrayBuffer> {
  const layout = layoutOf(model);
  const p = new Float64Array(layout.size);
  const rng = createRng(seed, 'init');
  const init = model.init;
  for (const ly of layout.layers) {
    if ('scheme' in init) {
      initSchemes.get(init.scheme)!.fill(rng, ly, p);
      continue;
    }
    // Explicit distributions (seed 001: W ~ N(0, 1), b = 0). "uniform" with std s draws U(-s√3, s√3).
    const draw = (d: { dist: 'normal' | 'uniform'; std: number }) =>
      d.dist === 'normal' ? () => normal(rng, d.std) : () => uniform(rng, d.std * Math.sqrt(3));
    fillW(p, ly, draw(init.weights));
    const b = init.bias;
    fillB(p, ly, 'const' in b ? () => b.const : draw(b));
  }
  return p;
}
