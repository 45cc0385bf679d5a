/**
 * uPlot axes on lib/ticks: the same nice 1-2-5 (or decade) ticks and one-format labels as the canvas
 * plots. Spread into a uPlot axis: `{ ...niceAxis(log, 40) }`.
 */
import type uPlot from 'uplot';
import { logTicks, niceTicks, type Tick } from '../../lib/ticks';

export function niceAxis(
  log: boolean,
  pixelsPerTick: number,
): Pick<uPlot.Axis, 'splits' | 'values' | 'filter'> {
  // uPlot asks for splits then for their labels; the labels of the last splits are kept between the two.
  let last: Tick[] = [];
  return {
    splits: (u, axisIdx, min, max) => {
      const axis = u.axes[axisIdx]!;
      const horizontal = axis.side === 0 || axis.side === 2;
      const length = horizontal ? u.bbox.width / devicePixelRatio : u.bbox.height / devicePixelRatio;
      const count = Math.max(2, Math.min(10, Math.floor(length / pixelsPerTick)));
      last = log && min > 0 ? logTicks(min, max, count) : niceTicks(min, max, count);
      return last.map((t) => t.value);
    },
    // Every split is a chosen tick: uPlot's log filter would drop some of them.
    filter: (_u, splits) => splits,
    values: (_u, splits) =>
      splits.map((v) => (v === null ? '' : (last.find((t) => t.value === v)?.label ?? String(v)))),
  };
}
