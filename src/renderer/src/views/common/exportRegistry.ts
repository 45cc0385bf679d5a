/**
 * Views register how to picture themselves (a PNG data URL) under a name; the export menu lists what is
 * registered. A registry, so a new view adds its export with one call and no switch elsewhere.
 */
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

/** A canvas's picture, composited on an opaque background (transparent PNGs look broken in viewers). */
export function canvasPng(canvas: HTMLCanvasElement, background: string): string {
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, 0);
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
