/**
 * Exact derivatives of a surface formula f(a, b). The formula is parsed and whitelisted by the data
 * layer's `parseExpression`; mathjs's symbolic `derivative` then differentiates the checked tree, and
 * every derivative tree is checked against the same whitelist again and compiled with the same closure
 * compiler (`compileNode`), so nothing mathjs produces is ever evaluated by mathjs itself.
 *
 * mathjs does not know a few of our whitelisted functions (square, cube, sigmoid, relu, pow, max, min),
 * so those are first rewritten into forms it can differentiate; its output uses a few functions we do
 * not whitelist (sec, csc, cot, sech, csch, coth), so those are rewritten into reciprocals afterwards.
 */
import {
  ConstantNode,
  derivative,
  FunctionNode,
  OperatorNode,
  ParenthesisNode,
  SymbolNode,
  type MathNode,
  warmDerivative,
} from '../data/mathjs';
import { allowedFunctionNames, compileNode, ExpressionError, parseExpression } from '../data/expression';
import type { Compiled } from '../data/expression';
import { assertDerivativeBudget, assertRewriteBudget, deadline } from './derivativeBudget';

export const SURFACE_VARIABLES = ['a', 'b'] as const;
const vars: readonly string[] = SURFACE_VARIABLES;

/** The formula and its exact first and second partial derivatives, as closures of p = [a, b]. */
export interface SurfaceDerivatives {
  readonly f: Compiled;
  readonly fa: Compiled;
  readonly fb: Compiled;
  readonly faa: Compiled;
  readonly fab: Compiled;
  readonly fbb: Compiled;
  /** The derivative formulas as text (for display and documentation). */
  readonly text: { fa: string; fb: string; faa: string; fab: string; fbb: string };
}

type Node = MathNode & Record<string, unknown>;

const op = (o: string, fn: string, args: MathNode[]) =>
  new OperatorNode(o as never, fn as never, args as never) as unknown as MathNode;
const call = (name: string, args: MathNode[]) => new FunctionNode(new SymbolNode(name), args) as MathNode;
const num = (v: number) => new ConstantNode(v) as MathNode;
const paren = (n: MathNode) => new ParenthesisNode(n) as MathNode;
const add = (x: MathNode, y: MathNode) => op('+', 'add', [x, y]);
const sub = (x: MathNode, y: MathNode) => op('-', 'subtract', [x, y]);
const div = (x: MathNode, y: MathNode) => op('/', 'divide', [x, y]);
const pow = (x: MathNode, y: MathNode) => op('^', 'pow', [paren(x), y]);
const neg = (x: MathNode) => op('-', 'unaryMinus', [x]);

/** (x + y ± |x - y|) / 2: max and min of two in a form with a derivative almost everywhere. */
function maxMin(args: MathNode[], sign: 1 | -1): MathNode {
  return args.reduce((x, y) => {
    const spread = call('abs', [sub(x.cloneDeep(), y.cloneDeep())]);
    return div(paren(sign > 0 ? add(add(x, y), spread) : sub(add(x, y), spread)), num(2));
  });
}

type Rewrites = ReadonlyMap<string, (args: MathNode[]) => MathNode>;

/** Rewrites functions mathjs cannot differentiate into equivalent ones it can. */
const beforeDerivative: Rewrites = new Map(
  Object.entries({
    square: ([x]) => pow(x!, num(2)),
    cube: ([x]) => pow(x!, num(3)),
    pow: ([x, y]) => pow(x!, paren(y!)),
    sigmoid: ([x]) => div(num(1), paren(add(num(1), call('exp', [neg(paren(x!))])))),
    relu: ([x]) => div(paren(add(paren(x!), call('abs', [x!.cloneDeep()]))), num(2)),
    max: (args) => maxMin(args, 1),
    min: (args) => maxMin(args, -1),
  } satisfies Record<string, (args: MathNode[]) => MathNode>),
);

/** Rewrites functions that appear in mathjs's derivatives into whitelisted ones. */
const afterDerivative: Record<string, (x: MathNode) => MathNode> = {
  sec: (x) => div(num(1), call('cos', [x])),
  csc: (x) => div(num(1), call('sin', [x])),
  cot: (x) => div(call('cos', [x]), call('sin', [x])),
  sech: (x) => div(num(1), call('cosh', [x])),
  csch: (x) => div(num(1), call('sinh', [x])),
  coth: (x) => div(call('cosh', [x]), call('sinh', [x])),
};

