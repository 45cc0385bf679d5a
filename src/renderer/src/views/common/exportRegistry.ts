/**
 * Views register how to picture themselves (a PNG data URL) under a name; the export menu lists what is
 * registered. A registry, so a new view adds its export with one call and no switch elsewhere.
 */
import {
  COLOR_BAR_WIDTH,
  drawColorBar,
  drawKey,
  keyHeight,
  type ColorBarSpec,
  type KeyItem,
} from './plotKey';

type PngSource = () => string | null;

const sources = new Map<string, PngSource>();
const listeners = new Set<() => void>();

export function registerExport(name: string, source: PngSource): () => void {
  sources.set(name, source);
  listeners.forEach((l) => l());
  return () => {
    if (sources.get(name) === source) sources.delete(name);
    listeners.forEach((l) => l());
  };
}

export function exportNames(): string[] {
  return [...sources.keys()];
}

export function pngOf(name: string): string | null {
  return sources.get(name)?.() ?? null;
}

/** What an exported picture carries besides the plot, so it reads on its own. */
export interface ExportDecor {
  /** Which colour is which (runs, target, test loss). */
  readonly key?: readonly KeyItem[];
  readonly colorBar?: ColorBarSpec;
  /** The plot leaves room for the colour bar at its right (the surface views); else a strip is added. */
  readonly colorBarInside?: boolean;
  readonly text: string;
}

/**
 * A canvas's picture composited on an opaque background (transparent PNGs look broken in viewers), with
 * its key in a strip below and its colour bar at the right.
 */
export function canvasPng(canvas: HTMLCanvasElement, background: string, decor?: ExportDecor): string {
  const cssW = canvas.clientWidth || canvas.width;
  const cssH = canvas.clientHeight || canvas.height;
  const dpr = canvas.width / cssW || 1;
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d')!;
  const barStrip = decor?.colorBar && !decor.colorBarInside ? COLOR_BAR_WIDTH : 0;
  const keyH = decor?.key?.length ? keyHeight(ctx, decor.key, cssW + barStrip - 16) + 10 : 0;
  out.width = Math.round((cssW + barStrip) * dpr);
  out.height = Math.round((cssH + keyH) * dpr);
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, 0);
  if (decor) {
    ctx.scale(dpr, dpr);
    if (decor.colorBar) {
      const x = decor.colorBarInside ? cssW - COLOR_BAR_WIDTH + 6 : cssW + 6;
      const h = Math.max(40, Math.min(260, cssH * 0.55));
      drawColorBar(ctx, decor.colorBar, x, 28, h, decor.text);
    }
    if (decor.key?.length) drawKey(ctx, decor.key, 8, cssH + 4, cssW + barStrip - 16, decor.text);
  }
  return out.toDataURL('image/png');
}

export function dataUrlToBlob(url: string): Blob {
  const [head, body] = url.split(',');
  const mime = /data:([^;]+)/.exec(head!)?.[1] ?? 'application/octet-stream';
  const bin = atob(body!);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}
