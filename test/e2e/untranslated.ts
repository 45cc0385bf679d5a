/**
 * Finds English left on a page shown in Chinese: every visible text node, placeholder, title and
 * aria-label is read, and any run of Latin letters that is not a formula or code name is reported with
 * where it was found. Exempt by mechanism: elements marked translate="no" (the HTML attribute for code
 * names, formulas and the user's own data, e.g. run names) and <code>; exempt by list: the names below,
 * which stay as they are in Chinese technical writing.
 */
import type { Page } from 'playwright-core';

/** Product, format and method names, units of code and formula words that Chinese text keeps. */
export const KEPT_NAMES = [
  'Relief',
  'PNG',
  'CSV',
  'JSON',
  'CLI',
  'PCA',
  'NEB',
  'WebAssembly',
  'JavaScript',
  'ReLU',
  'Leaky',
  'SGD',
  'AdaGrad',
  'AdaDelta',
  'RMSprop',
  'Adam',
  'AdamW',
  'Adamax',
  'NAdam',
  'RAdam',
  'AMSGrad',
  'BFGS',
  'Armijo',
  'Wolfe',
  'Nesterov',
  'Hessian',
  'Newton',
  'Levenberg',
  'Marquardt',
  'Gauss',
  'Fletcher',
  'Reeves',
  'Polak',
  'Ribière',
  'Hestenes',
  'Stiefel',
  'Martens',
  'Kaiming',
  'He',
  'Xavier',
  'Glorot',
  'Logistic',
  'Rosenbrock',
  'Himmelblau',
  'Beale',
  'Booth',
  'Rastrigin',
  'Ackley',
  'Seed',
  'seed',
  'torch',
  'optim',
  'LBFGS',
  'nn',
  'Linear',
  'ELU',
  'tanh',
  'sigmoid',
  'softplus',
  'relu',
  'exp',
  'log',
  'sin',
  'cos',
  'sqrt',
  'abs',
  'max',
  'min',
  'fanIn',
  'fanOut',
  'viridis',
  'magma',
  'inferno',
  'plasma',
  'cividis',
  'turbo',
  'Ctrl',
  'Enter',
  'Esc',
  'Space',
  'Li',
  'Okabe',
  'Ito',
  'CPWL',
  'GD',
  'CG',
  'EN',
  'SIMD',
  // code names in help text: the file extension, option values and formula variables
  'relief',
  'json',
  'nesterov',
  'leakyRelu',
  'linear',
  'wx',
  // CSV column names
  'alpha',
  'beta',
  'loss',
];

export interface Leak {
  readonly text: string;
  readonly where: string;
}

// Browser globals used inside page.evaluate (this file compiles without the DOM library).
interface El {
  tagName: string;
  parentElement: El | null;
  closest(sel: string): El | null;
  getAttribute(name: string): string | null;
  getClientRects(): { length: number };
  querySelectorAll(sel: string): ArrayLike<El>;
  className: unknown;
  id: string;
}
declare const document: {
  body: El;
  createTreeWalker(
    root: El,
    what: number,
  ): { nextNode(): { textContent: string | null; parentElement: El | null } | null };
};
declare const getComputedStyle: (el: El) => { visibility: string; display: string };

/**
 * `exemptWords`: the user's own names on screen (run names), which no translation touches, and the
 * document's code names a tooltip quotes (hyperparameter keys such as `lr`, option values).
 */
export async function untranslated(page: Page, exemptWords: readonly string[] = []): Promise<Leak[]> {
  const kept = [...KEPT_NAMES, ...exemptWords.flatMap((w) => w.match(/[A-Za-zÀ-ÿ]+/g) ?? [])];
  return page.evaluate((keptNames) => {
    const keep = new Set(keptNames);
    const out: { text: string; where: string }[] = [];
    const describe = (el: El | null): string => {
      const parts: string[] = [];
      for (let e = el; e && parts.length < 3; e = e.parentElement) {
        const tid = e.getAttribute('data-testid');
        const cls = typeof e.className === 'string' && e.className ? `.${e.className.split(' ')[0]}` : '';
        parts.push(`${e.tagName.toLowerCase()}${tid ? `[${tid}]` : ''}${cls}`);
      }
      return parts.join(' < ');
    };
    const exempt = (el: El | null) => !!el?.closest('[translate="no"], code, script, style, .sr-only');
    const visible = (el: El | null) => {
      if (!el || el.getClientRects().length === 0) return false;
      const s = getComputedStyle(el);
      return s.visibility !== 'hidden' && s.display !== 'none';
    };
    const check = (text: string, el: El | null, kind: string) => {
      // Words of two or more Latin letters (one letter is a variable: x, α's ASCII cousins, e in 1e-4).
      const words = text.match(/[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ]+/g) ?? [];
      const bad = words.filter((w) => !keep.has(w));
      if (bad.length > 0) out.push({ text: text.trim().slice(0, 120), where: `${kind} ${describe(el)}` });
    };
    const walker = document.createTreeWalker(document.body, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent ?? '';
      // A closed <select>'s options are not rendered but are read as soon as it opens.
      if (!text.trim() || exempt(el) || !(visible(el) || el?.closest('select'))) continue;
      check(text, el, 'text');
    }
    const all = document.body.querySelectorAll('*');
    for (let i = 0; i < all.length; i++) {
      const el = all[i]!;
      if (exempt(el)) continue;
      for (const attr of ['title', 'aria-label', 'placeholder']) {
        const v = el.getAttribute(attr);
        if (v) check(v, el, `@${attr}`);
      }
    }
    return out;
  }, kept);
}
