/**
 * Size budgets for symbolic differentiation. A short formula can have an enormous derivative:
 * `max(` nested ten deep is 73 characters, but rewriting each max as (x + y + |x - y|) / 2 doubles its
 * argument per level, and the product rule makes a chain of n factors an O(n²) first and O(n³) second
 * derivative. mathjs cannot be interrupted once it starts, so the sizes are estimated from the tree
 * (linear time) before each step, and a formula over budget is refused with the reason instead of
 * running for minutes or out of memory. The estimates are upper bounds of what mathjs builds
 * (`derivative` without simplification): each rule counts the nodes it creates and copies.
 */
import type { MathNode } from '../data/mathjs';
import { ExpressionError } from '../data/expression';

/** Most nodes a formula may have once max/min/relu/sigmoid are rewritten (Ackley, the largest in the gallery, has 45). */
export const MAX_FORMULA_NODES = 2_000;
/** Most nodes a (first or second) derivative tree may have: ten times what the largest gallery formula (Ackley) needs. */
export const MAX_DERIVATIVE_NODES = 10_000;
/** Wall-clock budget for differentiating and compiling one formula, checked between the steps. */
export const MAX_DIFFERENTIATE_MS = 2_000;

type Node = MathNode & Record<string, unknown>;

const fnName = (n: Node): string => {
  const fn = n.fn as Node;
  return fn.type === 'SymbolNode' ? (fn.name as string) : '';
};

/** Extra nodes (besides copies of the arguments) that rewriting one call creates, and copies of each argument. */
const rewriteCost = new Map<string, { extra: number; copies: number }>([
  ['square', { extra: 4, copies: 1 }],
  ['cube', { extra: 4, copies: 1 }],
  ['pow', { extra: 4, copies: 1 }],
  ['sigmoid', { extra: 10, copies: 1 }],
  ['relu', { extra: 8, copies: 2 }],
]);

/** Node count of the tree after the rewrites of differentiate.ts (exact up to a few nodes per call). */
export function rewrittenSize(tree: MathNode): number {
  const n = tree as Node;
  if (tree.type === 'FunctionNode') {
    const args = (n.args as MathNode[]).map(rewrittenSize);
    const name = fnName(n);
    if (name === 'max' || name === 'min')
      // pairwise (x + y ± |x - y|) / 2, folded from the left: the running result is copied each time
      return args.slice(1).reduce((acc, s) => 2 * (acc + s) + 8, args[0] ?? 0);
    const cost = rewriteCost.get(name);
    const sum = args.reduce((a, b) => a + b, 0);
    return cost ? cost.copies * sum + cost.extra : sum + 2;
  }
  let size = 1;
  tree.forEach((child) => (size += rewrittenSize(child)));
  return size;
}

/** [size of the tree, upper bound of the size of its derivative in one variable]. */
function sizes(tree: MathNode): [number, number] {
  const n = tree as Node;
  const kids: [number, number][] = [];
  tree.forEach((child) => kids.push(sizes(child)));
  const S = 1 + kids.reduce((a, [s]) => a + s, 0);
  const Dsum = kids.reduce((a, [, d]) => a + d, 0);
  const Ssum = S - 1;
  switch (tree.type) {
    case 'OperatorNode': {
      if (kids.length < 2) return [S, Dsum + 2];
      const op = n.op as string;
      if (op === '+' || op === '-') return [S, Dsum + 2];
      if (op === '*' || op === '.*') return [S, Dsum + Ssum + 4];
      if (op === '/' || op === './') return [S, Dsum + 2 * Ssum + 8];
      // x^y: x^y * (y' log x + y x' / x), with the base and exponent copied twice
      return [S, Dsum + 3 * Ssum + 14];
    }
    case 'FunctionNode':
      // f'(x) * x': the argument appears up to three times in f' (tan, asin, ...)
      return [S, Dsum + 3 * Ssum + 12];
    default:
      return [S, Dsum + 2];
  }
}

export function derivativeSizeBound(tree: MathNode): number {
  return sizes(tree)[1];
}

const fmt = (n: number) => (n >= 1e6 ? n.toExponential(1) : String(Math.round(n)));

/** Throws before a rewrite that would exceed the formula budget. */
export function assertRewriteBudget(tree: MathNode): void {
  const size = rewrittenSize(tree);
  if (size > MAX_FORMULA_NODES)
    throw new ExpressionError(
      `formula too large to differentiate: max/min/relu expand it to about ${fmt(size)} terms ` +
        `(at most ${MAX_FORMULA_NODES}); nest fewer of them`,
    );
}

/** Throws before a derivative that could exceed the derivative budget. */
export function assertDerivativeBudget(tree: MathNode, what: string): void {
  const bound = derivativeSizeBound(tree);
  if (bound > MAX_DERIVATIVE_NODES)
    throw new ExpressionError(
      `formula too large to differentiate: ${what} would have up to ${fmt(bound)} terms ` +
        `(at most ${MAX_DERIVATIVE_NODES}); use fewer nested products, powers or functions`,
    );
}

/** A clock for the whole differentiation; `check` throws once the budget is spent. */
export function deadline(ms = MAX_DIFFERENTIATE_MS): { check(what: string): void } {
  const start = Date.now();
  return {
    check(what) {
      const spent = Date.now() - start;
      if (spent > ms)
        throw new ExpressionError(
          `formula too costly to differentiate: ${what} took ${spent} ms (budget ${ms} ms); simplify it`,
        );
    },
  };
}
