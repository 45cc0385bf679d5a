/// <reference lib="webworker" />
/**
 * Entry of a Web Worker in web mode: the same core job host the Node pool runs, on a worker's
 * postMessage. Results' typed arrays are transferred (the host lists them), not copied.
 */
import { createJobHost } from '../../../core/jobs/host';
import type { ToWorker } from '../../../core/jobs/protocol';

declare const self: DedicatedWorkerGlobalScope;

// A MessageChannel round trip is a macrotask that browsers do not clamp the way nested
// setTimeout(0) is (to 4 ms), so yielding every 10 ms costs almost nothing and cancel gets through.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
function yieldToHost(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

const handle = createJobHost({
  post: (msg, transfer) => self.postMessage(msg, transfer),
  yieldToHost,
});
self.onmessage = (ev: MessageEvent<ToWorker>) => handle(ev.data);
