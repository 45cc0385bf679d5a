/**
 * The worker side of the protocol, independent of the host: a Node worker thread and a browser Web
 * Worker each wrap this with their own `post` and `yieldToHost` (a macrotask, so cancel messages arrive).
 * Every payload is checked against the job contract before the job runs (runJob).
 */
import type { FromWorker, ToWorker } from './protocol';
import { collectTransferables } from './protocol';
import { InvalidInputError } from './invalidInput';
import { runJob } from './runJob';
import type { JobKind } from './contract';
import type { JobContext } from './types';

export interface HostPort {
  post(msg: FromWorker, transfer: ArrayBuffer[]): void;
  yieldToHost(): Promise<void>;
}

export function createJobHost(port: HostPort): (msg: ToWorker) => void {
  const cancelled = new Set<number>();
  return (msg) => {
    if (msg.type === 'cancel') {
      cancelled.add(msg.id);
      return;
    }
    const { id, kind, payload } = msg;
    let lastYield = Date.now();
    const ctx: JobContext = {
      progress(fraction, partial) {
        port.post({ type: 'progress', id, fraction, partial }, collectTransferables(partial));
      },
      async checkpoint() {
        // Yielding costs a macrotask; every 10 ms keeps cancel latency far under 100 ms.
        if (Date.now() - lastYield < 10) return;
        await port.yieldToHost();
        lastYield = Date.now();
      },
      get cancelled() {
        return cancelled.has(id);
      },
    };
    runJob(kind as JobKind, payload, ctx)
      .then(
        (result) => port.post({ type: 'done', id, result }, collectTransferables(result)),
        (err: unknown) =>
          port.post(
            {
              type: 'error',
              id,
              message: err instanceof Error ? err.message : String(err),
              invalidInput: err instanceof InvalidInputError || err instanceof RangeError,
            },
            [],
          ),
      )
      .finally(() => cancelled.delete(id));
  };
}
