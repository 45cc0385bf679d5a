/**
 * Two inputs: the focused network's output as a heatmap (cursor, else the first run, else the target),
 * with each first-layer unit's activation boundary w1·x + w2·y + b = 0, which splits the plane into the
 * linear regions of a ReLU network; training points as dots.
 * With the bce loss it is a decision-boundary view: the heatmap shows the probability σ(f) on [0, 1], the
 * 0.5 contour (f = 0) is drawn, points are coloured by class, and the caption gives the run's accuracy.
 */
import { contours } from 'd3-contour';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { layoutOf } from '../../../../core/network/spec';
import { colorTable } from '../../lib/colorMaps';
import { THEME_COLORS } from '../../lib/themeColors';
import { useView } from '../../state/AppContext';
import { AXIS_FONT, axisTicks, drawXAxis, drawYAxis } from '../common/canvasAxes';
import { usePlotCanvas } from '../common/useCanvas';
import type { FunctionData } from './useFunctionData';

export function Function2d({ data }: { data: FunctionData }) {
  const { t } = useTranslation();
  const focusName = (data.curves.find((c) => c.focus) ?? data.curves[0])?.name;
  const { ref, size, colors, theme, begin } = usePlotCanvas('function', {
    key: [{ label: focusName ?? t('function.target'), color: THEME_COLORS.light.muted }],
  });
  const colorMap = useView((s) => s.colorMap);
  const showKinks = useView((s) => s.showKinks);

  useEffect(() => {
    const ctx = begin();
    if (!ctx) return;
    const { side, target, curves, domain, points, experiment } = data;
    const focus = curves.find((c) => c.focus) ?? curves[0];
    const bce = experiment.loss === 'bce';
    const values = focus
      ? bce
        ? focus.y.map((f) => 1 / (1 + Math.exp(-f)))
        : focus.y
      : bce
        ? new Float64Array(target.length).fill(0.5)
        : target;
    let lo = bce ? 0 : Infinity;
    let hi = bce ? 1 : -Infinity;
    if (!bce)
      for (const v of target) {
        if (!Number.isFinite(v)) continue;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
      // No target function (explicit samples): scale by the network's output.
      lo = Infinity;
      hi = -Infinity;
      for (const v of values) {
        if (!Number.isFinite(v)) continue;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      if (!Number.isFinite(lo)) {
        lo = 0;
        hi = 1;
      }
    }
    if (!(hi > lo)) hi = lo + 1;
    const img = document.createElement('canvas');
    img.width = img.height = side;
    const ictx = img.getContext('2d')!;
    const id = ictx.createImageData(side, side);
    const table = colorTable(colorMap);
    for (let i = 0; i < side; i++)
      for (let j = 0; j < side; j++) {
        const tt = Math.max(0, Math.min(1, (values[i * side + j]! - lo) / (hi - lo)));
        const ti = Math.round(tt * 255) * 3;
        const o = 4 * ((side - 1 - i) * side + j);
        id.data[o] = table[ti]! * 255;
        id.data[o + 1] = table[ti + 1]! * 255;
        id.data[o + 2] = table[ti + 2]! * 255;
        id.data[o + 3] = 255;
      }
    ictx.putImageData(id, 0, 0);
    const S = Math.max(10, Math.min(size.w - 90, size.h - 50));
    const bx = Math.max(44, (size.w - S) / 2);
    const by = 10;
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(img, bx, by, S, S);
    const [xa, xb] = domain[0]!;
    const [ya, yb] = domain[1]!;
    const px = (x: number) => bx + ((x - xa) / (xb - xa)) * S;
    const py = (y: number) => by + (1 - (y - ya) / (yb - ya)) * S;
    if (bce) {
      // Class 1 orange, class 0 blue (Playground's colours), ringed so they read on any heatmap.
      for (let i = 0; i < points.n; i++) {
        ctx.beginPath();
        ctx.arc(px(points.x[2 * i]!), py(points.x[2 * i + 1]!), 2.6, 0, 2 * Math.PI);
        ctx.fillStyle = points.y[i]! >= 0.5 ? '#f59322' : '#0877bd';
        ctx.fill();
        ctx.strokeStyle = 'rgba(255,255,255,0.9)';
        ctx.lineWidth = 0.8;
        ctx.stroke();
      }
      if (focus) {
        // The decision boundary σ(f) = 0.5, i.e. f = 0, by marching squares on the grid.
        const [level] = contours().size([side, side]).thresholds([0])(Array.from(focus.y));
        ctx.save();
        ctx.beginPath();
        ctx.rect(bx, by, S, S);
        ctx.clip();
        ctx.strokeStyle = theme === 'dark' ? '#ffffff' : '#111111';
        ctx.lineWidth = 2;
        const gx = (c: number) => px(xa + ((xb - xa) * (c - 0.5)) / (side - 1));
        const gy = (c: number) => py(ya + ((yb - ya) * (c - 0.5)) / (side - 1));
        for (const poly of level?.coordinates ?? [])
          for (const ring of poly) {
            ctx.beginPath();
            ring.forEach(([cx, cy], k) =>
              k === 0 ? ctx.moveTo(gx(cx!), gy(cy!)) : ctx.lineTo(gx(cx!), gy(cy!)),
            );
            ctx.stroke();
          }
        ctx.restore();
      }
    } else {
      ctx.fillStyle = 'rgba(255,255,255,0.7)';
      for (let i = 0; i < points.n; i++)
        ctx.fillRect(px(points.x[2 * i]!) - 1, py(points.x[2 * i + 1]!) - 1, 2, 2);
    }
    if (focus && showKinks && experiment.model.hidden.length >= 1 && experiment.model.bias !== false) {
      const l1 = layoutOf(experiment.model).layers[0]!;
      ctx.save();
      ctx.beginPath();
      ctx.rect(bx, by, S, S);
      ctx.clip();
      ctx.strokeStyle = theme === 'dark' ? 'rgba(255,255,255,0.8)' : 'rgba(255,255,255,0.85)';
      ctx.lineWidth = 1.2;
      for (let u = 0; u < l1.fanOut; u++) {
        const w1 = focus.params[l1.w + u]!;
        const w2 = focus.params[l1.w + l1.fanOut + u]!;
        const b = focus.params[l1.b + u]!;
        ctx.beginPath();
        if (Math.abs(w2) > Math.abs(w1)) {
          ctx.moveTo(px(xa), py(-(b + w1 * xa) / w2));
          ctx.lineTo(px(xb), py(-(b + w1 * xb) / w2));
        } else if (w1 !== 0) {
          ctx.moveTo(px(-(b + w2 * ya) / w1), py(ya));
          ctx.lineTo(px(-(b + w2 * yb) / w1), py(yb));
        }
        ctx.stroke();
      }
      ctx.restore();
    }
    const box = { x: bx, y: by, w: S, h: S };
    drawXAxis(ctx, box, axisTicks(xa, xb, S, 60), px, colors, false);
    drawYAxis(ctx, box, axisTicks(ya, yb, S, 40), py, colors, false);
    ctx.fillStyle = colors.muted;
    ctx.font = AXIS_FONT;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const caption = focus
      ? focus.accuracy !== undefined
        ? `${focus.name} · ${t('function.accuracy', { pct: (100 * focus.accuracy).toFixed(1) })}`
        : focus.name
      : t('function.target');
    ctx.fillText(caption, bx + S / 2, by + S + 20);
  }, [data, size, colors, theme, colorMap, showKinks, begin, t]);

  return (
    <div className="plot-host">
      <canvas ref={ref} role="img" aria-label={t('function.plotLabel2d')} data-testid="function-canvas" />
    </div>
  );
}
