/** A small canvas line chart for profiles (the NEB barrier): several series over a shared x, one y axis. */
import { useEffect } from 'react';
import { AXIS_FONT, axisTicks, drawXAxis, drawYAxis, labelWidth } from './canvasAxes';
import { usePlotCanvas } from './useCanvas';

export interface LineSeries {
  readonly y: readonly number[];
  readonly color: string;
  readonly dash?: number[];
  readonly label: string;
}

export function LineChart(props: {
  x: readonly number[];
  series: readonly LineSeries[];
  label: string;
  xLabel: string;
  exportName: string;
}) {
  const { ref, size, colors, begin } = usePlotCanvas(props.exportName, {
    key: props.series.map((s) => ({ label: s.label, color: s.color, dash: !!s.dash })),
  });
  useEffect(() => {
    const ctx = begin();
    if (!ctx) return;
    const { x, series } = props;
    if (x.length < 2) return;
    const R = 12;
    const T = 10;
    const B = 34;
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of series)
      for (const v of s.y)
        if (Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
    if (!(hi > lo)) hi = lo + 1;
    const pad = 0.08 * (hi - lo);
    lo -= pad;
    hi += pad;
    const H = size.h - T - B;
    const yTicks = axisTicks(lo, hi, H, 28);
    // The left margin fits the widest y label: nothing is clipped.
    const L = labelWidth(ctx, yTicks) + 12;
    const W = size.w - L - R;
    const x0 = x[0]!;
    const x1 = x[x.length - 1]!;
    const px = (v: number) => L + ((v - x0) / (x1 - x0 || 1)) * W;
    const py = (v: number) => T + ((hi - v) / (hi - lo)) * H;
    const box = { x: L, y: T, w: W, h: H };
    drawYAxis(ctx, box, yTicks, py, colors);
    drawXAxis(ctx, box, axisTicks(x0, x1, W, 70), px, colors, false);
    ctx.font = AXIS_FONT;
    ctx.fillStyle = colors.muted;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillText(props.xLabel, L + W / 2, T + H + 19);
    for (const s of series) {
      ctx.strokeStyle = s.color;
      ctx.lineWidth = 2;
      ctx.setLineDash(s.dash ?? []);
      ctx.beginPath();
      s.y.forEach((v, i) => (i === 0 ? ctx.moveTo(px(x[i]!), py(v)) : ctx.lineTo(px(x[i]!), py(v))));
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = s.color;
      s.y.forEach((v, i) => {
        ctx.beginPath();
        ctx.arc(px(x[i]!), py(v), 2.5, 0, Math.PI * 2);
        ctx.fill();
      });
    }
  }, [props, size, colors, begin]);
  return (
    <div className="plot-host">
      <canvas ref={ref} role="img" aria-label={props.label} />
    </div>
  );
}
