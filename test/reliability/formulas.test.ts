/**
 * Issue 17, items 2 and 3: tiny formulas whose symbolic derivatives explode are refused with the reason
 * (exit 2) instead of running for minutes or out of memory, and names of Object.prototype members are
 * unknown names, not whitelisted ones. Driven through the real CLI; the seconds to refuse are measured
 * in-process too (the CLI's own figure includes starting Node), and printed, never asserted.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../../src/core/data/expression';
import { differentiateSurface } from '../../src/core/surface/differentiate';
import { runCli } from '../cli/cliHarness';
import { blockFor, tally } from './tally';

const nest = (open: string, depth: number, inner: string) => open.repeat(depth) + inner + ')'.repeat(depth);
const chain = (op: string, n: number) => Array<string>(n).fill('a').join(op);

/** [name, surface formula in a and b, fragment of the message]: every one must be refused. */
const explosive: [string, string, string][] = [
  ['max( nested 10 deep', nest('max(a,', 10, 'b'), 'too large to differentiate'],
  ['max( nested 11 deep', nest('max(a,', 11, 'b'), 'too large to differentiate'],
  ['300 factors a*a*…*a', chain('*', 300), 'nests more than'],
  ['40 factors a*a*…*a + b', `${chain('*', 40)} + b`, 'too large to differentiate'],
  ['a^a^…^a with 500 terms', chain('^', 500), 'nests more than'],
  ['a^a^…^a with 30 terms', chain('^', 30), 'too large to differentiate'],
  ['relu( nested 200 deep', nest('relu(', 200, 'a + b'), 'brackets deep'],
  ['relu( nested 12 deep', nest('relu(', 12, 'a + b'), 'too large to differentiate'],
  ['sin( nested 60 deep', nest('sin(', 60, 'a * b'), 'too large to differentiate'],
  ['sigmoid( nested 30 deep', nest('sigmoid(', 30, 'a * b'), 'too large to differentiate'],
];

/** [name, formula, fragment]: members of Object.prototype are not whitelisted names. */
const prototypeLeaks: [string, string, string][] = [
  ['a + constructor', 'a + constructor', "unknown variable 'constructor'"],
  ['a + __proto__', 'a + __proto__', "unknown variable '__proto__'"],
  ['toString', 'a * toString', "unknown variable 'toString'"],
  ['valueOf', 'valueOf + b', "unknown variable 'valueOf'"],
  ['constructor(a)', 'constructor(a)', "function 'constructor' is not allowed"],
  ['hasOwnProperty(a)', 'hasOwnProperty(a)', "function 'hasOwnProperty' is not allowed"],
];

const surfaceDoc = (expr: string) => ({
  relief: 1,
  model: { kind: 'surface', expr, start: [0.5, 0.5] },
  runs: [{ name: 'gd', optimizer: { type: 'sgd', lr: 0.01 }, steps: 5 }],
});

const networkDoc = (expr: string) => ({
  relief: 1,
  data: { target: { expr }, train: { n: 20 } },
  model: { inputs: 1, hidden: [3] },
  runs: [{ name: 'gd', optimizer: { type: 'sgd', lr: 0.01 }, steps: 5 }],
});

describe('reliability: formulas', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'relief-formulas-'));
  const t = tally('formulas');
  let n = 0;
  const file = (doc: unknown) => {
    const path = join(dir, `case${n++}.json`);
    writeFileSync(path, JSON.stringify(doc));
    return path;
  };

  it('explosive formulas are refused with the reason, in-process and by the CLI', async () => {
    const files = explosive.map(([, expr]) => file(surfaceDoc(expr)));
    const t0 = performance.now();
    const cli = await runCli(['validate', ...files]);
    const cliSeconds = (performance.now() - t0) / 1000;
    expect(cli.code, cli.stderr).toBe(2);
    differentiateSurface('a * b'); // builds the mathjs instance once, so the figures time only the refusal
    explosive.forEach(([name, expr, msg], i) => {
      const s0 = performance.now();
      let error: unknown;
      try {
        differentiateSurface(expr);
      } catch (e) {
        error = e;
      }
      const seconds = (performance.now() - s0) / 1000;
      const block = blockFor(cli.stderr, files[i]!);
      const ok =
        error instanceof ExpressionError &&
        error.message.includes(msg) &&
        block.includes('model.expr') &&
        block.includes(msg);
      t.record(name, ok, `refused in ${seconds.toFixed(3)} s (${expr.length} characters)`);
      expect(error, name).toBeInstanceOf(ExpressionError);
      expect((error as Error).message).toContain(msg);
      expect(block, name).toContain('model.expr');
      expect(block, name).toContain(msg);
    });
    t.record(
      `one CLI validate of all ${explosive.length} files`,
      true,
      `${cliSeconds.toFixed(2)} s including Node start-up`,
    );
    expect(cli.stderr).not.toMatch(/\n\s+at /);
  });

  it('members of Object.prototype are unknown names for surfaces and targets', async () => {
    const surfaces = prototypeLeaks.map(([, expr]) => file(surfaceDoc(expr)));
    const targets = prototypeLeaks.map(([, expr]) =>
      file(networkDoc(expr.replaceAll('a', 'x').replaceAll('b', 'x'))),
    );
    const cli = await runCli(['validate', ...surfaces, ...targets]);
    expect(cli.code, cli.stderr).toBe(2);
    expect(cli.stderr).not.toContain('internal error');
    expect(cli.stderr).not.toMatch(/\n\s+at /);
    prototypeLeaks.forEach(([name, , msg], i) => {
      const surface = blockFor(cli.stderr, surfaces[i]!);
      const target = blockFor(cli.stderr, targets[i]!);
      t.record(name, surface.includes(msg) && target.includes('data.target.expr'));
      expect(surface, name).toContain(msg);
      expect(target, name).toContain('data.target.expr');
    });
  });
  it('the gallery formulas still differentiate within the budgets', async () => {
    const { gallery } = await import('../../src/core/surface/gallery');
    for (const g of gallery.values()) {
      const t0 = performance.now();
      const d = differentiateSurface(g.expr);
      const seconds = (performance.now() - t0) / 1000;
      // the derivative at the start point against a central difference (an independent truth)
      const p = [g.start[0], g.start[1]];
      const h = 1e-6;
      const fd = (d.f([p[0]! + h, p[1]!]) - d.f([p[0]! - h, p[1]!])) / (2 * h);
      t.record(`gallery ${g.name} accepted`, true, `${seconds.toFixed(3)} s`);
      expect(d.fa(p)).toBeCloseTo(fd, 4);
    }
  });
});
