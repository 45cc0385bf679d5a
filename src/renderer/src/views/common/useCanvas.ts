/** A canvas that tracks its element's size (device-pixel sharp) and redraws when size or inputs change. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { THEME_COLORS } from '../../lib/themeColors';
import { useView } from '../../state/AppContext';
import { canvasPng, registerExport, type ExportDecor } from './exportRegistry';

export function useCanvasSize(): [
  React.RefObject<HTMLCanvasElement | null>,
  { w: number; h: number; dpr: number },
] {
  const ref = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ w: 0, h: 0, dpr: 1 });
  useEffect(() => {
    const el = ref.current?.parentElement;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      const r = el.getBoundingClientRect();
      setSize({
        w: Math.max(1, Math.floor(r.width)),
        h: Math.max(1, Math.floor(r.height)),
        dpr: Math.min(2, window.devicePixelRatio || 1),
      });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, size];
}

/** Prepare a 2-D context scaled to CSS pixels. */
export function prepare(
  canvas: HTMLCanvasElement,
  size: { w: number; h: number; dpr: number },
): CanvasRenderingContext2D {
  if (canvas.width !== size.w * size.dpr || canvas.height !== size.h * size.dpr) {
    canvas.width = size.w * size.dpr;
    canvas.height = size.h * size.dpr;
    canvas.style.width = `${size.w}px`;
    canvas.style.height = `${size.h}px`;
  }
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0);
  return ctx;
}

/**
 * A canvas sized to its box and offered for PNG export under `name`, on the plot's background, with the
 * key and colour bar `decor` gives at the time of export (read through a ref: always the latest).
 */
export function useExportedCanvas(
  name: string,
  background: string,
  decor?: ExportDecor,
): ReturnType<typeof useCanvasSize> {
  const [ref, size] = useCanvasSize();
  const decorRef = useRef(decor);
  decorRef.current = decor;
  useEffect(() => {
    const c = ref.current;
    if (!c || size.w < 10) return;
    return registerExport(name, () => canvasPng(c, background, decorRef.current));
  }, [ref, size.w, background, name]);
  return [ref, size];
}

/**
 * A plot canvas on the theme's background: sized to its box, offered for PNG export under `name`, and
 * `decor` is the key / colour bar its exported PNG carries. `begin()` gives its 2-D context cleared to the plot background (null until laid out). Draw in an
 * effect that depends on `begin` and the plotted data.
 */
export function usePlotCanvas(name: string, decor?: Omit<ExportDecor, 'text'>) {
  const theme = useView((s) => s.theme);
  const colors = THEME_COLORS[theme];
  const [ref, size] = useExportedCanvas(name, colors.plotBg, decor && { ...decor, text: colors.text });
  const begin = useCallback((): CanvasRenderingContext2D | null => {
    const c = ref.current;
    if (!c || size.w < 10) return null;
    const ctx = prepare(c, size);
    ctx.fillStyle = colors.plotBg;
    ctx.fillRect(0, 0, size.w, size.h);
    return ctx;
  }, [ref, size, colors]);
  return { ref, size, colors, theme, begin };
}
