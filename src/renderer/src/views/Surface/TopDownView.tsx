/**
 * The top-down map for exact reading: the slice as a heatmap with contour lines, paths (dashed where they
 * leave the plane), start/end/current markers, critical-point symbols, axes in plane coordinates.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { colorTable } from '../../lib/colorMaps';
import { snapshotAt } from '../../lib/pathOnSlice';
import { planeAxisNames } from '../../lib/planeAxes';
import { THEME_COLORS } from '../../lib/themeColors';
import { useApp, useResults, useView } from '../../state/AppContext';
import { canvasPng, registerExport, type ExportDecor } from '../common/exportRegistry';
import { AXIS_FONT, axisTicks, drawXAxis, drawYAxis } from '../common/canvasAxes';
import { prepare, useCanvasSize } from '../common/useCanvas';
import { drawContourLabels } from './contourLabels';
import { drawPathArrows } from './pathArrows';
import { criticalSymbol, drawSymbol } from './textSprite';
import { useSliceDerived } from './useSliceDerived';
import { useStartDrag } from './useStartDrag';
import { useSurfaceDecor } from './useSurfaceDecor';

const PAD = { l: 66, r: 84, t: 12, b: 38 };
/** The map fills its panel but never stretches one plane axis more than this against the other. */
const MAX_ASPECT = 1.6;

