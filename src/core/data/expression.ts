/**
 * Safe expressions. A formula is parsed by mathjs, checked node by node against a whitelist
 * (numbers, the allowed variables, arithmetic, comparisons, the conditional and a fixed set of
 * functions), then compiled into plain closures. Nothing in a file can reach mathjs's evaluate,
 * import, createUnit or function definitions, and there is no `eval`.
 */
import { parse, type MathNode } from './mathjs';

export type Compiled = (vars: ArrayLike<number>) => number;

type Fn = (...args: number[]) => number;

/** Function name -> implementation and allowed arity [min, max]. */
const functions: Record<string, { fn: Fn; arity: [number, number] }> = {
  sin: { fn: Math.sin, arity: [1, 1] },
  cos: { fn: Math.cos, arity: [1, 1] },
  tan: { fn: Math.tan, arity: [1, 1] },
  asin: { fn: Math.asin, arity: [1, 1] },
  acos: { fn: Math.acos, arity: [1, 1] },
  atan: { fn: Math.atan, arity: [1, 1] },
  atan2: { fn: Math.atan2, arity: [2, 2] },
  sinh: { fn: Math.sinh, arity: [1, 1] },
  cosh: { fn: Math.cosh, arity: [1, 1] },
  tanh: { fn: Math.tanh, arity: [1, 1] },
  exp: { fn: Math.exp, arity: [1, 1] },
  log: { fn: (a, b) => (b === undefined ? Math.log(a) : Math.log(a) / Math.log(b)), arity: [1, 2] },
  log10: { fn: Math.log10, arity: [1, 1] },
  log2: { fn: Math.log2, arity: [1, 1] },
  sqrt: { fn: Math.sqrt, arity: [1, 1] },
  cbrt: { fn: Math.cbrt, arity: [1, 1] },
  abs: { fn: Math.abs, arity: [1, 1] },
  sign: { fn: Math.sign, arity: [1, 1] },
  floor: { fn: Math.floor, arity: [1, 1] },
  ceil: { fn: Math.ceil, arity: [1, 1] },
  round: { fn: Math.round, arity: [1, 1] },
  pow: { fn: Math.pow, arity: [2, 2] },
  max: { fn: Math.max, arity: [1, 8] },
  min: { fn: Math.min, arity: [1, 8] },
  mod: { fn: (a, b) => a - b * Math.floor(a / b), arity: [2, 2] },
  relu: { fn: (a) => (a > 0 ? a : 0), arity: [1, 1] },
  sigmoid: { fn: (a) => 1 / (1 + Math.exp(-a)), arity: [1, 1] },
  square: { fn: (a) => a * a, arity: [1, 1] },
  cube: { fn: (a) => a * a * a, arity: [1, 1] },
};

const constants: Record<string, number> = { pi: Math.PI, e: Math.E, tau: 2 * Math.PI };

const binary: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '^': (a, b) => Math.pow(a, b),
  '.^': (a, b) => Math.pow(a, b),
  '.*': (a, b) => a * b,
  './': (a, b) => a / b,
  mod: (a, b) => a - b * Math.floor(a / b),
  '%': (a, b) => a - b * Math.floor(a / b),
  '<': (a, b) => +(a < b),
  '>': (a, b) => +(a > b),
  '<=': (a, b) => +(a <= b),
  '>=': (a, b) => +(a >= b),
  '==': (a, b) => +(a === b),
  '!=': (a, b) => +(a !== b),
  and: (a, b) => +(a !== 0 && b !== 0),
  or: (a, b) => +(a !== 0 || b !== 0),
};

const unary: Record<string, (a: number) => number> = {
  '-': (a) => -a,
  '+': (a) => a,
  not: (a) => +(a === 0),
};

export class ExpressionError extends Error {}

export const allowedFunctionNames = Object.keys(functions);

/** Parse and whitelist-check; throws ExpressionError with a readable message. */
export function parseExpression(text: string, variables: readonly string[]): MathNode {
  if (text.length > 2000) throw new ExpressionError('expression is longer than 2000 characters');
  let node: MathNode;
  try {
    node = parse(text);
  } catch (e) {
    throw new ExpressionError(`cannot parse: ${(e as Error).message}`);
  }
  check(node, variables);
  return node;
}

