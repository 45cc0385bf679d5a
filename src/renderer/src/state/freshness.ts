/**
 * Which document revision the picture on screen was computed for, so views can say when it is stale.
 * The results store records the revision of the latest computation; a slice, though, is kept across a
 * re-run until the new one arrives (and stays when that run is cancelled), so each slice object is
 * stamped here with the revision current when it arrived.
 */
import type { ResultsStore, Slice } from './resultsStore';

const stamps = new WeakMap<Slice, number>();

/** Stamp every slice the store receives; returns the unsubscribe. */
export function trackSliceRevisions(results: ResultsStore): () => void {
  let last = results.get().slice;
  return results.subscribe(() => {
    const s = results.get();
    if (s.slice === last) return;
    last = s.slice;
    if (s.slice && !stamps.has(s.slice)) stamps.set(s.slice, s.revision);
  });
}

/** The document revision a slice was computed for (undefined: not tracked). */
export function sliceRevision(slice: Slice): number | undefined {
  return stamps.get(slice);
}
