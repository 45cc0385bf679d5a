/**
 * Axes of the small canvas plots, all from lib/ticks: grid lines and labels at nice values (1-2-5 × 10^k,
 * one number format per axis), so every plot reads the same way. Callers give the plot box and the
 * value-to-pixel maps; these draw inside and beside the box.
 */
import { logTicks, niceTicks, type Tick } from '../../lib/ticks';

export interface PlotBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface AxisColors {
  readonly grid: string;
  readonly muted: string;
}

export const AXIS_FONT = '11px system-ui, sans-serif';

/** Ticks of a linear or log axis over [lo, hi], at most about one per `pixelsPerTick` of its length. */
export function axisTicks(
  lo: number,
  hi: number,
  lengthPx: number,
  pixelsPerTick: number,
  log = false,
): Tick[] {
  const max = Math.max(2, Math.min(10, Math.floor(lengthPx / pixelsPerTick)));
  return log ? logTicks(lo, hi, max) : niceTicks(lo, hi, max);
}

/** Vertical grid lines and labels under the box at the x ticks. */
export function drawXAxis(
  ctx: CanvasRenderingContext2D,
  box: PlotBox,
  ticks: readonly Tick[],
  px: (v: number) => number,
  colors: AxisColors,
  grid = true,
): void {
  ctx.save();
  ctx.font = AXIS_FONT;
  ctx.strokeStyle = colors.grid;
  ctx.fillStyle = colors.muted;
  ctx.lineWidth = 1;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const tk of ticks) {
    const x = Math.round(px(tk.value)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, grid ? box.y : box.y + box.h);
    ctx.lineTo(x, box.y + box.h + 4);
    ctx.stroke();
    ctx.fillText(tk.label, x, box.y + box.h + 5);
  }
  ctx.restore();
}

/** Horizontal grid lines and right-aligned labels left of the box at the y ticks. */
export function drawYAxis(
  ctx: CanvasRenderingContext2D,
  box: PlotBox,
  ticks: readonly Tick[],
  py: (v: number) => number,
  colors: AxisColors,
  grid = true,
): void {
  ctx.save();
  ctx.font = AXIS_FONT;
  ctx.strokeStyle = colors.grid;
  ctx.fillStyle = colors.muted;
  ctx.lineWidth = 1;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const tk of ticks) {
    const y = Math.round(py(tk.value)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(box.x - 4, y);
    ctx.lineTo(grid ? box.x + box.w : box.x, y);
    ctx.stroke();
    ctx.fillText(tk.label, box.x - 6, y);
  }
  ctx.restore();
}

/** The widest label of a tick list in the axis font (to size a plot's left margin so nothing is clipped). */
export function labelWidth(ctx: CanvasRenderingContext2D, ticks: readonly Tick[]): number {
  ctx.save();
  ctx.font = AXIS_FONT;
  const w = Math.max(0, ...ticks.map((t) => ctx.measureText(t.label).width));
  ctx.restore();
  return Math.ceil(w);
}
