// A small static file server for the web build (npm run web, the e2e tests): 127.0.0.1 only, no
// directory listing, no path outside the root, and the same Content-Security-Policy the app's HTML
// carries, sent as a header too. Requests must name this server in their Host header (127.0.0.1 or
// localhost with its port): a page elsewhere that rebinds its own DNS name to 127.0.0.1 gets 421, not
// the app (DNS rebinding). No Referer leaves the app, and it shares no window with other origins.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** Headers on every answer. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Whether a Host header names this server: 127.0.0.1 or localhost, with its port. */
export function allowedHost(host, port) {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Resolves a URL path inside root, or null if it would leave it. */
export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  const rel = normalize(decoded).replace(/^([/\\])+/, '');
  if (rel.split(/[/\\]/).includes('..')) return null;
  const full = join(root, rel || 'index.html');
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null;
}

/** Serves `root` on 127.0.0.1, on `port` or, if taken, the next free one. Resolves with the URL and a stop(). */
export async function serveStatic(root, port = 5178) {
  const server = createServer(async (req, res) => {
    const headers = SECURITY_HEADERS;
    if (!allowedHost(req.headers.host, server.address().port)) {
      res.writeHead(421, headers).end();
      return;
    }
    const file = resolveInside(root, req.url ?? '/');
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, headers).end();
      return;
    }
    try {
      const path = (await stat(file)).isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(path);
      res.writeHead(200, {
        ...headers,
        'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      // No favicon in the build: answer "no content" rather than a 404 the console would report.
      res.writeHead(req.url === '/favicon.ico' ? 204 : 404, headers).end();
    }
  });
  for (let p = port; ; p++) {
    const ok = await new Promise((resolve, reject) => {
      const onError = (err) => (err.code === 'EADDRINUSE' && p < port + 50 ? resolve(false) : reject(err));
      server.once('error', onError);
      server.listen(p, '127.0.0.1', () => {
        server.off('error', onError);
        resolve(true);
      });
    });
    if (ok) break;
  }
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}/`,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections from a browser would otherwise hold the server open.
        server.closeAllConnections();
      }),
  };
}