export function TopDownView() {
  const { t } = useTranslation();
  const { view } = useApp();
  const derived = useSliceDerived();
  const [ref, size] = useCanvasSize();
  const colorMap = useView((s) => s.colorMap);
  const showContours = useView((s) => s.contours);
  const arrows = useView((s) => s.arrows);
  const step = useView((s) => s.step);
  const hover = useView((s) => s.hover);
  const pinned = useView((s) => s.pinned);
  const selected = useView((s) => s.selectedCritical);
  const theme = useView((s) => s.theme);
  const colors = THEME_COLORS[theme];
  const band = useResults((s) => s.barrier?.onPlane ?? null);
  const box = useRef({ x: PAD.l, y: PAD.t, w: 1, h: 1 });
  // The exported PNG carries the colour bar (in the room kept free at the right) and the runs' key.
  const decorRef = useRef<ExportDecor | undefined>(undefined);
  decorRef.current = useSurfaceDecor(derived, colors.text);

  // The heatmap image (one pixel per grid point), rebuilt only when the slice or map changes.
  const image = useMemo(() => {
    if (!derived) return null;
    const { slice, mapping } = derived;
    const na = slice.alpha.length;
    const nb = slice.beta.length;
    const c = document.createElement('canvas');
    c.width = na;
    c.height = nb;
    const ctx = c.getContext('2d')!;
    const img = ctx.createImageData(na, nb);
    const table = colorTable(colorMap);
    for (let i = 0; i < nb; i++)
      for (let j = 0; j < na; j++) {
        const k = i * na + j;
        const o = 4 * ((nb - 1 - i) * na + j); // beta grows upward
        const l = slice.loss[k]!;
        const tt = Math.max(0, Math.min(1, mapping.t(l)));
        const ti = Math.round(tt * 255) * 3;
        const pl = slice.plateau?.[k] ? 0.45 : 0;
        img.data[o] = 255 * ((1 - pl) * table[ti]! + pl);
        img.data[o + 1] = 255 * ((1 - pl) * table[ti + 1]! + pl);
        img.data[o + 2] = 255 * ((1 - pl) * table[ti + 2]! + pl);
        img.data[o + 3] = Number.isFinite(l) ? 255 : 60;
      }
    ctx.putImageData(img, 0, 0);
    return c;
  }, [derived?.slice, derived?.mapping, colorMap]);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || size.w < 10) return;
    return registerExport('surface-top', () => canvasPng(canvas, colors.plotBg, decorRef.current));
  }, [ref, size.w, colors.plotBg]);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || size.w < 10) return;
    const ctx = prepare(canvas, size);
    ctx.fillStyle = colors.sceneBg;
    ctx.fillRect(0, 0, size.w, size.h);
    if (!derived || !image) return;
    const { slice, mapping, contours, contourLabels, paths } = derived;
    // Use the panel: as wide and tall as it allows, within MAX_ASPECT of square, centred.
    const availW = Math.max(10, size.w - PAD.l - PAD.r);
    const availH = Math.max(10, size.h - PAD.t - PAD.b);
    const bw = Math.min(availW, availH * MAX_ASPECT);
    const bh = Math.min(availH, bw * MAX_ASPECT);
    const bx = PAD.l + (availW - bw) / 2;
    const b = { x: bx, y: PAD.t + (availH - bh) / 2, w: bw, h: bh };
    box.current = b;
    // Where the map is drawn, for tests that press on a point of it (plane coordinates map linearly).
    canvas.dataset.box = [b.x, b.y, b.w, b.h].join(',');
    const px = (a: number) => b.x + ((mapping.x(a) + 1) / 2) * b.w;
    const py = (be: number) => b.y + (1 - (mapping.z(be) + 1) / 2) * b.h;
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(image, b.x, b.y, b.w, b.h);
    if (showContours) {
      ctx.strokeStyle = theme === 'dark' ? 'rgba(255,255,255,0.45)' : 'rgba(20,20,20,0.45)';
      ctx.lineWidth = 0.8;
      for (const l of contours) {
        ctx.beginPath();
        for (let k = 0; k < l.points.length; k += 2) {
          const x = px(l.points[k]!);
          const y = py(l.points[k + 1]!);
          if (k === 0) ctx.moveTo(x, y);
          else ctx.lineTo(x, y);
        }
        ctx.stroke();
      }
      drawContourLabels(ctx, contours, contourLabels, px, py, b, theme === 'dark');
    }
    // Paths: solid in the plane, dashed and faded where they leave it; a dark halo under each keeps
    // it readable on every colour of the map.
    for (const { path } of paths) {
      ctx.strokeStyle = 'rgba(0,0,0,0.35)';
      ctx.lineWidth = 5;
      ctx.lineJoin = 'round';
      ctx.beginPath();
      path.alpha.forEach((a, k) =>
        k === 0 ? ctx.moveTo(px(a), py(path.beta[k]!)) : ctx.lineTo(px(a), py(path.beta[k]!)),
      );
      ctx.stroke();
    }
    for (const { color, path } of paths) {
      const n = path.steps.length;
      ctx.strokeStyle = color;
      ctx.lineWidth = 3;
      for (let k = 1; k < n; k++) {
        const off = Math.max(path.offPlane[k - 1]!, path.offPlane[k]!);
        ctx.globalAlpha = off > 0.1 ? 0.85 : 1;
        ctx.setLineDash(off > 0.1 ? [9, 4] : []);
        ctx.beginPath();
        ctx.moveTo(px(path.alpha[k - 1]!), py(path.beta[k - 1]!));
        ctx.lineTo(px(path.alpha[k]!), py(path.beta[k]!));
        ctx.stroke();
      }
      ctx.setLineDash([]);
      ctx.globalAlpha = 1;
      if (arrows) drawPathArrows(ctx, path, px, py, color);
      if (n > 0) {
        drawSymbol(ctx, 'end', px(path.alpha[n - 1]!), py(path.beta[n - 1]!), 7, color);
        const k = step === null ? n - 1 : snapshotAt(path.steps, step);
        if (k >= 0) drawSymbol(ctx, 'ball', px(path.alpha[k]!), py(path.beta[k]!), 8, color);
      }
    }
    if (band) {
      // The elastic band between two minima: dotted, a bead per image.
      ctx.strokeStyle = '#c43bb4';
      ctx.fillStyle = '#c43bb4';
      ctx.lineWidth = 2;
      ctx.setLineDash([2, 4]);
      ctx.beginPath();
      band.alpha.forEach((a, k) =>
        k === 0 ? ctx.moveTo(px(a), py(band.beta[k]!)) : ctx.lineTo(px(a), py(band.beta[k]!)),
      );
      ctx.stroke();
      ctx.setLineDash([]);
      band.alpha.forEach((a, k) => {
        ctx.beginPath();
        ctx.arc(px(a), py(band.beta[k]!), 3, 0, Math.PI * 2);
        ctx.fill();
      });
    }
    const first = paths.find((p) => p.path.steps.length > 0);
    if (first) drawSymbol(ctx, 'start', px(first.path.alpha[0]!), py(first.path.beta[0]!), 8, '#ffffff');
    slice.critical.forEach((c, i) =>
      drawSymbol(
        ctx,
        criticalSymbol(c.kind),
        px(c.alpha),
        py(c.beta),
        i === selected ? 10 : 7.5,
        i === selected ? '#ffd400' : '#ffffff',
      ),
    );
    for (const [p, col] of [
      [pinned, '#ff3366'],
      [hover, '#ffffff'],
    ] as const) {
      if (!p) continue;
      ctx.strokeStyle = col;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.arc(px(p.alpha), py(p.beta), 7, 0, Math.PI * 2);
      ctx.stroke();
    }
    // Axes: nice ticks (lib/ticks), one number format per axis.
    const na = slice.alpha.length;
    const nb = slice.beta.length;
    const xTicks = axisTicks(slice.alpha[0]!, slice.alpha[na - 1]!, b.w, 70);
    const yTicks = axisTicks(slice.beta[0]!, slice.beta[nb - 1]!, b.h, 40);
    drawXAxis(ctx, b, xTicks, px, colors, false);
    drawYAxis(ctx, b, yTicks, py, colors, false);
    const [nameA, nameB] = planeAxisNames(slice.source);
    ctx.fillStyle = colors.muted;
    ctx.font = AXIS_FONT;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillText(nameA, b.x + b.w / 2, b.y + b.h + 20);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(nameB, 6, b.y + b.h / 2);
  }, [derived, image, size, showContours, arrows, step, hover, pinned, selected, colors, theme, ref, band]);

  const toScreen = (p: { alpha: number; beta: number }): [number, number] => {
    const b = box.current;
    const m = derived!.mapping;
    return [b.x + ((m.x(p.alpha) + 1) / 2) * b.w, b.y + (1 - (m.z(p.beta) + 1) / 2) * b.h];
  };
  const drag = useStartDrag(derived, (e) => toPlane(e), toScreen);

  const toPlane = (e: React.MouseEvent) => {
    if (!derived) return null;
    const r = (e.target as HTMLCanvasElement).getBoundingClientRect();
    const b = box.current;
    const x = ((e.clientX - r.left - b.x) / b.w) * 2 - 1;
    const z = (1 - (e.clientY - r.top - b.y) / b.h) * 2 - 1;
    if (Math.abs(x) > 1 || Math.abs(z) > 1) return null;
    return { alpha: derived.mapping.alphaOf(x), beta: derived.mapping.betaOf(z) };
  };

  return (
    <div className="surface-host">
      <canvas
        ref={ref}
        data-testid="surface-top"
        role="img"
        aria-label={t('surface.topLabel')}
        data-start-drag="true"
        onPointerDown={drag.onPointerDown}
        onPointerUp={drag.onPointerUp}
        onPointerMove={(e) => drag.onPointerMove(e) || view.set({ hover: toPlane(e) })}
        onPointerLeave={() => view.set({ hover: null })}
        onClick={(e) => {
          if (drag.consumeDrag()) return;
          const p = toPlane(e);
          if (!p || !derived) return;
          const m = derived.mapping;
          const b = box.current;
          const hit = derived.slice.critical.findIndex(
            (c) =>
              Math.hypot(((m.x(c.alpha) - m.x(p.alpha)) * b.w) / 2, ((m.z(c.beta) - m.z(p.beta)) * b.h) / 2) <
              9,
          );
          if (hit >= 0) view.set({ selectedCritical: hit, analysisTab: 'hessian' });
          else view.set({ pinned: p });
        }}
      />
    </div>
  );
}
