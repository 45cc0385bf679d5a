/**
 * TensorFlow.js peers for the bench: the same full-batch GD and loss grids with the pure-JS `cpu`
 * backend and the WebAssembly backend (float32, as tfjs computes). GD is written the way a tfjs user
 * would: variables, a loss closure and tf.train.sgd(lr).minimize.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

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

export async function tfGd(
  x: Float64Array,
  y: Float64Array,
  H: number,
  params: Float64Array,
  lr: number,
  steps: number,
): Promise<{ seconds: number; steps: number; finalLoss: number }> {
  const { xt, yt } = tensors(x, y);
  const p = Float32Array.from(params);
  const W1 = tf.variable(tf.tensor2d(p.subarray(0, H), [1, H]));
  const b1 = tf.variable(tf.tensor1d(p.subarray(H, 2 * H)));
  const W2 = tf.variable(tf.tensor2d(p.subarray(2 * H, 3 * H), [H, 1]));
  const b2 = tf.variable(tf.tensor1d(p.subarray(3 * H, 3 * H + 1)));
  const lossFn = (): tf.Scalar =>
    tf.losses.meanSquaredError(yt, tf.relu(xt.matMul(W1).add(b1)).matMul(W2).add(b2));
  const opt = tf.train.sgd(lr);
  const t0 = performance.now();
  for (let k = 0; k < steps; k++) opt.minimize(lossFn);
  const finalLoss = tf.tidy(lossFn).dataSync()[0]!;
  const seconds = (performance.now() - t0) / 1000;
  tf.dispose([xt, yt, W1, b1, W2, b2]);
  opt.dispose();
  return { seconds, steps, finalLoss };
}

export async function tfGrid(
  x: Float64Array,
  y: Float64Array,
  H: number,
  plane: {
    center: Float64Array;
    d1: Float64Array;
    d2: Float64Array;
    alphas: Float64Array;
    betas: Float64Array;
  },
  maxPoints: number,
): Promise<{ seconds: number; points: number; values: number[] }> {
  const { xt, yt } = tensors(x, y);
  const p = new Float32Array(plane.center.length);
  const values: number[] = [];
  const t0 = performance.now();
  const cols = plane.alphas.length;
  for (let k = 0; k < maxPoints; k++) {
    const i = Math.floor(k / cols);
    const j = k % cols;
    {
      for (let k = 0; k < p.length; k++)
        p[k] = plane.center[k]! + plane.alphas[j]! * plane.d1[k]! + plane.betas[i]! * plane.d2[k]!;
      const l = tf.tidy(() => {
        const z = tf.relu(
          xt.matMul(tf.tensor2d(p.subarray(0, H), [1, H])).add(tf.tensor1d(p.subarray(H, 2 * H))),
        );
        const f = z.matMul(tf.tensor2d(p.subarray(2 * H, 3 * H), [H, 1])).add(p[3 * H]!);
        return tf.losses.meanSquaredError(yt, f);
      });
      values.push(l.dataSync()[0]!);
      l.dispose();
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  tf.dispose([xt, yt]);
  return { seconds, points: values.length, values };
}
