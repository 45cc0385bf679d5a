/**
 * The app:// protocol's file lookup: a URL path maps to a file inside the built renderer folder and
 * never outside it (Electron's checklist: use a custom protocol rather than file://).
 */
import { extname, join, normalize, sep } from 'node:path';

export function appFilePath(rendererDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = normalize(decoded).replace(/^[/\\]+/, '');
  if (rel.split(/[/\\]/).includes('..')) return null;
  const full = join(rendererDir, rel || 'index.html');
  const root = rendererDir.endsWith(sep) ? rendererDir : rendererDir + sep;
  return full.startsWith(root) ? full : null;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}
