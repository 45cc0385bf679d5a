/** A small canvas line chart for profiles (the NEB barrier): several series over a shared x, one y axis. */
import { useEffect } from 'react';
import { formatLoss, formatNumber } from '../../lib/format';
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
  const { ref, size, colors, begin } = usePlotCanvas(props.exportName);
  useEffect(() => {
    const ctx = begin();
    if (!ctx) return;
    const { x, series } = props;
    if (x.length < 2) return;
    const L = 56;
    const R = 10;
    const T = 10;
    const B = 30;
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
    const W = size.w - L - R;
    const H = size.h - T - B;
    const x0 = x[0]!;
    const x1 = x[x.length - 1]!;
    const px = (v: number) => L + ((v - x0) / (x1 - x0 || 1)) * W;
    const py = (v: number) => T + ((hi - v) / (hi - lo)) * H;
    ctx.font = '11px system-ui, sans-serif';
    ctx.strokeStyle = colors.grid;
    ctx.fillStyle = colors.muted;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (let q = 0; q <= 3; q++) {
      const v = lo + ((hi - lo) * q) / 3;
      ctx.beginPath();
      ctx.moveTo(L, py(v));
      ctx.lineTo(L + W, py(v));
      ctx.stroke();
      ctx.fillText(formatLoss(v), L - 5, py(v));
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (let q = 0; q <= 4; q++) {
      const v = x0 + ((x1 - x0) * q) / 4;
      ctx.fillText(formatNumber(v, 2), px(v), T + H + 3);
    }
    ctx.fillText(props.xLabel, L + W / 2, T + H + 16);
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
