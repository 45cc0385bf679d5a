/** A run as written in an experiment draft (defaults not yet filled in). */
import type { ExperimentInput } from '../../../core/experiment/schema';

export type RunInput = ExperimentInput['runs'][number];
