/**
 * Every job a worker can run, by kind. The Node pool, the Web Worker host and inline callers all
 * dispatch through this one table.
 */
import { analyzeJob } from '../analysis/analyzeJob';
import { censusJob } from '../analysis/censusJob';
import { nebJob } from '../analysis/nebJob';
import { saddlesJob } from '../analysis/saddlesJob';
import { landscapeJob } from '../landscape/landscapeJob';
import { buildRegistry } from '../registry';
import { basinsJob, surfaceCriticalJob } from '../surface/surfaceJobs';
import { trainJob } from './trainJob';
import type { JobDef } from './types';

export const jobList: readonly JobDef[] = [
  trainJob,
  landscapeJob,
  analyzeJob,
  nebJob,
  saddlesJob,
  censusJob,
  surfaceCriticalJob,
  basinsJob,
];

export const jobs = buildRegistry(jobList, (j) => j.kind, 'job');
