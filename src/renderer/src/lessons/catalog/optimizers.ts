/**
 * Lesson 4 (seed 003): GD, SGD, AdaGrad, RMSprop, Adam and Adamax from one start on one plane. The model
 * is seed 003's own linear regression with two parameters, so the plane is the whole parameter space.
 */
import type { ExperimentInput } from '../../../../core/experiment/schema';
import experiment from '../experiments/optimizers.json';
import type { Lesson } from '../types';

const run = (name: string, color: string, optimizer: Record<string, unknown>, extra = {}) => ({
  op: 'addRun' as const,
  run: { name, optimizer, steps: 200, color, ...extra },
});

export const optimizersLesson: Lesson = {
  id: 'optimizers',
  seed: '003',
  experiment: experiment as unknown as ExperimentInput,
  steps: [
    {
      id: 'gd',
      formulas: true,
      view: { plane: 'axes', surfaceMode: 'top', logScale: true },
      tryThis: [
        { id: 'diverge', patch: [{ op: 'set', path: 'runs.@gd.optimizer.lr', value: 0.9 }] },
        { id: 'careful', patch: [{ op: 'set', path: 'runs.@gd.optimizer.lr', value: 0.02 }] },
      ],
    },
    {
      id: 'sgd',
      formulas: true,
      view: { plane: 'axes', surfaceMode: 'top' },
      scene: [run('sgd', '#009e73', { type: 'sgd', lr: 0.1 }, { batchSize: 10 })],
      tryThis: [{ id: 'tiny-batch', patch: [{ op: 'set', path: 'runs.@sgd.batchSize', value: 1 }] }],
    },
    {
      id: 'adaptive',
      formulas: true,
      view: { plane: 'axes', surfaceMode: 'top' },
      scene: [
        run('adagrad', '#3c6fd8', { type: 'adagrad', lr: 0.5 }),
        run('rmsprop', '#f2a541', { type: 'rmsprop', lr: 0.05 }),
      ],
      tryThis: [
        { id: 'adagrad-small', patch: [{ op: 'set', path: 'runs.@adagrad.optimizer.lr', value: 0.1 }] },
      ],
    },
    {
      id: 'adam',
      formulas: true,
      view: { plane: 'axes', surfaceMode: 'top' },
      scene: [
        run('adam', '#9b59b6', { type: 'adam', lr: 0.1 }),
        run('adamax', '#8c564b', { type: 'adamax', lr: 0.1 }),
      ],
      tryThis: [
        { id: 'no-momentum', patch: [{ op: 'set', path: 'runs.@adam.optimizer.betas', value: [0, 0.999] }] },
        { id: 'far-start', patch: [{ op: 'set', path: 'model.params', value: [6, -2] }] },
      ],
    },
  ],
};