function check(node: MathNode, variables: readonly string[]): void {
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ConstantNode':
      if (typeof n.value !== 'number')
        throw new ExpressionError(`only numbers are allowed, not '${String(n.value)}'`);
      return;
    case 'SymbolNode': {
      const name = n.name as string;
      if (!variables.includes(name) && !(name in constants))
        throw new ExpressionError(
          `unknown variable '${name}' (allowed: ${[...variables, 'pi', 'e'].join(', ')})`,
        );
      return;
    }
    case 'ParenthesisNode':
      return check(n.content as MathNode, variables);
    case 'OperatorNode': {
      const args = n.args as MathNode[];
      const op = n.op as string;
      const table = args.length === 1 ? unary : binary;
      if (!(op in table)) throw new ExpressionError(`operator '${op}' is not allowed`);
      if (args.length > 2) throw new ExpressionError(`operator '${op}' takes at most two operands`);
      args.forEach((a) => check(a, variables));
      return;
    }
    case 'ConditionalNode':
      check(n.condition as MathNode, variables);
      check(n.trueExpr as MathNode, variables);
      check(n.falseExpr as MathNode, variables);
      return;
    case 'FunctionNode': {
      const fnNode = n.fn as MathNode & { name?: string };
      const name = fnNode.type === 'SymbolNode' ? fnNode.name! : '';
      const def = functions[name];
      if (!def) throw new ExpressionError(`function '${name || '?'}' is not allowed`);
      const args = n.args as MathNode[];
      if (args.length < def.arity[0] || args.length > def.arity[1])
        throw new ExpressionError(`${name} takes ${def.arity.join(' to ')} arguments, got ${args.length}`);
      args.forEach((a) => check(a, variables));
      return;
    }
    default:
      throw new ExpressionError(`'${node.toString()}' is not allowed here (${node.type})`);
  }
}

/** Compile a checked tree into a closure over a vector of variable values (in `variables` order). */
export function compileNode(node: MathNode, variables: readonly string[]): Compiled {
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ConstantNode': {
      const v = n.value as number;
      return () => v;
    }
    case 'SymbolNode': {
      const name = n.name as string;
      const idx = variables.indexOf(name);
      if (idx >= 0) return (vars) => vars[idx]!;
      const c = constants[name]!;
      return () => c;
    }
    case 'ParenthesisNode':
      return compileNode(n.content as MathNode, variables);
    case 'OperatorNode': {
      const args = (n.args as MathNode[]).map((a) => compileNode(a, variables));
      if (args.length === 1) {
        const f = unary[n.op as string]!;
        const a0 = args[0]!;
        return (v) => f(a0(v));
      }
      const f = binary[n.op as string]!;
      const [a0, a1] = args as [Compiled, Compiled];
      return (v) => f(a0(v), a1(v));
    }
    case 'ConditionalNode': {
      const c = compileNode(n.condition as MathNode, variables);
      const t = compileNode(n.trueExpr as MathNode, variables);
      const f = compileNode(n.falseExpr as MathNode, variables);
      return (v) => (c(v) !== 0 ? t(v) : f(v));
    }
    case 'FunctionNode': {
      const fn = functions[(n.fn as { name: string }).name]!.fn;
      const args = (n.args as MathNode[]).map((a) => compileNode(a, variables));
      if (args.length === 1) {
        const a0 = args[0]!;
        return (v) => fn(a0(v));
      }
      if (args.length === 2) {
        const [a0, a1] = args as [Compiled, Compiled];
        return (v) => fn(a0(v), a1(v));
      }
      return (v) => fn(...args.map((a) => a(v)));
    }
    default:
      throw new ExpressionError(`cannot compile ${node.type}`);
  }
}

/** Parse, check and compile `text` over `variables` (e.g. ['x', 'y']). */
export function compileExpression(text: string, variables: readonly string[]): Compiled {
  return compileNode(parseExpression(text, variables), variables);
}
