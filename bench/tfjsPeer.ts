/**
 * TensorFlow.js peers for the bench: the same full-batch GD and loss grids with the pure-JS `cpu`
 * backend and the WebAssembly backend (float32, as tfjs computes). GD is written the way a tfjs user
 * would: variables, a loss closure and tf.train.sgd(lr).minimize. Both backends run each op
 * synchronously, so a call's work is done when it returns.
 */
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { LossPlane } from '../src/core/engine/plane';

export type TfBackend = 'cpu' | 'wasm';

let wasmReady = false;

export async function useBackend(name: TfBackend): Promise<void> {
  if (name === 'wasm' && !wasmReady) {
    const dist = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/index.js');
    setWasmPaths(dist.slice(0, dist.lastIndexOf('/') + 1));
    wasmReady = true;
  }
  if (!(await tf.setBackend(name))) throw new Error(`tfjs backend ${name} failed to start`);
  await tf.ready();
}

export function tfVersion(): string {
  return tf.version.tfjs;
}

function tensors(x: Float64Array, y: Float64Array): { xt: tf.Tensor2D; yt: tf.Tensor2D } {
  return {
    xt: tf.tensor2d(Float32Array.from(x), [x.length, 1]),
    yt: tf.tensor2d(Float32Array.from(y), [y.length, 1]),
  };
}

export interface TfGd {
  steps(n: number): void;
  loss(): number;
  dispose(): void;
}

/** GD state on the current backend, from the flat parameters (W1, b1, W2, b2). */
export function createTfGd(
  x: Float64Array,
  y: Float64Array,
  H: number,
  params: Float64Array,
  lr: number,
): TfGd {
  const { xt, yt } = tensors(x, y);
  const p = Float32Array.from(params);
  const W1 = tf.variable(tf.tensor2d(p.subarray(0, H), [1, H]));
  const b1 = tf.variable(tf.tensor1d(p.subarray(H, 2 * H)));
  const W2 = tf.variable(tf.tensor2d(p.subarray(2 * H, 3 * H), [H, 1]));
  const b2 = tf.variable(tf.tensor1d(p.subarray(3 * H, 3 * H + 1)));
  const lossFn = (): tf.Scalar =>
    tf.losses.meanSquaredError(yt, tf.relu(xt.matMul(W1).add(b1)).matMul(W2).add(b2));
  const opt = tf.train.sgd(lr);
  return {
    steps(n) {
      for (let k = 0; k < n; k++) opt.minimize(lossFn);
    },
    loss: () => tf.tidy(lossFn).dataSync()[0]!,
    dispose() {
      tf.dispose([xt, yt, W1, b1, W2, b2]);
      opt.dispose();
    },
  };
}

export interface TfGrid {
  /** Losses of grid points [from, from + n) in row-major order. */
  points(from: number, n: number): number[];
  dispose(): void;
}

export function createTfGrid(x: Float64Array, y: Float64Array, H: number, plane: LossPlane): TfGrid {
  const { xt, yt } = tensors(x, y);
  const p = new Float32Array(plane.center.length);
  const cols = plane.alphas.length;
  return {
    points(from, n) {
      const values: number[] = [];
      for (let k = from; k < from + n; k++) {
        const i = Math.floor(k / cols);
        const j = k % cols;
        for (let q = 0; q < p.length; q++)
          p[q] = plane.center[q]! + plane.alphas[j]! * plane.d1[q]! + plane.betas[i]! * plane.d2[q]!;
        const l = tf.tidy(() => {
          const w1 = tf.tensor2d(p.subarray(0, H), [1, H]);
          const z = tf.relu(xt.matMul(w1).add(tf.tensor1d(p.subarray(H, 2 * H))));
          const f = z.matMul(tf.tensor2d(p.subarray(2 * H, 3 * H), [H, 1])).add(p[3 * H]!);
          return tf.losses.meanSquaredError(yt, f);
        });
        values.push(l.dataSync()[0]!);
        l.dispose();
      }
      return values;
    },
    dispose: () => tf.dispose([xt, yt]),
  };
}
