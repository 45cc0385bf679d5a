/**
 * The Engine contract: one suite of checks that every Engine host must pass — the IPC engine over the
 * main process's worker pool (in Node, test/main/engineContract.test.ts) and the Web Worker engine (in
 * Chromium, test/e2e/shell.e2e.test.ts). The function is self-contained (no imports, no outer
 * variables) so the e2e test can send its source text to the page and run it there unchanged.
 * It returns the names of the checks that passed and throws on the first failure.
 */

export const contractExperiment = {
  relief: 1,
  seed: 7,
  data: { target: { preset: 'seed001' }, train: { n: 200 } },
  model: { inputs: 1, hidden: [8] },
  runs: [
    { name: 'short', optimizer: { type: 'sgd', lr: 0.05 }, steps: 60 },
    { name: 'long', optimizer: { type: 'sgd', lr: 0.01 }, steps: 1_000_000 },
  ],
};

/**
 * The Engine as these checks drive it: any kind and any payload, since they send bad ones on purpose
 * (the typed Engine would refuse them at compile time; the host must refuse them at run time).
 */
export interface LooseEngine {
  readonly host: string;
  run<R = unknown>(
    kind: string,
    payload: unknown,
    onProgress?: (fraction: number, partial?: unknown) => void,
  ): { readonly result: Promise<R>; cancel(): void };
}

export async function runEngineContract(engine: LooseEngine, experiment: unknown): Promise<string[]> {
  const passed: string[] = [];
  function ensure(cond: unknown, what: string): void {
    if (!cond) throw new Error(`engine contract (${engine.host}): ${what}`);
  }
  interface Run {
    status: string;
    steps: number;
    loss: Float64Array;
    params: Float64Array;
    path: Float64Array;
    engine: string;
    kernel: string;
  }

  // 1. A train job runs to the end, reports progress in order, and returns typed arrays.
  const fractions: number[] = [];
  let tails = 0;
  const h = engine.run<Run>('train', { experiment, run: 'short' }, (fraction, partial) => {
    fractions.push(fraction);
    const p = partial as { lossTail?: unknown } | undefined;
    if (p && p.lossTail instanceof Float64Array) tails++;
  });
  ensure(typeof h.cancel === 'function', 'run() returns a handle with cancel()');
  const r = await h.result;
  ensure(r.status === 'ok', `short run status is ok (got ${r.status})`);
  ensure(r.loss instanceof Float64Array, 'loss arrives as a Float64Array');
  ensure(r.params instanceof Float64Array, 'params arrive as a Float64Array');
  ensure(r.loss.length === 61, `loss has steps + 1 = 61 entries (got ${r.loss.length})`);
  ensure(r.params.length === 8 * 1 + 8 + 8 + 1, `params has 25 entries (got ${r.params.length})`);
  ensure(r.loss[60] < r.loss[0], 'gradient descent lowers the loss');
  ensure(fractions.length > 0, 'progress was reported');
  ensure(
    fractions.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= fractions[i - 1])),
    'progress fractions lie in [0, 1] and never go back',
  );
  ensure(tails === fractions.length, 'each progress report carries its loss values as a Float64Array');
  passed.push('train runs to the end with progress and typed arrays');

  // 1b. Both engines compute on the WebAssembly kernels in this host's workers (a Content-Security-
  // Policy without 'wasm-unsafe-eval' would silently leave them on the slower JavaScript ones).
  const dense = JSON.parse(JSON.stringify(experiment)) as { engine?: string };
  dense.engine = 'dense';
  const d = await engine.run<Run>('train', { experiment: dense, run: 'short' }).result;
  ensure(r.engine === 'exact' && r.kernel === 'wasm', `exact engine on wasm (got ${r.engine}, ${r.kernel})`);
  ensure(d.engine === 'dense' && d.kernel === 'wasm', `dense engine on wasm (got ${d.engine}, ${d.kernel})`);
  ensure(
    d.loss.every((v, i) => Math.abs(v - r.loss[i]) <= 1e-9 * Math.abs(r.loss[i])),
    'the dense and exact engines give the same losses',
  );
  passed.push('both engines run on the WebAssembly kernels');

  // 2. Same experiment, same numbers: runs are seeded, whichever worker runs them.
  const [a, b] = await Promise.all([
    engine.run<Run>('train', { experiment, run: 'short' }).result,
    engine.run<Run>('train', { experiment, run: 'short' }).result,
  ]);
  ensure(
    a.loss.length === r.loss.length && a.loss.every((v, i) => v === r.loss[i] && v === b.loss[i]),
    'two concurrent runs of one experiment give identical losses',
  );
  passed.push('concurrent runs are deterministic');

  // 3. Cancel: the job stops early and resolves with its history, status "cancelled".
  let cancel = () => {};
  let reports = 0;
  const long = engine.run<Run>('train', { experiment, run: 'long' }, () => {
    if (++reports === 2) cancel();
  });
  cancel = long.cancel;
  const c = await long.result;
  ensure(c.status === 'cancelled', `cancelled run has status cancelled (got ${c.status})`);
  ensure(c.steps > 0 && c.steps < 1_000_000, `cancelled run stopped early (steps ${c.steps})`);
  ensure(c.loss.length === c.steps + 1, 'cancelled run keeps its loss history');
  passed.push('cancel stops a running job with its history');

  // 4. Invalid input is rejected as such, naming the field; the engine keeps working afterwards.
  const bad = JSON.parse(JSON.stringify(experiment)) as { runs: { optimizer: { lr: number } }[] };
  bad.runs[0].optimizer.lr = -1;
  let error: (Error & { invalidInput?: boolean }) | null = null;
  try {
    await engine.run('train', { experiment: bad, run: 'short' }).result;
  } catch (e) {
    error = e as Error & { invalidInput?: boolean };
  }
  ensure(error !== null, 'an invalid experiment is rejected');
  ensure(error?.invalidInput === true, 'the rejection is marked as invalid input');
  ensure(
    /runs\[0\]\.optimizer\.lr/.test(error?.message ?? ''),
    `the message names the field (${error?.message})`,
  );
  let unknownKind: (Error & { invalidInput?: boolean }) | null = null;
  try {
    await engine.run('no-such-job', { experiment }).result;
  } catch (e) {
    unknownKind = e as Error & { invalidInput?: boolean };
  }
  ensure(unknownKind?.invalidInput === true, 'an unknown job kind is rejected as invalid input');
  const again = await engine.run<Run>('train', { experiment, run: 'short' }).result;
  ensure(again.status === 'ok', 'the engine still runs jobs after rejections');
  passed.push('invalid input is rejected with the field named');

  return passed;
}
