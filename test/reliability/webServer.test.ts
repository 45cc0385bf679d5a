/**
 * Issue 17, item 9 (web): the static server of `npm run web` / `npm start` answers only requests that
 * name it (Host 127.0.0.1 or localhost with its port: DNS rebinding gets 421) and sends Referrer-Policy
 * and Cross-Origin-Opener-Policy with everything. Driven over real HTTP.
 */
import { request } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/serveStatic.mjs';
import { tally } from './tally';

function get(port: number, path: string, host: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('reliability: the web server', () => {
  const t = tally('web server');
  let server: { url: string; stop(): Promise<void> };
  let port = 0;
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'relief-web-'));
    writeFileSync(join(root, 'index.html'), '<div id="root">app</div>');
    server = await serveStatic(root, 0);
    port = Number(new URL(server.url).port);
  });
  afterAll(() => server.stop());

  it('serves its own host names with the security headers', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const r = await get(port, '/', host);
      t.record(`Host ${host.replace(String(port), 'PORT')}`, r.status === 200);
      expect(r.status).toBe(200);
      expect(r.body).toContain('app');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  it.each([
    'evil.example',
    'evil.example:PORT',
    '127.0.0.1',
    '127.0.0.1:1',
    'localhost',
    '127.0.0.1.nip.io:PORT',
    '[::1]:PORT',
  ])('refuses Host %j (DNS rebinding) with 421 and no content', async (host) => {
    const r = await get(port, '/index.html', host.replace('PORT', String(port)));
    t.record(`Host ${JSON.stringify(host)} refused`, r.status === 421 && r.body === '');
    expect(r.status).toBe(421);
    expect(r.body).toBe('');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
  });
});
