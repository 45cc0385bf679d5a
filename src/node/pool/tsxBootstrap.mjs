// Runs a TypeScript worker entry without a build step (CLI and tests): tsx's loader is registered
// inside the worker itself, since Node 20 does not pass --import hooks on to worker threads.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
