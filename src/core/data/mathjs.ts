/**
 * The one mathjs instance Relief uses: only the parser, the symbolic derivative and the node classes.
 * Importing them from 'mathjs' itself evaluates the whole default instance (every function of the
 * library, typed-function signatures included: about half a second of start-up in every process and
 * worker that touches an expression). Here `create` gets just these dependencies, and only on first
 * use, so a process that never parses a formula (`relief --help`) never builds any of it; the bundler
 * drops the rest of the library.
 */
import {
  ConstantNodeDependencies,
  create,
  derivativeDependencies,
  FunctionNodeDependencies,
  OperatorNodeDependencies,
  ParenthesisNodeDependencies,
  parseDependencies,
  SymbolNodeDependencies,
} from 'mathjs';

// mathjs declares these by destructuring a Record<string, FactoryFunctionMap>, so to the type checker each
// may be undefined; every one of them exists.
const build = () =>
  create({
    parseDependencies: parseDependencies!,
    derivativeDependencies: derivativeDependencies!,
    ConstantNodeDependencies: ConstantNodeDependencies!,
    FunctionNodeDependencies: FunctionNodeDependencies!,
    OperatorNodeDependencies: OperatorNodeDependencies!,
    ParenthesisNodeDependencies: ParenthesisNodeDependencies!,
    SymbolNodeDependencies: SymbolNodeDependencies!,
  });
type Instance = ReturnType<typeof build>;
let instance: Instance | undefined;
const math = (): Instance => (instance ??= build());

/** A node class of the lazy instance: `new X(...)` builds the instance's own node (nodes are told apart by `.type`). */
function lazyClass<
  K extends 'ConstantNode' | 'FunctionNode' | 'OperatorNode' | 'ParenthesisNode' | 'SymbolNode',
>(key: K): Instance[K] {
  return function (...args: unknown[]) {
    const Node = math()[key] as unknown as new (...a: unknown[]) => object;
    return new Node(...args);
  } as unknown as Instance[K];
}

export const parse: Instance['parse'] = ((...args: Parameters<Instance['parse']>) =>
  (math().parse as (...a: unknown[]) => unknown)(...args)) as Instance['parse'];
export const derivative: Instance['derivative'] = ((...args: Parameters<Instance['derivative']>) =>
  (math().derivative as (...a: unknown[]) => unknown)(...args)) as Instance['derivative'];
export const ConstantNode = lazyClass('ConstantNode');
export const FunctionNode = lazyClass('FunctionNode');
export const OperatorNode = lazyClass('OperatorNode');
export const ParenthesisNode = lazyClass('ParenthesisNode');
export const SymbolNode = lazyClass('SymbolNode');
export type { MathNode } from 'mathjs';

let warmed = false;
/**
 * Builds the parser and the derivative now and runs each once (a one-time cost, a few hundred ms on a
 * busy core), so a time budget started afterwards (derivativeBudget.ts) measures the formula only.
 */
export function warmDerivative(): void {
  if (warmed) return;
  warmed = true;
  derivative(parse('a * b'), 'a', { simplify: false });
}
