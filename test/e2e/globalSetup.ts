/**
 * Once per e2e run: build the web version (with the test hooks `window.__reliefEngine` and
 * `window.__reliefPlatform` switched on) and serve it on 127.0.0.1; tests get its URL by inject().
 */
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/serveStatic.mjs';

const root = resolve(import.meta.dirname, '../..');
// One folder per run: several e2e runs may share a working tree, and a build empties its folder.
export const E2E_WEB_DIR = resolve(root, `node_modules/.relief-e2e/web-${process.pid}`);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.VITE_RELIEF_TEST_HOOKS = '1';
  await build({
    configFile: resolve(root, 'vite.web.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: E2E_WEB_DIR, emptyOutDir: true },
  });
  const server = await serveStatic(E2E_WEB_DIR, 0);
  project.provide('reliefWebUrl', server.url);
  return async () => {
    await server.stop();
    await rm(E2E_WEB_DIR, { recursive: true, force: true });
  };
}
