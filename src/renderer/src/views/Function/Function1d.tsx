/**
 * One input: target curve, training points, each run's network at the scrubbed step, and the network
 * under the cursor. The focused network (cursor, else the first run) shows its kinks at x = -b/w (seed 000):
 * ▲ where the unit's output weight raises the slope, ▼ where it lowers it; optionally each unit's share.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isShallow1d, unitContribution, unitsOf } from '../../lib/kinks';
import { THEME_COLORS } from '../../lib/themeColors';
import { useView } from '../../state/AppContext';
import { axisTicks, drawXAxis, drawYAxis, labelWidth } from '../common/canvasAxes';
import { usePlotCanvas } from '../common/useCanvas';
import type { FunctionData } from './useFunctionData';

const PAD = { r: 12, t: 12, b: 28 };

export function Function1d({ data }: { data: FunctionData }) {
  const { t } = useTranslation();
  const themeName = useView((s) => s.theme);
  const { ref, size, colors, theme, begin } = usePlotCanvas('function', {
    key: [
      { label: t('function.target'), color: THEME_COLORS[themeName].target },
      ...data.curves.map((c) => ({ label: c.name, color: c.color, dash: c.focus })),
    ],
  });
  const showKinks = useView((s) => s.showKinks);
  const showUnits = useView((s) => s.showUnits);

  useEffect(() => {
    const ctx = begin();
    if (!ctx) return;
    const { xs, target, points, curves, domain, experiment } = data;
    const [x0, x1] = domain[0]!;
    let y0 = Infinity;
    let y1 = -Infinity;
    for (const v of target) {
      y0 = Math.min(y0, v);
      y1 = Math.max(y1, v);
    }
    for (let i = 0; i < points.n; i++) {
      y0 = Math.min(y0, points.y[i]!);
      y1 = Math.max(y1, points.y[i]!);
    }
    const span = y1 - y0 || 1;
    // Networks far off the target do not squash the plot: the range grows at most 0.75 spans each way.
    const floor = y0 - 0.75 * span;
    const ceil = y1 + 0.75 * span;
    y0 -= 0.12 * span;
    y1 += 0.12 * span;
    for (const c of curves)
      for (const v of c.y)
        if (Number.isFinite(v)) {
          y0 = Math.max(Math.min(y0, v), floor);
          y1 = Math.min(Math.max(y1, v), ceil);
        }
    const H = size.h - PAD.t - PAD.b;
    const yTicks = axisTicks(y0, y1, H, 32);
    const L = labelWidth(ctx, yTicks) + 12;
    const W = size.w - L - PAD.r;
    const px = (x: number) => L + ((x - x0) / (x1 - x0)) * W;
    const py = (y: number) => PAD.t + (1 - (y - y0) / (y1 - y0)) * H;
    const box = { x: L, y: PAD.t, w: W, h: H };
    drawXAxis(ctx, box, axisTicks(x0, x1, W, 60), px, colors);
    drawYAxis(ctx, box, yTicks, py, colors);
    ctx.save();
    ctx.beginPath();
    ctx.rect(L, PAD.t, W, H);
    ctx.clip();
    // training points
    ctx.fillStyle = theme === 'dark' ? 'rgba(200,210,230,0.35)' : 'rgba(60,70,90,0.28)';
    for (let i = 0; i < points.n; i++) ctx.fillRect(px(points.x[i]!) - 1.5, py(points.y[i]!) - 1.5, 3, 3);
    const line = (y: Float64Array, color: string, width: number, dash: number[] = []) => {
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.setLineDash(dash);
      ctx.beginPath();
      for (let i = 0; i < xs.length; i++) {
        if (i === 0) ctx.moveTo(px(xs[i]!), py(y[i]!));
        else ctx.lineTo(px(xs[i]!), py(y[i]!));
      }
      ctx.stroke();
      ctx.setLineDash([]);
    };
    line(target, colors.target, 2.5);
    const focus = curves.find((c) => c.focus) ?? curves[0];
    const spec = {
      inputs: 1 as const,
      hidden: experiment.model.hidden,
      activation: experiment.model.activation,
      leakySlope: experiment.model.leakySlope,
    };
    if (focus && isShallow1d(spec)) {
      const units = unitsOf(spec, focus.params);
      if (showUnits) {
        const tmp = new Float64Array(xs.length);
        ctx.globalAlpha = 0.45;
        for (const u of units) line(unitContribution(spec, u, xs, tmp), focus.color, 1);
        ctx.globalAlpha = 1;
      }
      if (showKinks) {
        for (const u of units) {
          if (u.kink === null || u.kink < x0 || u.kink > x1 || u.v === 0) continue;
          const x = px(u.kink);
          ctx.strokeStyle = focus.color;
          ctx.globalAlpha = 0.5;
          ctx.setLineDash([3, 3]);
          ctx.lineWidth = 1;
          ctx.beginPath();
          ctx.moveTo(x, PAD.t);
          ctx.lineTo(x, PAD.t + H);
          ctx.stroke();
          ctx.setLineDash([]);
          ctx.globalAlpha = 1;
          // ▲ raises the slope (v·w > 0 to the right for w > 0), ▼ lowers it.
          const up = u.v * Math.sign(u.w) > 0;
          ctx.fillStyle = focus.color;
          ctx.beginPath();
          const yb = PAD.t + H - 2;
          if (up) {
            ctx.moveTo(x, yb - 8);
            ctx.lineTo(x + 4.5, yb);
            ctx.lineTo(x - 4.5, yb);
          } else {
            ctx.moveTo(x, yb);
            ctx.lineTo(x + 4.5, yb - 8);
            ctx.lineTo(x - 4.5, yb - 8);
          }
          ctx.fill();
        }
      }
    }
    for (const c of curves) line(c.y, c.color, c.focus ? 3 : 2.2, c.focus ? [7, 4] : []);
    ctx.restore();
  }, [data, size, colors, theme, showKinks, showUnits, begin]);

  return (
    <div className="plot-host">
      <canvas ref={ref} role="img" aria-label={t('function.plotLabel')} data-testid="function-canvas" />
    </div>
  );
}
