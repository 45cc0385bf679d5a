/**
 * Every optimizer Relief offers, by the `type` stored in the Experiment file. Adding an optimizer is
 * one file and one line here; the Experiment schema and the UI forms are derived from this list.
 */
import { buildRegistry } from '../registry';
import { adadelta } from './adadelta';
import { adagrad } from './adagrad';
import { adam, adamw } from './adam';
import { adamax } from './adamax';
import { cg } from './cg';
import { gdLineSearch } from './gdLineSearch';
import { hessianFree } from './hessianFree';
import { lbfgs } from './lbfgs';
import { nadam } from './nadam';
import { newton } from './newton';
import { radam } from './radam';
import { rmsprop } from './rmsprop';
import { sgd } from './sgd';
import type { OptimizerDef } from './types';

export const optimizerList: readonly OptimizerDef[] = [
  sgd,
  adagrad,
  adadelta,
  rmsprop,
  adam,
  adamw,
  adamax,
  nadam,
  radam,
  lbfgs,
  cg,
  gdLineSearch,
  hessianFree,
  newton,
];

export const optimizers = buildRegistry(optimizerList, (o) => o.type, 'optimizer');
