/**
 * Arrow heads along a path on the top-down map, showing which way it went: evenly spaced along its
 * length on screen (the first steps are long, the last ones tiny, so spacing by step would bunch them).
 */
import type { SlicePath } from '../../lib/pathOnSlice';

const SPACING = 46;

export function drawPathArrows(
  ctx: CanvasRenderingContext2D,
  path: SlicePath,
  px: (alpha: number) => number,
  py: (beta: number) => number,
  color: string,
): void {
  const n = path.steps.length;
  if (n < 2) return;
  ctx.save();
  ctx.fillStyle = color;
  ctx.strokeStyle = 'rgba(0,0,0,0.6)';
  ctx.lineWidth = 1;
  let next = SPACING / 2;
  let walked = 0;
  for (let k = 1; k < n; k++) {
    const x0 = px(path.alpha[k - 1]!);
    const y0 = py(path.beta[k - 1]!);
    const x1 = px(path.alpha[k]!);
    const y1 = py(path.beta[k]!);
    const seg = Math.hypot(x1 - x0, y1 - y0);
    while (seg > 0 && walked + seg >= next) {
      const f = (next - walked) / seg;
      const x = x0 + f * (x1 - x0);
      const y = y0 + f * (y1 - y0);
      const ang = Math.atan2(y1 - y0, x1 - x0);
      ctx.save();
      ctx.translate(x, y);
      ctx.rotate(ang);
      ctx.beginPath();
      ctx.moveTo(7, 0);
      ctx.lineTo(-5, 5);
      ctx.lineTo(-5, -5);
      ctx.closePath();
      ctx.fill();
      ctx.stroke();
      ctx.restore();
      next += SPACING;
    }
    walked += seg;
  }
  ctx.restore();
}
