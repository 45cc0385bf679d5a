/**
 * The document's automatic name. A new document is named after what it fits (seed-001, abs, rosenbrock);
 * while the user has not renamed it or saved it under a file name, the name follows the target, so the
 * window title never shows a curve the user has left.
 */
import type { ExperimentInput } from '../../../core/experiment/schema';

/** seed001 -> seed-001: the seed presets are written with a hyphen, as in the notes they come from. */
const spaced = (preset: string) => preset.replace(/^([a-z]+)(\d+)$/, '$1-$2');

/** The name a document gets from its target or surface; undefined (shown as "untitled") for formulas, knots and samples. */
export function autoName(draft: ExperimentInput): string | undefined {
  if (draft.model.kind === 'surface') return draft.model.preset;
  const target = draft.data?.target;
  return target && 'preset' in target ? spaced(target.preset) : undefined;
}

/** The edited draft with its name following the target, when the name was still the automatic one. */
export function withAutoName(before: ExperimentInput, after: ExperimentInput): ExperimentInput {
  if (before.name !== autoName(before)) return after;
  const name = autoName(after);
  if (after.name === name) return after;
  const next = { ...after, name };
  if (name === undefined) delete next.name;
  return next;
}
