/** Entry of a pool worker thread: the core job host on a worker_threads port. */
import { parentPort } from 'node:worker_threads';
import { createJobHost } from '../../core/jobs/host';
import type { ToWorker } from '../../core/jobs/protocol';

const port = parentPort;
if (!port) throw new Error('jobWorker must run in a worker thread');
const handle = createJobHost({
  post: (msg, transfer) => port.postMessage(msg, transfer),
  yieldToHost: () => new Promise((resolve) => setImmediate(resolve)),
});
port.on('message', (msg: ToWorker) => handle(msg));
