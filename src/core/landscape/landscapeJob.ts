/**
 * The `landscape` job: a whole slice in one job (trains the runs it needs unless given; coarse preview,
 * rows streamed, then the rest). Coordinators split a slice into the slice* jobs instead (sliceJobs.ts).
 */
import { defineJob } from '../jobs/types';
import { setUp } from '../setup';
import { computeSlice } from './slice';

export const landscapeJob = defineJob({
  kind: 'landscape',
  run: (payload, ctx) => computeSlice(setUp(payload.experiment), payload.runs, ctx),
});
