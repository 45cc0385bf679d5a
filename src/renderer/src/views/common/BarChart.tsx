/** A small canvas bar chart (eigenvalue spectra, histograms): signed bars on a zero line, labelled axis. */
import { useEffect } from 'react';
import { niceTicks } from '../../lib/ticks';
import { AXIS_FONT, drawYAxis, labelWidth } from './canvasAxes';
import { usePlotCanvas } from './useCanvas';

export interface Bar {
  readonly value: number;
  readonly color: string;
  readonly label?: string;
}

export function BarChart(props: {
  bars: readonly Bar[];
  label: string;
  exportName: string;
  xLabel?: string;
  testId?: string;
}) {
  const { ref, size, colors, begin } = usePlotCanvas(props.exportName);
  useEffect(() => {
    const ctx = begin();
    if (!ctx) return;
    const bars = props.bars;
    if (bars.length === 0) return;
    const R = 8;
    const T = 8;
    const B = props.xLabel ? 30 : 14;
    let lo = 0;
    let hi = 0;
    for (const b of bars) {
      lo = Math.min(lo, b.value);
      hi = Math.max(hi, b.value);
    }
    if (hi === lo) hi = lo + 1;
    const H = size.h - T - B;
    // Nice ticks that include 0 whenever the bars change sign (0 is a multiple of every step), so the
    // zero line is labelled 0 and not "-1.18 over 0".
    const yTicks = niceTicks(lo, hi, Math.max(2, Math.min(6, Math.floor(H / 24))));
    const L = labelWidth(ctx, yTicks) + 12;
    const W = size.w - L - R;
    const py = (v: number) => T + ((hi - v) / (hi - lo)) * H;
    drawYAxis(ctx, { x: L, y: T, w: W, h: H }, yTicks, py, colors);
    ctx.strokeStyle = colors.muted;
    ctx.beginPath();
    ctx.moveTo(L, Math.round(py(0)) + 0.5);
    ctx.lineTo(L + W, Math.round(py(0)) + 0.5);
    ctx.stroke();
    ctx.font = AXIS_FONT;
    const bw = W / bars.length;
    bars.forEach((b, i) => {
      ctx.fillStyle = b.color;
      const y0 = py(Math.max(0, b.value));
      const y1 = py(Math.min(0, b.value));
      ctx.fillRect(L + i * bw + bw * 0.12, y0, Math.max(1, bw * 0.76), Math.max(1, y1 - y0));
    });
    if (props.xLabel) {
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      ctx.fillStyle = colors.muted;
      ctx.fillText(props.xLabel, L + W / 2, T + H + 12);
    }
  }, [props.bars, props.xLabel, size, colors, begin]);
  return (
    <div className="plot-host">
      <canvas ref={ref} role="img" aria-label={props.label} data-testid={props.testId} />
    </div>
  );
}
