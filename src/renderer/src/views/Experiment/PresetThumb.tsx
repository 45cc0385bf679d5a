/** A preset's picture: its curve (one input) or a small heatmap (two inputs), drawn once. */
import { useEffect, useRef } from 'react';
import { compileExpression } from '../../../../core/data/expression';
import type { Preset } from '../../../../core/data/presets';
import { colorTable } from '../../lib/colorMaps';

const W = 64;
const H = 36;

export function PresetThumb({ preset, color }: { preset: Preset; color: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    c.width = W * dpr;
    c.height = H * dpr;
    const ctx = c.getContext('2d')!;
    ctx.scale(dpr, dpr);
    const f = compileExpression(preset.expr, ['x', 'y']);
    const v = new Float64Array(2);
    if (preset.inputs === 1) {
      const ys: number[] = [];
      for (let i = 0; i <= 60; i++) {
        v[0] = -1 + (2 * i) / 60;
        ys.push(f(v));
      }
      const lo = Math.min(...ys);
      const hi = Math.max(...ys);
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.8;
      ctx.beginPath();
      ys.forEach((y, i) => {
        const px = 3 + ((W - 6) * i) / 60;
        const py = H - 4 - ((y - lo) / (hi - lo || 1)) * (H - 8);
        if (i === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      });
      ctx.stroke();
    } else {
      const n = 24;
      const vals: number[] = [];
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          v[0] = -1 + (2 * j) / (n - 1);
          v[1] = 1 - (2 * i) / (n - 1);
          vals.push(f(v));
        }
      const lo = Math.min(...vals);
      const hi = Math.max(...vals);
      const table = colorTable('viridis');
      const cw = H / n;
      const x0 = (W - H) / 2;
      vals.forEach((val, k) => {
        const ti = Math.round(((val - lo) / (hi - lo || 1)) * 255) * 3;
        ctx.fillStyle = `rgb(${table[ti]! * 255},${table[ti + 1]! * 255},${table[ti + 2]! * 255})`;
        ctx.fillRect(x0 + (k % n) * cw, Math.floor(k / n) * cw, cw + 0.5, cw + 0.5);
      });
    }
  }, [preset, color]);
  return <canvas ref={ref} className="thumb" style={{ width: W, height: H }} aria-hidden />;
}
