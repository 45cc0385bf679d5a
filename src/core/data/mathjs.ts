/**
 * The one mathjs instance Relief uses: only the parser, the symbolic derivative and the node classes.
 * Importing them from 'mathjs' itself evaluates the whole default instance (every function of the
 * library, typed-function signatures included: about half a second of start-up in every process and
 * worker that touches an expression). `create` with just these dependencies builds the same functions
 * lazily, and the bundler drops the rest of the library.
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

const math = create({
  parseDependencies,
  derivativeDependencies,
  ConstantNodeDependencies,
  FunctionNodeDependencies,
  OperatorNodeDependencies,
  ParenthesisNodeDependencies,
  SymbolNodeDependencies,
});

export const parse = math.parse;
export const derivative = math.derivative;
export const ConstantNode = math.ConstantNode;
export const FunctionNode = math.FunctionNode;
export const OperatorNode = math.OperatorNode;
export const ParenthesisNode = math.ParenthesisNode;
export const SymbolNode = math.SymbolNode;
export type { MathNode } from 'mathjs';
