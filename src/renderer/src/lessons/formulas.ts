/**
 * Which update formula a run follows, as torch.optim computes it (docs/optimizers.md; g = ∇L(θ) on the
 * batch, α the learning rate). The formulas themselves are text in the lessons namespace
 * (`formulas.<key>`), since their words are translated too. Seed 003 prints AdaGrad without the square
 * of g and Adam without bias correction; the text has the published forms (Duchi et al. 2011, Kingma &
 * Ba 2015).
 */
import type { RunInput } from './runInput';

/** The key of the formula a run follows: plain GD, minibatch SGD and momentum are told apart. */
export function formulaKey(run: RunInput): string {
  const o = run.optimizer as { type: string; momentum?: number };
  if (o.type === 'sgd') {
    if ((o.momentum ?? 0) > 0) return 'momentum';
    return run.batchSize ? 'sgd' : 'gd';
  }
  return o.type;
}
