/** A small canvas bar chart (eigenvalue spectra, histograms): signed bars on a zero line, labelled axis. */
import { useEffect } from 'react';
import { formatNumber } from '../../lib/format';
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
    const L = 52;
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
    const W = size.w - L - R;
    const py = (v: number) => T + ((hi - v) / (hi - lo)) * H;
    ctx.strokeStyle = colors.grid;
    ctx.fillStyle = colors.muted;
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const v of [lo, 0, hi]) {
      ctx.beginPath();
      ctx.moveTo(L, py(v));
      ctx.lineTo(L + W, py(v));
      ctx.stroke();
      ctx.fillText(formatNumber(v), L - 5, py(v));
    }
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
