/**
 * Issue 19's pictures: the decision-boundary view of a bce network on each of TensorFlow Playground's four
 * datasets (probability heatmap, 0.5 contour, points by class, accuracy in the caption), drawn by a web build
 * in Chromium after the runs finish.
 *
 *   npx tsx scripts/classifScreenshots.ts <web build dir> <out dir>
 *
 * The web build must have the test hooks on (VITE_RELIEF_TEST_HOOKS=1, as test/e2e/globalSetup.ts builds it).
 */
import type {} from '../test/e2e/provided';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './serveStatic.mjs';
import { CHROMIUM_ARGS } from '../test/e2e/harness';

interface Stores {
  doc: { get(): { revision: number }; replace(doc: unknown): void };
  results: {
    get(): { revision: number; runs: { phase: string }[]; error: string | null };
  };
}
declare const window: { __reliefStores: Stores };

const [webDir, outDir] = process.argv.slice(2);
if (!webDir || !outDir) throw new Error('usage: classifScreenshots.ts <web build dir> <out dir>');

function experiment(classes: string) {
  return {
    relief: 1,
    name: `Playground ${classes}`,
    seed: 5,
    data: { target: { classes }, train: { n: 300 }, test: { n: 300 }, noise: classes === 'spiral' ? 0 : 0.1 },
    model: {
      inputs: 2,
      hidden: classes === 'spiral' ? [16, 8] : [8],
      activation: 'tanh',
      init: { scheme: 'xavier' },
    },
    loss: 'bce',
    runs: [
      {
        name: 'adam',
        optimizer: { type: 'adam', lr: classes === 'spiral' ? 0.01 : 0.03 },
        steps: classes === 'spiral' ? 2000 : 400,
      },
    ],
  };
}

const server = await serveStatic(resolve(webDir), 0);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__reliefStores !== undefined);
  // A first start opens the lessons dialog; the pictures are of the explorer.
  await page
    .getByText('Explore on my own')
    .click({ timeout: 5000 })
    .catch(() => undefined);
  for (const classes of ['circle', 'xor', 'gauss', 'spiral']) {
    await page.evaluate((doc) => window.__reliefStores.doc.replace(doc), experiment(classes));
    await page.waitForFunction(
      () => {
        const s = window.__reliefStores;
        const r = s.results.get();
        return (
          r.revision === s.doc.get().revision &&
          r.runs.length > 0 &&
          r.runs.every((x) => x.phase !== 'queued' && x.phase !== 'running')
        );
      },
      undefined,
      { timeout: 600_000, polling: 250 },
    );
    await page.mouse.move(2, 2);
    await page.waitForTimeout(1000);
    const path = resolve(outDir, `classif-${classes}.png`);
    await page.locator('.function-panel').first().screenshot({ path });
    console.log(`wrote ${path}`);
    if (classes === 'spiral') await page.screenshot({ path: resolve(outDir, 'classif-spiral-window.png') });
  }
} finally {
  await browser.close();
  await server.stop();
}
