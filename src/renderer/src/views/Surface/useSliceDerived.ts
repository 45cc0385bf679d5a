/** What every surface view draws, derived once per slice/scale/runs change: mapping, contours, paths. */
import { useMemo } from 'react';
import { contourLines, niceContourLevels, type ContourLine } from '../../lib/contourLines';
import { pathOnSlice } from '../../lib/pathOnSlice';
import { createMapping, type SurfaceMapping } from '../../lib/surfaceMapping';
import { useResults, useView } from '../../state/AppContext';
import type { Slice } from '../../state/resultsStore';
import { useThrottledValue } from '../common/useThrottledValue';
import type { ScenePath } from './surfaceScene';
import { useSurfaceLog } from './useSurfaceLog';

/** Interval between redraws of growing paths. */
const PATH_REDRAW_MS = 500;

export interface SliceDerived {
  readonly slice: Slice;
  readonly mapping: SurfaceMapping;
  /** Contour lines at nice levels (displayed values: log10 loss or loss). */
  readonly contours: readonly ContourLine[];
  /** The label of each contour level (the loss), by level. */
  readonly contourLabels: ReadonlyMap<number, string>;
  readonly paths: readonly ScenePath[];
}

export function useSliceDerived(): SliceDerived | null {
  const slice = useResults((s) => s.slice);
  // Paths grow with every streamed report; redrawing the scene that often would starve the page (a
  // software WebGL frame costs hundreds of milliseconds), so they follow the runs a few times a second.
  const live = useResults((s) => s.runs);
  const streaming = live.some((r) => r.phase === 'running');
  const runs = useThrottledValue(live, streaming ? PATH_REDRAW_MS : 0);
  const log = useSurfaceLog().on;
  const hidden = useView((s) => s.hiddenRuns);
  const base = useMemo(() => {
    if (!slice) return null;
    const mapping = createMapping(slice.alpha, slice.beta, slice.loss, log);
    // Contours wait for the whole grid: re-tracing them for every batch of streamed rows is wasted work.
    if (slice.rowsDone < slice.beta.length)
      return { slice, mapping, contours: [], contourLabels: new Map<number, string>() };
    const shown = Float64Array.from(slice.loss, (l) =>
      Number.isFinite(l) ? (log ? Math.log10(Math.max(l, mapping.floor)) : l) : NaN,
    );
    const levels = niceContourLevels(mapping.lo, mapping.hi, log);
    const contours = contourLines(
      { alpha: slice.alpha, beta: slice.beta, values: shown },
      levels.map((l) => l.value),
    );
    return { slice, mapping, contours, contourLabels: new Map(levels.map((l) => [l.value, l.label])) };
  }, [slice, log]);
  const paths = useMemo(() => {
    if (!base) return [];
    return runs
      .filter(
        (r) =>
          !hidden.includes(r.name) &&
          r.snapshots.length > 0 &&
          r.snapshots[0]!.length === base.slice.center.length,
      )
      .map((r) => ({
        name: r.name,
        color: r.color,
        path: pathOnSlice(base.slice, r.snapshots, r.snapshotSteps, r.loss),
      }));
  }, [base, runs, hidden]);
  // One object per change: effects that depend on it must not redraw the scene on unrelated renders.
  return useMemo(() => (base ? { ...base, paths } : null), [base, paths]);
}