function functionName(n: Node): string {
  const fn = n.fn as Node;
  return fn.type === 'SymbolNode' ? (fn.name as string) : '';
}

function rewrite(tree: MathNode, table: Rewrites): MathNode {
  return tree.transform((node) => {
    if (node.type !== 'FunctionNode') return node;
    const n = node as Node;
    const r = table.get(functionName(n));
    return r ? rewrite(r(n.args as MathNode[]), table) : node;
  });
}

const afterTable: Rewrites = new Map(
  Object.entries(afterDerivative).map(([k, f]) => [k, (args: MathNode[]) => f(args[0]!)]),
);

/** Arithmetic operators: the part of the data whitelist that has derivatives (no comparisons or logic). */
const smoothOperators = new Set(['+', '-', '*', '/', '^', '.^', '.*', './']);
const compilableFunctions = new Set(allowedFunctionNames);
const constants = new Set(['pi', 'e', 'tau']);

/** The whitelist check again, on a tree mathjs built (it is not text, so it is walked, not re-parsed). */
function assertCompilable(tree: MathNode, what: string): void {
  tree.traverse((node, path, parent) => {
    const n = node as Node;
    switch (node.type) {
      case 'ConstantNode':
        if (typeof n.value !== 'number') throw new ExpressionError(`${what}: non-numeric constant`);
        return;
      case 'SymbolNode': {
        const name = n.name as string;
        const isFunctionName = parent?.type === 'FunctionNode' && path === 'fn';
        if (!isFunctionName && !vars.includes(name) && !constants.has(name))
          throw new ExpressionError(`${what}: unknown symbol '${name}'`);
        return;
      }
      case 'ParenthesisNode':
        return;
      case 'OperatorNode': {
        const arity = (n.args as MathNode[]).length;
        const ok = arity === 1 ? n.op === '-' || n.op === '+' : smoothOperators.has(n.op as string);
        if (!ok) throw new ExpressionError(`${what}: operator '${String(n.op)}' is not available`);
        return;
      }
      case 'FunctionNode':
        if (!compilableFunctions.has(functionName(n)))
          throw new ExpressionError(
            `${what} needs the function '${functionName(n)}', which is not available`,
          );
        return;
      default:
        throw new ExpressionError(`${what}: '${node.type}' is not available`);
    }
  });
}

/** Functions that are whitelisted for data targets but have no useful derivative. */
const notDifferentiable = new Set(['floor', 'ceil', 'round', 'sign', 'atan2', 'mod']);

/** Comparisons, logic, conditionals and step functions pass the data whitelist but have no derivative. */
function assertDifferentiable(tree: MathNode): void {
  tree.traverse((node) => {
    const n = node as Node;
    if (node.type === 'ConditionalNode')
      throw new ExpressionError(
        'conditionals (c ? x : y) cannot be differentiated; use abs, max, min or relu',
      );
    if (node.type === 'OperatorNode') {
      const arity = (n.args as MathNode[]).length;
      const ok = arity === 1 ? n.op === '-' || n.op === '+' : smoothOperators.has(n.op as string);
      if (!ok)
        throw new ExpressionError(`operator '${String(n.op)}' has no derivative; use a smooth formula`);
    }
    if (node.type === 'FunctionNode' && notDifferentiable.has(functionName(n)))
      throw new ExpressionError(`'${functionName(n)}' has no derivative; use differentiable functions`);
  });
}

const isConst = (n: MathNode, v?: number): boolean =>
  n.type === 'ConstantNode' && (v === undefined || (n as Node).value === v);
const valueOf = (n: MathNode) => (n as Node).value as number;

const foldBinary = new Map<string, (x: number, y: number) => number>([
  ['+', (x, y) => x + y],
  ['-', (x, y) => x - y],
  ['*', (x, y) => x * y],
  ['/', (x, y) => x / y],
  ['^', (x, y) => Math.pow(x, y)],
]);

