/**
 * One pipeline, seen from outside: an experiment with a `landscape` section opened in the web build (real
 * Chromium, Web Workers) draws exactly the slice `relief landscape` (the built CLI, Node worker threads)
 * computes from the same file — equal sizes, every value to 1e-12 — and the file the app saves reproduces
 * that slice through the CLI. A file without a `landscape` section gets the defaults written in, visibly,
 * and the saved file carries them.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { documentSettled, openDocument } from './documents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/cliHarness';
import { launchChromium, openApp, type AppPage } from './harness';

interface Stores {
  doc: { get(): { draft: { landscape?: unknown }; revision: number } };
  results: {
    get(): {
      runs: { phase: string }[];
      slice: { beta: ArrayLike<number>; rowsDone: number } | null;
      progress: unknown;
      error: string | null;
      revision: number;
    };
  };
}
declare const window: { __reliefStores: Stores };

interface SliceJson {
  alpha: number[];
  beta: number[];
  loss: number[];
  d1: number[];
  d2: number[];
  center: number[];
  critical: { kind: string; alpha: number; beta: number; loss: number }[];
}

let browser: Browser;
let app: AppPage;
let page: Page;
let dir: string;

/** Small but real: a 1-8-1 ReLU net, two optimizers, the PCA plane of both paths on a 31 x 25 grid. */
const experiment = {
  relief: 1,
  name: 'pipeline',
  seed: 5,
  data: { target: { expr: 'sin(3*x)' }, train: { n: 200 } },
  model: { inputs: 1, hidden: [8] },
  runs: [
    { name: 'gd', optimizer: { type: 'sgd', lr: 0.1 }, steps: 120 },
    { name: 'adam', optimizer: { type: 'adam', lr: 0.02 }, steps: 120 },
  ],
  landscape: {
    directions: { kind: 'pca', runs: 'all' },
    alpha: [-3, 3],
    beta: [-2, 2],
    resolution: [31, 25],
  },
};

function openFile(name: string, doc: unknown, answerDiscard = true): Promise<void> {
  return openDocument(page, name, doc, answerDiscard);
}

async function settled(): Promise<void> {
  await documentSettled(page);
  expect(await page.evaluate(() => window.__reliefStores.results.get().error)).toBeNull();
}

async function download(action: () => Promise<void>): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), action()]);
  return readFile(await d.path(), 'utf8');
}

/** The app's "Experiment + results (JSON)" export, found by its label as a user would. */
async function exportResults(): Promise<{ experiment: unknown; results: { slice: SliceJson } }> {
  await page.getByTestId('export-menu').click();
  const item = page.getByTestId('export-json');
  expect(await item.innerText()).toContain('Experiment + results (JSON)');
  return JSON.parse(await download(() => item.click())) as never;
}

/** `relief landscape` on a file holding `doc`: the slice file it writes. */
async function cliSlice(name: string, doc: unknown): Promise<SliceJson> {
  const file = join(dir, `${name}.json`);
  const out = join(dir, `${name}.slice.json`);
  await writeFile(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
  const r = await runCli(['landscape', file, '--out', out, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(await readFile(out, 'utf8')) as SliceJson;
}

/** Equal sizes and every value within 1e-12 (relative above 1); prints the largest difference. */
function expectSameSlice(app: SliceJson, cli: SliceJson, label: string): void {
  let worst = 0;
  for (const f of ['alpha', 'beta', 'loss', 'd1', 'd2', 'center'] as const) {
    expect(app[f].length, `${label}: ${f} length`).toBe(cli[f].length);
    app[f].forEach((v, k) => {
      const d = Math.abs(v - cli[f][k]!) / Math.max(1, Math.abs(cli[f][k]!));
      worst = Math.max(worst, d);
      expect(d, `${label}: ${f}[${k}] app ${v} cli ${cli[f][k]}`).toBeLessThanOrEqual(1e-12);
    });
  }
  expect(app.critical.length, `${label}: critical points`).toBe(cli.critical.length);
  app.critical.forEach((c, k) => {
    const w = cli.critical[k]!;
    expect(c.kind).toBe(w.kind);
    for (const f of ['alpha', 'beta', 'loss'] as const)
      expect(Math.abs(c[f] - w[f])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(w[f])));
  });
  console.log(
    `${label}: ${app.alpha.length} x ${app.beta.length} grid, ${app.critical.length} critical points; ` +
      `largest relative difference app vs CLI ${worst.toExponential(2)}`,
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'relief-pipeline-'));
  browser = await launchChromium();
  app = await openApp(browser);
  page = app.page;
  await page.waitForFunction(() => window.__reliefStores !== undefined);
});
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('one pipeline', () => {
  it('draws exactly the slice relief landscape computes from the file, and the saved file reproduces it', async () => {
    await openFile('pipeline.json', experiment);
    await settled();
    const exported = await exportResults();
    const slice = exported.results.slice;
    expect([slice.alpha.length, slice.beta.length, slice.loss.length]).toEqual([31, 25, 31 * 25]);
    expect([slice.alpha[0], slice.alpha[30], slice.beta[0], slice.beta[24]]).toEqual([-3, 3, -2, 2]);
    expectSameSlice(slice, await cliSlice('opened', experiment), 'opened file');

    // The file the app saves (a download in the browser) holds the picture and reproduces the slice.
    const saved = await download(() => page.getByTestId('save').click());
    const doc = JSON.parse(saved) as { landscape: { resolution: number[]; directions: { kind: string } } };
    expect(doc.landscape.resolution).toEqual([31, 25]);
    expect(doc.landscape.directions.kind).toBe('pca');
    expectSameSlice(slice, await cliSlice('saved', saved), 'saved file');
    expect(app.errors).toEqual([]);
  });

  it('fills in a missing landscape section visibly, and Save writes it', async () => {
    const { landscape: _none, ...bare } = experiment;
    await openFile('bare.json', { ...bare, name: 'bare' });
    await settled();
    const draft = await page.evaluate(() => window.__reliefStores.doc.get().draft.landscape);
    expect(draft).toMatchObject({ directions: { kind: 'random' }, resolution: [51, 51] });
    await page.getByTestId('export-menu').click();
    const item = page.getByTestId('export-experiment');
    expect(await item.innerText()).toContain('Experiment file (JSON)');
    const file = await download(() => item.click());
    expect((JSON.parse(file) as { landscape?: unknown }).landscape).toEqual(draft);
    const exported = await exportResults();
    expectSameSlice(exported.results.slice, await cliSlice('bare', file), 'defaults written in');
  });
});
