/**
 * Labels on the top-down map's contour lines: each level's loss written on the line, once per line long
 * enough to carry it, on a halo so it reads on any colour, never overlapping another label.
 */
import type { ContourLine } from '../../lib/contourLines';
import { AXIS_FONT, type PlotBox } from '../common/canvasAxes';

/** Lines shorter than this on screen (CSS px) get no label: it would hide the line. */
const MIN_LENGTH = 90;

export function drawContourLabels(
  ctx: CanvasRenderingContext2D,
  lines: readonly ContourLine[],
  labels: ReadonlyMap<number, string>,
  px: (alpha: number) => number,
  py: (beta: number) => number,
  box: PlotBox,
  dark: boolean,
): void {
  ctx.save();
  ctx.font = AXIS_FONT;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const placed: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const labelled = new Set<number>();
  // Longest lines first: a level is labelled where it is most visible.
  const order = [...lines].sort((a, b) => b.points.length - a.points.length);
  for (const line of order) {
    const text = labels.get(line.level);
    if (!text || labelled.has(line.level)) continue;
    const xs: number[] = [];
    const ys: number[] = [];
    let length = 0;
    for (let k = 0; k < line.points.length; k += 2) {
      xs.push(px(line.points[k]!));
      ys.push(py(line.points[k + 1]!));
      if (k > 0) length += Math.hypot(xs.at(-1)! - xs.at(-2)!, ys.at(-1)! - ys.at(-2)!);
    }
    if (length < MIN_LENGTH) continue;
    const w = ctx.measureText(text).width + 6;
    const h = 14;
    // Try the middle of the line, then its quarters.
    for (const frac of [0.5, 0.3, 0.7]) {
      const k = Math.floor(frac * (xs.length - 1));
      const x = xs[k]!;
      const y = ys[k]!;
      const r = { x0: x - w / 2, y0: y - h / 2, x1: x + w / 2, y1: y + h / 2 };
      const inside = r.x0 >= box.x && r.x1 <= box.x + box.w && r.y0 >= box.y && r.y1 <= box.y + box.h;
      const clear = placed.every((q) => r.x1 < q.x0 || r.x0 > q.x1 || r.y1 < q.y0 || r.y0 > q.y1);
      if (!inside || !clear) continue;
      ctx.fillStyle = dark ? 'rgba(20,24,32,0.72)' : 'rgba(255,255,255,0.78)';
      ctx.beginPath();
      ctx.roundRect(r.x0, r.y0, w, h, 3);
      ctx.fill();
      ctx.fillStyle = dark ? '#e8ecf3' : '#1d2330';
      ctx.fillText(text, x, y + 0.5);
      placed.push(r);
      labelled.add(line.level);
      break;
    }
  }
  ctx.restore();
}
