/**
 * The electron-vite build, checked without Electron: the preload is CommonJS (so the window can keep
 * sandbox: true) and requires nothing but electron; the main bundle's `?nodeWorker` job worker runs real
 * jobs on the worker pool in plain Node.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'electron-vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/core/train/trainRun';
import { WorkerPool } from '../../src/main/pool/workerPool';
import { contractExperiment } from './engineContract';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, 'out');

describe('electron-vite build', () => {
  let pool: WorkerPool | null = null;
  beforeAll(async () => {
    await build({ root, logLevel: 'error' });
  });
  afterAll(() => pool?.close());

  it('emits a CommonJS preload that requires only electron', async () => {
    const code = await readFile(join(out, 'preload/index.cjs'), 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).toContain('exposeInMainWorld');
  });

  it('emits the renderer with the strict CSP and the main bundle with its worker chunk', async () => {
    const html = await readFile(join(out, 'renderer/index.html'), 'utf8');
    expect(html).toContain("script-src 'self'");
    expect(html).not.toContain('unsafe-eval');
    const main = await readFile(join(out, 'main/index.js'), 'utf8');
    expect(main).toMatch(/new Worker\(new URL\("\.\/chunks\/jobWorker-[\w-]+\.js", import\.meta\.url\)/);
  });

  it('the built job worker runs a train job on real worker threads', async () => {
    const chunk = (await readdir(join(out, 'main/chunks'))).find((f) => f.startsWith('jobWorker-'))!;
    pool = new WorkerPool({ size: 1, createWorker: () => new Worker(join(out, 'main/chunks', chunk)) });
    const r = await pool.run<RunResult>('train', { experiment: contractExperiment, run: 'short' });
    expect(r.status).toBe('ok');
    expect(r.loss).toBeInstanceOf(Float64Array);
    expect(r.loss.length).toBe(61);
  });
});
