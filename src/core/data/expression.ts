/**
 * Safe expressions. A formula is parsed by mathjs, checked node by node against a whitelist
 * (numbers, the allowed variables, arithmetic, comparisons, the conditional and a fixed set of
 * functions), then compiled into plain closures. Nothing in a file can reach mathjs's evaluate,
 * import, createUnit or function definitions, and there is no `eval`.
 */
import { clip } from '../clip';
import { parse, type MathNode } from './mathjs';

export type Compiled = (vars: ArrayLike<number>) => number;

type Fn = (...args: number[]) => number;

/**
 * Function name -> implementation and allowed arity [min, max]. Maps, not object literals: a name from
 * a file is looked up with `get`/`has`, so `constructor`, `__proto__`, `toString` and the other members
 * of Object.prototype are simply unknown names.
 */
const functions = new Map<string, { fn: Fn; arity: [number, number] }>(
  Object.entries({
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
  } satisfies Record<string, { fn: Fn; arity: [number, number] }>),
);

const constants = new Map<string, number>([
  ['pi', Math.PI],
  ['e', Math.E],
  ['tau', 2 * Math.PI],
]);

const binary = new Map<string, (a: number, b: number) => number>(
  Object.entries({
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
  } satisfies Record<string, (a: number, b: number) => number>),
);

const unary = new Map<string, (a: number) => number>([
  ['-', (a) => -a],
  ['+', (a) => a],
  ['not', (a) => +(a === 0)],
]);

export class ExpressionError extends Error {}

export const allowedFunctionNames = [...functions.keys()];

/** Longest formula accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = 2000;
/** Deepest nesting of operators, calls and brackets accepted (a chain a*a*…*a nests one per operator; the gallery needs under 15). */
export const MAX_EXPRESSION_DEPTH = 100;

/** Parse and whitelist-check; throws ExpressionError with a readable message. */
export function parseExpression(text: string, variables: readonly string[]): MathNode {
  if (text.length > MAX_EXPRESSION_LENGTH)
    throw new ExpressionError(`expression is longer than ${MAX_EXPRESSION_LENGTH} characters`);
  const depth = bracketDepth(text);
  if (depth > MAX_EXPRESSION_DEPTH)
    throw new ExpressionError(
      `expression nests ${depth} brackets deep; at most ${MAX_EXPRESSION_DEPTH} are allowed`,
    );
  let node: MathNode;
  try {
    node = parse(text);
  } catch (e) {
    throw new ExpressionError(`cannot parse: ${clip((e as Error).message)}`);
  }
  check(node, variables, 0);
  return node;
}

/** Nesting depth of (), [] and {} in the text: checked before parsing so a deep formula never recurses. */
function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') max = Math.max(max, ++depth);
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  return max;
}

function check(node: MathNode, variables: readonly string[], depth: number): void {
  if (depth > MAX_EXPRESSION_DEPTH)
    throw new ExpressionError(
      `expression nests more than ${MAX_EXPRESSION_DEPTH} operations deep; simplify it`,
    );
  const n = node as MathNode & Record<string, unknown>;
  const sub = (child: unknown) => check(child as MathNode, variables, depth + 1);
  switch (node.type) {
    case 'ConstantNode':
      if (typeof n.value !== 'number')
        throw new ExpressionError(`only numbers are allowed, not '${clip(String(n.value))}'`);
      return;
    case 'SymbolNode': {
      const name = n.name as string;
      if (!variables.includes(name) && !constants.has(name))
        throw new ExpressionError(
          `unknown variable '${clip(name)}' (allowed: ${[...variables, 'pi', 'e'].join(', ')})`,
        );
      return;
    }
    case 'ParenthesisNode':
      return sub(n.content);
    case 'OperatorNode': {
      const args = n.args as MathNode[];
      const op = n.op as string;
      const table = args.length === 1 ? unary : binary;
      if (!table.has(op)) throw new ExpressionError(`operator '${clip(op)}' is not allowed`);
      if (args.length > 2) throw new ExpressionError(`operator '${op}' takes at most two operands`);
      args.forEach(sub);
      return;
    }
    case 'ConditionalNode':
      sub(n.condition);
      sub(n.trueExpr);
      sub(n.falseExpr);
      return;
    case 'FunctionNode': {
      const fnNode = n.fn as MathNode & { name?: string };
      const name = fnNode.type === 'SymbolNode' ? fnNode.name! : '';
      const def = functions.get(name);
      if (!def) throw new ExpressionError(`function '${clip(name) || '?'}' is not allowed`);
      const args = n.args as MathNode[];
      if (args.length < def.arity[0] || args.length > def.arity[1])
        throw new ExpressionError(`${name} takes ${def.arity.join(' to ')} arguments, got ${args.length}`);
      args.forEach(sub);
      return;
    }
    default:
      throw new ExpressionError(`'${clip(node.toString())}' is not allowed here (${node.type})`);
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
      const c = constants.get(name);
      if (c === undefined) throw new ExpressionError(`unknown variable '${clip(name)}'`);
      return () => c;
    }
    case 'ParenthesisNode':
      return compileNode(n.content as MathNode, variables);
    case 'OperatorNode': {
      const args = (n.args as MathNode[]).map((a) => compileNode(a, variables));
      if (args.length === 1) {
        const f = lookup(unary, n.op as string, 'operator');
        const a0 = args[0]!;
        return (v) => f(a0(v));
      }
      const f = lookup(binary, n.op as string, 'operator');
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
      const fn = lookup(functions, (n.fn as { name: string }).name, 'function').fn;
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

/** A whitelist entry by own key only; compileNode also receives trees built by mathjs (derivatives). */
function lookup<T>(table: ReadonlyMap<string, T>, name: string, what: string): T {
  const v = table.get(name);
  if (v === undefined) throw new ExpressionError(`${what} '${clip(String(name))}' is not allowed`);
  return v;
}

/** Parse, check and compile `text` over `variables` (e.g. ['x', 'y']). */
export function compileExpression(text: string, variables: readonly string[]): Compiled {
  return compileNode(parseExpression(text, variables), variables);
}
