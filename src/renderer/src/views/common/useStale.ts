/**
 * Whether what is on screen belongs to the document as it is now. `results`: the document changed (or
 * became invalid) since the runs were computed. `slice`: the surface on screen was computed for an
 * earlier revision and nothing is computing its replacement (a cancelled run, Auto off).
 */
import { sliceRevision } from '../../state/freshness';
import { useDoc, useResults } from '../../state/AppContext';

export interface Staleness {
  readonly results: boolean;
  readonly slice: boolean;
  /** Something is computing right now. */
  readonly busy: boolean;
}

export function useStale(): Staleness {
  const docRevision = useDoc((d) => d.revision);
  const resultsRevision = useResults((r) => r.revision);
  const hasRuns = useResults((r) => r.runs.length > 0);
  const slice = useResults((r) => r.slice);
  const busy = useResults((r) => r.progress !== null);
  const stamp = slice ? sliceRevision(slice) : undefined;
  return {
    results: hasRuns && resultsRevision !== docRevision,
    slice: !busy && slice !== null && stamp !== undefined && stamp !== docRevision,
    busy,
  };
}
