/**
 * Every job a worker can run, by kind: the code behind each entry of the contract (contract.ts). The
 * Node pool, the Web Worker host and inline runners all dispatch through this one table.
 */
import { analyzeJob } from '../analysis/analyzeJob';
import { censusJob } from '../analysis/censusJob';
import { nebJob } from '../analysis/nebJob';
import { saddlesJob } from '../analysis/saddlesJob';
import { sliceFinishJob, slicePlaneJob, sliceRowsJob } from '../landscape/sliceJobs';
import { basinsJob, surfaceCriticalJob } from '../surface/surfaceJobs';
import type { JobKind } from './contract';
import { trainJob } from './trainJob';
import type { JobDef } from './types';

/** One entry per kind of the contract (a missing or misnamed one is a type error). */
export const jobs: { readonly [K in JobKind]: JobDef<K> } = {
  train: trainJob,
  slicePlane: slicePlaneJob,
  sliceRows: sliceRowsJob,
  sliceFinish: sliceFinishJob,
  analyze: analyzeJob,
  neb: nebJob,
  saddles: saddlesJob,
  census: censusJob,
  surfaceCritical: surfaceCriticalJob,
  basins: basinsJob,
};
