/**
 * One update formula per optimizer, as torch.optim computes it (g = ∇L(θ) on the batch, α the learning
 * rate). Mathematics reads the same in every language, so these are not translated; the words around
 * them are. Seed 003 prints AdaGrad without the square of g and Adam without bias correction; these are
 * the published forms (Duchi et al. 2011, Kingma & Ba 2015).
 */
import type { RunInput } from './runInput';

const formulas: Readonly<Record<string, string>> = {
  gd: 'θ ← θ − α ∇L(θ)',
  sgd: 'θ ← θ − α ∇L_B(θ)   (B: a random minibatch)',
  momentum: 'v ← μ v + g;   θ ← θ − α v',
  adagrad: 'G ← G + g²;   θ ← θ − α g / (√G + ε)',
  adadelta: 'v ← ρ v + (1−ρ) g²;   Δ = √(u+ε)/√(v+ε) · g;   u ← ρ u + (1−ρ) Δ²;   θ ← θ − α Δ',
  rmsprop: 'v ← β v + (1−β) g²;   θ ← θ − α g / (√v + ε)',
  adam: 'm ← β₁m + (1−β₁)g;   v ← β₂v + (1−β₂)g²;   θ ← θ − α m̂ / (√v̂ + ε),   m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ)',
  adamw: 'θ ← θ − αλθ;   then Adam',
  adamax: 'm ← β₁m + (1−β₁)g;   u ← max(β₂u, |g| + ε);   θ ← θ − α m / ((1−β₁ᵗ) u)',
  nadam: 'Adam with a Nesterov look-ahead in m̂',
  radam: 'Adam whose step is damped while the variance of v̂ is not yet reliable',
  lbfgs: 'd = −H̃ g (two-loop recursion over the last m steps);   θ ← θ + t d (line search)',
  cg: 'd ← −g + β d,  β = max(0, gᵀ(g − g₋) / g₋ᵀg₋) (PR+);   θ ← θ + τ d (strong-Wolfe line search)',
  gdLineSearch: 'θ ← θ − τ g,  τ halved until the loss falls enough (Armijo)',
  newton: '(H + τI) d = −g (Cholesky, τ raised until positive definite);   θ ← θ + s d (backtracking)',
  hessianFree: 'solve (H + λI) d = −g by linear CG with Hessian-vector products only;   θ ← θ + α d',
};

/** The key of the formula a run follows: plain GD, minibatch SGD and momentum are told apart. */
export function formulaKey(run: RunInput): string {
  const o = run.optimizer as { type: string; momentum?: number };
  if (o.type === 'sgd') {
    if ((o.momentum ?? 0) > 0) return 'momentum';
    return run.batchSize ? 'sgd' : 'gd';
  }
  return o.type;
}

export function formulaOf(run: RunInput): string | null {
  return formulas[formulaKey(run)] ?? null;
}
