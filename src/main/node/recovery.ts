/**
 * The recovery file: the unsaved document, autosaved atomically while the user edits; cleared on a
 * clean save or close. If it is still there at start-up, the last session ended without either, and
 * the app offers to restore it. Only a document that still validates is offered.
 */
import { readFile, rm } from 'node:fs/promises';
import { validateExperiment } from '../../core/experiment/validate';
import type { RecoveryOffer } from '../../preload/api';
import { writeFileAtomic } from '../../node/atomicWrite';

export class RecoveryStore {
  constructor(private readonly path: string) {}

  async write(experiment: unknown, name: string, now = new Date()): Promise<void> {
    const offer: RecoveryOffer = { experiment, name, savedAt: now.toISOString() };
    await writeFileAtomic(this.path, JSON.stringify(offer));
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }

  async pending(): Promise<RecoveryOffer | null> {
    let v: unknown;
    try {
      v = JSON.parse(await readFile(this.path, 'utf8'));
    } catch {
      return null;
    }
    if (typeof v !== 'object' || v === null) return null;
    const o = v as Partial<RecoveryOffer>;
    if (!validateExperiment(o.experiment).ok) return null;
    return {
      experiment: o.experiment,
      name: typeof o.name === 'string' ? o.name : 'Untitled',
      savedAt: typeof o.savedAt === 'string' ? o.savedAt : '',
    };
  }
}
