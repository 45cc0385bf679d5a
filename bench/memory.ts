/**
 * Memory check, run by bench/run.ts in its own process so nothing else inflates the numbers:
 * a 401x401 loss grid at H = 256, N = 100,000, output allocated in full. The dense path computes the
 * first `points` points (every point costs the same and allocates nothing new; the full grid is hours
 * of single-core work), the exact path all of them. Prints JSON: peak RSS (resourceUsage().maxRSS)
 * and heap before and after each.
 */
import { performance } from 'node:perf_hooks';
import { denseLossPlane } from '../src/core/engine/densePlane';
import { exactLossPlane } from '../src/core/engine/exactPlane';
import { benchData, benchPlane, reluSpec, seed001Params } from './setup';

const points = Number(process.argv[2] ?? 41);
const H = 256;
const N = 100_000;
const size = 401;
const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

const data = benchData(N);
const spec = reluSpec(H);
const plane = benchPlane(seed001Params(H), size);
const out = new Float64Array(size * size);
const before = { rssMB: mb(process.memoryUsage().rss), heapMB: mb(process.memoryUsage().heapUsed) };

let t0 = performance.now();
denseLossPlane(spec, data, { ...plane, alphas: plane.alphas.subarray(0, points) }, 0, 1, out);
const denseSeconds = (performance.now() - t0) / 1000;
const afterDense = { rssMB: mb(process.memoryUsage().rss), heapMB: mb(process.memoryUsage().heapUsed) };

t0 = performance.now();
exactLossPlane(spec, data, plane, 0, size, out);
const exactSeconds = (performance.now() - t0) / 1000;
const afterExact = { rssMB: mb(process.memoryUsage().rss), heapMB: mb(process.memoryUsage().heapUsed) };

process.stdout.write(
  JSON.stringify({
    grid: `${size}x${size}`,
    H,
    N,
    outputMB: mb(out.byteLength),
    before,
    dense: { points, seconds: denseSeconds, secondsPerPoint: denseSeconds / points, after: afterDense },
    exact: { rows: size, seconds: exactSeconds, after: afterExact },
    peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
  }),
);
