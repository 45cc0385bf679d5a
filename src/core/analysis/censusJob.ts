/**
 * The `census` job: trains the given initializations x runs and returns the raw entries (a shard).
 * Callers (the CLI, the app) gather shards and call summarizeCensus; `merge` does the same from files.
 */
import { defineJob } from '../jobs/types';
import { setUp } from '../setup';
import { censusEntries, type CensusEntry } from './census';

export const censusJob = defineJob({
  kind: 'census',
  async run(payload, ctx): Promise<{ entries: CensusEntry[] }> {
    // inits: initialization indices (0 = the experiment's own initial point); runs: default all runs.
    const setup = setUp(payload.experiment);
    const names = payload.runs ?? setup.experiment.runs.map((r) => r.name);
    names.forEach((n, i) => {
      if (!setup.experiment.runs.some((r) => r.name === n))
        throw new RangeError(`runs[${i}]: no run named '${n}'`);
    });
    payload.inits.forEach((k, i) => {
      if (!(Number.isInteger(k) && k >= 0)) throw new RangeError(`inits[${i}]: must be an integer >= 0`);
    });
    return { entries: await censusEntries(setup, payload.inits, names, ctx) };
  },
});
