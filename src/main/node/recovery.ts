/**
 * The recovery file: the unsaved document, autosaved atomically while the user edits; cleared on a
 * clean save or close. If it is still there at start-up, the last session ended without either, and
 * the app offers to restore it. Only a document that still validates is offered; any other copy is
 * moved aside and reported (core/experiment/recoveryCopy.ts parses it, in the browser too).
 */
import { readFile, rename, rm } from 'node:fs/promises';
import { parseRecoveryCopy } from '../../core/experiment/recoveryCopy';
import type { RecoveryOffer } from '../../preload/api';
import { writeFileAtomic } from '../../node/atomicWrite';

export class RecoveryStore {
  constructor(
    private readonly path: string,
    /** Where a copy that was set aside is reported (the main process logs it). */
    private readonly onBad: (message: string) => void = (m) => console.warn(`relief: ${m}`),
  ) {}

  async write(experiment: unknown, name: string, now = new Date()): Promise<void> {
    const offer: RecoveryOffer = { experiment, name, savedAt: now.toISOString() };
    await writeFileAtomic(this.path, JSON.stringify(offer));
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }

  /**
   * The copy left by a session that did not end cleanly, or null. A copy that cannot be read back
   * (empty, truncated, not a document, invalid) is moved aside to `recovery.json.bad-<time>` and
   * reported to `onBad`, so it is neither offered nor lost nor met again at every start.
   */
  async pending(): Promise<RecoveryOffer | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      this.onBad(`cannot read ${this.path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
      return null;
    }
    const r = parseRecoveryCopy(text);
    if (r.ok) return r.copy;
    const aside = `${this.path}.bad-${Date.now()}`;
    try {
      await rename(this.path, aside);
      this.onBad(`the recovery copy was not offered: ${r.reason}; it was moved to ${aside}`);
    } catch {
      this.onBad(`the recovery copy was not offered: ${r.reason}`);
    }
    return null;
  }
}
