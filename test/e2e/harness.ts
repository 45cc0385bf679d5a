/**
 * Shared by the e2e tests: Debian's Chromium through playwright-core, the web build served by the
 * global setup, console errors collected, screenshots saved under test-results/, and pixel statistics
 * of any element (2-D or WebGL canvas alike, read from a real screenshot).
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';

// Browser globals used inside page.evaluate callbacks (this file compiles without the DOM library).
declare const document: {
  getElementById(id: string): { childElementCount: number } | null;
  createElement(tag: 'canvas'): {
    width: number;
    height: number;
    getContext(kind: '2d'): {
      drawImage(img: unknown, x: number, y: number): void;
      getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
    } | null;
  };
};
declare const localStorage: { setItem(key: string, value: string): void };
declare const Image: new () => { src: string; width: number; height: number; decode(): Promise<void> };

export const RESULTS_DIR = resolve(import.meta.dirname, '../../test-results');

/** From TOOLCHAIN.md: WebGL through SwiftShader, no network, no sandbox (we run as root). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function webUrl(): string {
  return inject('reliefWebUrl');
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

export interface AppPage {
  page: Page;
  /** console.error messages and uncaught page errors, in order. */
  errors: string[];
  screenshot(name: string, target?: Locator): Promise<string>;
}

/** Opens the web build in a fresh page (1440 x 900, like the desktop window) and waits for it to render. */
export async function openApp(
  browser: Browser,
  query = '',
  /** Runs before the page loads (init scripts, exposed functions). */
  beforeLoad?: (page: Page) => Promise<void>,
): Promise<AppPage> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // Not a first visit (which opens the start screen over the window): a test of that opens its own page.
  await page.addInitScript(() => localStorage.setItem('relief.visited', '1'));
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await beforeLoad?.(page);
  await page.goto(webUrl() + query, { waitUntil: 'load' });
  await page.waitForFunction(() => document.getElementById('root')?.childElementCount !== 0);
  return {
    page,
    errors,
    async screenshot(name, target) {
      await mkdir(RESULTS_DIR, { recursive: true });
      const path = resolve(RESULTS_DIR, `${name}.png`);
      await (target ?? page).screenshot({ path });
      return path;
    },
  };
}

export interface PixelStats {
  width: number;
  height: number;
  /** Distinct colours (RGB quantised to 4 bits per channel). */
  colors: number;
  /** Share of pixels that differ from the most common colour (the background). */
  inked: number;
}

/** Pixel statistics of what an element shows on screen (works for WebGL canvases too). */
export async function pixelStats(page: Page, target: Locator): Promise<PixelStats> {
  const png = (await target.screenshot()).toString('base64');
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const counts = new Map<number, number>();
    for (let i = 0; i < d.length; i += 4) {
      const k = ((d[i]! >> 4) << 8) | ((d[i + 1]! >> 4) << 4) | (d[i + 2]! >> 4);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const n = d.length / 4;
    const top = Math.max(...counts.values());
    return { width: c.width, height: c.height, colors: counts.size, inked: (n - top) / n };
  }, png);
}
