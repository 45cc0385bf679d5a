/**
 * Every job a worker can run, by kind. The Node pool, the Web Worker host and inline callers all
 * dispatch through this one table.
 */
import { landscapeJob } from '../landscape/landscapeJob';
import { buildRegistry } from '../registry';
import { trainJob } from './trainJob';
import type { JobDef } from './types';

export const jobList: readonly JobDef[] = [trainJob, landscapeJob];

export const jobs = buildRegistry(jobList, (j) => j.kind, 'job');
