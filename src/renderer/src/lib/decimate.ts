/**
 * Min/max decimation to the pixel width: the points of a curve binned into `columns` equal x columns,
 * each column keeping its lowest and highest value in x order. A line through the result covers
 * exactly the vertical extent the full curve covers in each column, so a one-step spike survives,
 * and there are never more than two points per column, however long the curve.
 */

export interface Columns {
  /** Per column c, slot 2c holds the extreme that comes first in x, slot 2c+1 the other (NaN: none). */
  readonly y: Float64Array;
  /** The x of each slot's point. */
  readonly x: Float64Array;
}

export function minMaxColumns(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  count: number,
  lo: number,
  hi: number,
  columns: number,
): Columns {
  const out = new Float64Array(2 * columns).fill(NaN);
  const minX = new Float64Array(columns);
  const maxX = new Float64Array(columns);
  const xs = new Float64Array(2 * columns).fill(NaN);
  const span = hi - lo;
  for (let k = 0; k < count; k++) {
    const xv = x[k]!;
    const yv = y[k]!;
    if (!Number.isFinite(xv) || !Number.isFinite(yv)) continue;
    const c = span > 0 ? Math.min(columns - 1, Math.max(0, Math.floor(((xv - lo) / span) * columns))) : 0;
    const a = 2 * c;
    if (Number.isNaN(out[a]!)) {
      out[a] = out[a + 1] = yv;
      minX[c] = maxX[c] = xv;
      continue;
    }
    // out[a], out[a+1] hold the column's (min, max) while scanning; ordered by x at the end.
    if (yv < out[a]!) {
      out[a] = yv;
      minX[c] = xv;
    }
    if (yv > out[a + 1]!) {
      out[a + 1] = yv;
      maxX[c] = xv;
    }
  }
  for (let c = 0; c < columns; c++) {
    const a = 2 * c;
    if (Number.isNaN(out[a]!)) continue;
    if (out[a] === out[a + 1])
      out[a + 1] = NaN; // one value: one point
    else if (maxX[c]! < minX[c]!) {
      const t = out[a]!;
      out[a] = out[a + 1]!;
      out[a + 1] = t;
      xs[a] = maxX[c]!;
      xs[a + 1] = minX[c]!;
      continue;
    }
    xs[a] = minX[c]!;
    xs[a + 1] = maxX[c]!;
  }
  return { y: out, x: xs };
}
