/**
 * Every lesson opens from the start screen and runs in the web build in real Chromium, in English and in
 * Chinese: each step is entered with Next, its jobs finish without errors, the player shows the step's own
 * text in the chosen language, and a screenshot of the window is saved per step under
 * test-results/screens/lessons/<lang>/. In English the first "try this" of each lesson is also applied.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, type AppPage } from './harness';

interface LessonDef {
  id: string;
  steps: { id: string; tryThis?: { id: string }[] }[];
}
// Browser globals used inside page.evaluate callbacks (this file compiles without the DOM library).
interface Stores {
  doc: { get(): { draft: { lesson?: { id: string; step: number } }; revision: number; problems: unknown[] } };
  results: {
    get(): {
      runs: { phase: string }[];
      slice: { alpha: ArrayLike<number>; rowsDone: number } | null;
      progress: unknown;
      error: string | null;
      revision: number;
    };
  };
}
declare const window: { __reliefStores: Stores };

const text = (lang: string) =>
  JSON.parse(
    readFileSync(new URL(`../../src/renderer/src/lessons/i18n/${lang}.json`, import.meta.url), 'utf8'),
  ) as Record<string, { title: string; steps: Record<string, { title: string }> }>;

// The lesson structure, read from the bundle's own registry through the page (no second list to keep).
let lessons: LessonDef[] = [];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** Waits until the document's current revision has been computed: runs finished and the slice complete. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = window.__reliefStores;
      const r = s.results.get();
      return (
        r.revision === s.doc.get().revision &&
        r.progress === null &&
        r.runs.length > 0 &&
        r.runs.every((x) => x.phase !== 'queued' && x.phase !== 'running') &&
        (r.error !== null || (r.slice !== null && r.slice.rowsDone === r.slice.alpha.length))
      );
    },
    undefined,
    { timeout: 150_000, polling: 250 },
  );
  const error = await page.evaluate(() => window.__reliefStores.results.get().error);
  expect(error).toBeNull();
}

for (const lang of ['en', 'zh'] as const)
  describe(`lessons in ${lang}`, () => {
    let app: AppPage;
    let page: Page;
    const words = text(lang);

    beforeAll(async () => {
      app = await openApp(browser, '?lessons');
      page = app.page;
      await page.waitForFunction(() => window.__reliefStores !== undefined);
      await page.getByTestId('lesson-start').waitFor();
      await page.getByTestId(`language-${lang}`).click();
      lessons = await page.evaluate(() =>
        Array.from(document.querySelectorAll('[data-testid^="lesson-card-"]')).map((el) => ({
          id: el.getAttribute('data-testid')!.slice('lesson-card-'.length),
          steps: [],
        })),
      );
      await app.screenshot(`screens/lessons/${lang}/0-start`);
    });
    afterAll(() => page?.close());

    it('lists the six lessons in the chosen language', async () => {
      expect(lessons.map((l) => l.id)).toEqual([
        'kink',
        'gd-curve',
        'global-minima',
        'optimizers',
        'trap',
        'symmetries',
      ]);
      for (const l of lessons)
        await expect(page.getByText(words[l.id]!.title).first().isVisible()).resolves.toBe(true);
    });

    it('opens and runs every lesson, step by step', async () => {
      for (const [i, l] of lessons.entries()) {
        if (i > 0) {
          await page.getByTestId('lessons-button').click();
          await page.getByTestId('lesson-start').waitFor();
        }
        await page.getByTestId(`open-lesson-${l.id}`).click();
        await page.getByTestId('lesson-player').waitFor();
        const steps = Object.keys(words[l.id]!.steps);
        for (const [k, stepId] of steps.entries()) {
          if (k > 0) await page.getByTestId('lesson-next').click();
          await page.waitForFunction(
            ([id, step]) => {
              const ref = window.__reliefStores.doc.get().draft.lesson;
              return ref?.id === id && ref.step === step;
            },
            [l.id, k] as const,
          );
          await settled(page);
          const player = page.getByTestId('lesson-player');
          await expect(player.getAttribute('data-step')).resolves.toBe(String(k));
          await expect(player.getByRole('heading', { level: 3 }).textContent()).resolves.toBe(
            words[l.id]!.steps[stepId]!.title,
          );
          await app.screenshot(`screens/lessons/${lang}/${i + 1}-${l.id}-${k + 1}-${stepId}`);
          const tries = page.locator('[data-testid^="try-"]');
          if (lang === 'en' && k === 0 && (await tries.count()) > 0) {
            const before = await page.evaluate(() => window.__reliefStores.doc.get().revision);
            await tries.first().click();
            await page.waitForFunction((r) => window.__reliefStores.doc.get().revision > r, before);
            await settled(page);
            await app.screenshot(`screens/lessons/${lang}/${i + 1}-${l.id}-${k + 1}-${stepId}-try`);
            await page.getByTestId('lesson-reset').click();
            await settled(page);
          }
        }
      }
      expect(app.errors).toEqual([]);
    });
  });
