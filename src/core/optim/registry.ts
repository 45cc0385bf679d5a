/**
 * Every optimizer Relief offers, by the `type` stored in the Experiment file. Adding an optimizer is
 * one file and one line here; the Experiment schema and the UI forms are derived from this list.
 */
import { buildRegistry } from '../registry';
import { sgd } from './sgd';
import type { OptimizerDef } from './types';

export const optimizerList: readonly OptimizerDef[] = [sgd];

export const optimizers = buildRegistry(optimizerList, (o) => o.type, 'optimizer');