/** One local simplification of a node whose children are already folded. */
function foldNode(node: MathNode): MathNode {
  const n = node as Node;
  if (node.type === 'ParenthesisNode') {
    const c = n.content as MathNode;
    return c.type === 'ConstantNode' || c.type === 'SymbolNode' || c.type === 'ParenthesisNode' ? c : node;
  }
  if (node.type !== 'OperatorNode') return node;
  const args = n.args as MathNode[];
  const o = n.op as string;
  if (args.length === 1) {
    const x = args[0]!;
    if (o === '+') return x;
    if (o === '-' && isConst(x)) return num(-valueOf(x));
    if (
      o === '-' &&
      x.type === 'OperatorNode' &&
      (x as Node).op === '-' &&
      ((x as Node).args as MathNode[]).length === 1
    )
      return ((x as Node).args as MathNode[])[0]!;
    return node;
  }
  const [x, y] = args as [MathNode, MathNode];
  const f = foldBinary.get(o);
  if (f && isConst(x) && isConst(y)) {
    const v = f(valueOf(x), valueOf(y));
    if (Number.isFinite(v)) return num(v);
  }
  switch (o) {
    case '+':
      return isConst(x, 0) ? y : isConst(y, 0) ? x : node;
    case '-':
      return isConst(y, 0) ? x : isConst(x, 0) ? neg(y) : node;
    case '*':
      if (isConst(x, 0) || isConst(y, 0)) return num(0);
      return isConst(x, 1) ? y : isConst(y, 1) ? x : node;
    case '/':
      return isConst(x, 0) ? num(0) : isConst(y, 1) ? x : node;
    case '^':
      return isConst(y, 1) ? x : isConst(y, 0) ? num(1) : node;
    default:
      return node;
  }
}

/**
 * Bottom-up constant folding and the identities x+0, x*1, 0*x, x^1. mathjs's own `simplify` does far
 * more but takes seconds on Ackley's second derivatives; this keeps derivative trees small in
 * milliseconds.
 */
function fold(tree: MathNode): MathNode {
  return foldNode(tree.map((child) => fold(child)));
}

function d(tree: MathNode, v: string, what: string): MathNode {
  assertDerivativeBudget(tree, what);
  try {
    return fold(derivative(tree, v, { simplify: false }));
  } catch (e) {
    const msg = (e as Error).message;
    const fn = /function "([^"]+)"/.exec(msg)?.[1];
    if (fn) throw new ExpressionError(`'${fn}' has no derivative here; use differentiable functions`);
    if (/ConditionalNode/.test(msg))
      throw new ExpressionError(
        'conditionals (c ? x : y) cannot be differentiated; use abs, max, min or relu',
      );
    throw new ExpressionError(`cannot differentiate (${what}): ${msg}`);
  }
}

/** Derivatives longer than this are not printed: mathjs's toString takes about a second per 200k nodes. */
const MAX_TEXT_NODES = 5_000;

function compiled(tree: MathNode, what: string): { fn: Compiled; text: string } {
  const clean = rewrite(tree, afterTable);
  assertCompilable(clean, what);
  let size = 0;
  clean.traverse(() => size++);
  const text = size <= MAX_TEXT_NODES ? clean.toString() : `(${size} terms, too long to show)`;
  return { fn: compileNode(clean, vars), text };
}

/**
 * Parse, whitelist, differentiate twice and compile; throws ExpressionError with a readable message.
 * Bounded (derivativeBudget.ts): sizes are checked before each step, time between them.
 */
export function differentiateSurface(text: string): SurfaceDerivatives {
  warmDerivative(); // mathjs's one-time set-up is not the formula's cost
  const clock = deadline();
  const tree = parseExpression(text, vars);
  assertRewriteBudget(tree);
  const smooth = rewrite(tree, beforeDerivative);
  assertDifferentiable(smooth);
  const ga = d(smooth, 'a', '∂f/∂a');
  const gb = d(smooth, 'b', '∂f/∂b');
  clock.check('the first derivatives');
  const haa = d(ga, 'a', '∂²f/∂a²');
  clock.check('∂²f/∂a²');
  const hab = d(ga, 'b', '∂²f/∂a∂b');
  clock.check('∂²f/∂a∂b');
  const hbb = d(gb, 'b', '∂²f/∂b²');
  clock.check('the second derivatives');
  const fa = compiled(ga, '∂f/∂a');
  const fb = compiled(gb, '∂f/∂b');
  const faa = compiled(haa, '∂²f/∂a²');
  const fab = compiled(hab, '∂²f/∂a∂b');
  const fbb = compiled(hbb, '∂²f/∂b²');
  clock.check('compiling the derivatives');
  return {
    f: compileNode(tree, vars),
    fa: fa.fn,
    fb: fb.fn,
    faa: faa.fn,
    fab: fab.fn,
    fbb: fbb.fn,
    text: { fa: fa.text, fb: fb.text, faa: faa.text, fab: fab.text, fbb: fbb.text },
  };
}
