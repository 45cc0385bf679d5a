/**
 * Opening a document and waiting for its results, as the e2e tests that drive whole documents do: through
 * the Open button and the browser's file chooser, as a user would.
 */
import type { Dialog, Page } from 'playwright-core';

// What these helpers read of the page's stores (this file compiles without the DOM library).
interface Stores {
  doc: { get(): { revision: number } };
  results: {
    get(): {
      runs: { phase: string }[];
      slice: { beta: ArrayLike<number>; rowsDone: number } | null;
      progress: unknown;
      revision: number;
    };
  };
}
declare const window: { __reliefStores: Stores };

/**
 * Opens `doc` as the file `name`. Open asks before discarding unsaved edits; a user who opens another file
 * says yes (`answerDiscard: false` leaves the question to a handler of the test's own). Returns once the file
 * is the document: it is read asynchronously, and a wait for results before then would see the old ones.
 */
export async function openDocument(
  page: Page,
  name: string,
  doc: unknown,
  answerDiscard = true,
): Promise<void> {
  const discard = (d: Dialog) => void d.accept();
  if (answerDiscard) page.on('dialog', discard);
  const before = await page.evaluate(() => window.__reliefStores.doc.get().revision);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open').click();
  await (
    await chooser
  ).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.waitForFunction((rev) => window.__reliefStores.doc.get().revision !== rev, before);
  if (answerDiscard) page.off('dialog', discard);
}

/** Waits until the results belong to the document: every run ended and every row of its slice computed. */
export async function documentSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const r = window.__reliefStores.results.get();
      return (
        r.revision === window.__reliefStores.doc.get().revision &&
        r.progress === null &&
        r.runs.length > 0 &&
        r.runs.every((x) => x.phase !== 'queued' && x.phase !== 'running') &&
        r.slice !== null &&
        r.slice.rowsDone === r.slice.beta.length
      );
    },
    undefined,
    { timeout: 170_000, polling: 250 },
  );
}
