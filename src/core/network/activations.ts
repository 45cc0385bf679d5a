/**
 * Activation functions as a registry keyed by the names stored in the Experiment file.
 * Each entry carries the function and its first and second derivatives (the second feeds
 * Hessian-vector products). At a ReLU kink the derivative is taken as 0 (as in seed 001: x > 0).
 */
import { buildRegistry } from '../registry';

export interface Activation {
  readonly name: string;
  /** One-line help for the UI. */
  readonly help: string;
  /** Piecewise linear in its argument: the exact engine applies. */
  readonly piecewiseLinear: boolean;
  f(z: number, slope: number): number;
  df(z: number, slope: number): number;
  d2f(z: number, slope: number): number;
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

const entries: Activation[] = [
  {
    name: 'linear',
    help: 'Identity: the layer stays linear.',
    piecewiseLinear: true,
    f: (z) => z,
    df: () => 1,
    d2f: () => 0,
  },
  {
    name: 'relu',
    help: 'max(0, z): one kink per unit.',
    piecewiseLinear: true,
    f: (z) => (z > 0 ? z : 0),
    df: (z) => (z > 0 ? 1 : 0),
    d2f: () => 0,
  },
  {
    name: 'leakyRelu',
    help: 'z for z > 0, slope·z otherwise (model.leakySlope, default 0.01).',
    piecewiseLinear: true,
    f: (z, s) => (z > 0 ? z : s * z),
    df: (z, s) => (z > 0 ? 1 : s),
    d2f: () => 0,
  },
  {
    name: 'tanh',
    help: 'Hyperbolic tangent, smooth and saturating.',
    piecewiseLinear: false,
    f: (z) => Math.tanh(z),
    df: (z) => {
      const t = Math.tanh(z);
      return 1 - t * t;
    },
    d2f: (z) => {
      const t = Math.tanh(z);
      return -2 * t * (1 - t * t);
    },
  },
  {
    name: 'sigmoid',
    help: 'Logistic 1/(1+e^-z).',
    piecewiseLinear: false,
    f: sigmoid,
    df: (z) => {
      const s = sigmoid(z);
      return s * (1 - s);
    },
    d2f: (z) => {
      const s = sigmoid(z);
      return s * (1 - s) * (1 - 2 * s);
    },
  },
  {
    name: 'softplus',
    help: 'log(1+e^z), a smooth ReLU.',
    piecewiseLinear: false,
    f: (z) => (z > 30 ? z : Math.log1p(Math.exp(z))),
    df: sigmoid,
    d2f: (z) => {
      const s = sigmoid(z);
      return s * (1 - s);
    },
  },
  {
    name: 'elu',
    help: 'z for z > 0, e^z - 1 otherwise (alpha = 1).',
    piecewiseLinear: false,
    f: (z) => (z > 0 ? z : Math.expm1(z)),
    df: (z) => (z > 0 ? 1 : Math.exp(z)),
    d2f: (z) => (z > 0 ? 0 : Math.exp(z)),
  },
  {
    name: 'exp',
    help: 'e^z (seed 003: the exponential activation).',
    piecewiseLinear: false,
    f: (z) => Math.exp(z),
    df: (z) => Math.exp(z),
    d2f: (z) => Math.exp(z),
  },
];

export const activations = buildRegistry(entries, (a) => a.name, 'activation');
export const activationNames = [...activations.keys()] as [string, ...string[]];

export function getActivation(name: string): Activation {
  const a = activations.get(name);
  if (!a) throw new Error(`unknown activation '${name}'`);
  return a;
}
