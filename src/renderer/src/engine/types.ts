/**
 * The one interface the renderer uses to run core jobs: core's JobRunner (src/core/jobs/contract.ts:
 * each kind's payload, result and progress types). In Electron it goes over IPC to the main process's
 * worker pool; in web mode it posts to Web Workers running the same core job host. Views never know
 * which, and the pipeline coordinator runs on either.
 */
import type { JobRunner } from '../../../core/jobs/contract';

export type { JobHandle } from '../../../core/jobs/contract';

export interface Engine extends JobRunner {
  readonly host: 'electron' | 'web';
}
