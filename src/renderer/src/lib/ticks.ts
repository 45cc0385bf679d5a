/**
 * "Nice" axis ticks: values that are multiples of 1, 2 or 5 × 10^k, at most `maxCount` of them inside the
 * range, and ONE number format for the whole axis (never 1e-4 beside 0.00100). Log axes get whole decades
 * (every n-th decade when there are many; 1-2-5 steps inside a decade when the range is narrower). Every
 * plot axis and colour bar takes its ticks from here, so they read alike.
 */

export interface Tick {
  readonly value: number;
  readonly label: string;
}

const MANTISSAS = [1, 2, 5] as const;

/**
 * The smallest 1-2-5 step giving at most maxCount ticks in [lo, hi] (at least two ticks when the bound
 * allows only one: then the next smaller step).
 */
export function niceStep(lo: number, hi: number, maxCount = 6): number {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return 0;
  const n = Math.max(2, Math.floor(maxCount));
  // Start one decade below the step that would give n intervals and walk up the 1-2-5 ladder.
  let e = Math.floor(Math.log10(span / n)) - 1;
  let previous = 0;
  for (;;) {
    for (const m of MANTISSAS) {
      const step = m * 10 ** e;
      const count = countIn(lo, hi, step);
      // A single tick says nothing about scale: then take the step before (one or two ticks over).
      if (count <= n) return count >= 2 || previous === 0 ? step : previous;
      previous = step;
    }
    e++;
  }
}

function countIn(lo: number, hi: number, step: number): number {
  return Math.floor(hi / step + 1e-9) - Math.ceil(lo / step - 1e-9) + 1;
}

/** Multiples of `step` inside [lo, hi] (ends included within rounding), as exact-as-possible values. */
function multiples(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  const k0 = Math.ceil(lo / step - 1e-9);
  const k1 = Math.floor(hi / step + 1e-9);
  // Rounding k * step to the step's own precision turns 0.30000000000000004 into 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let k = k0; k <= k1; k++) {
    const v = k * step;
    out.push(digits <= 20 ? Number(v.toFixed(Math.min(20, digits))) : v);
  }
  return out.map((v) => (Object.is(v, -0) ? 0 : v));
}

/** Linear nice ticks inside [lo, hi], labelled in one format. */
export function niceTicks(lo: number, hi: number, maxCount = 6): Tick[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) return [{ value: lo, label: formatTicks([lo])[0]! }];
  const step = niceStep(lo, hi, maxCount);
  const values = multiples(lo, hi, step);
  const labels = formatTicks(values, step);
  return values.map((value, i) => ({ value, label: labels[i]! }));
}

/**
 * Ticks of a log axis over the positive range [lo, hi] (values, not exponents): decades 10^k, every
 * n-th one when more than maxCount fit; with fewer than two decades inside, 1-2-5 multiples of each decade;
 * with fewer than two of those, linear nice ticks.
 */
export function logTicks(lo: number, hi: number, maxCount = 6): Tick[] {
  if (!(lo > 0) || !(hi > 0) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi < lo) [lo, hi] = [hi, lo];
  const e0 = Math.ceil(Math.log10(lo) - 1e-9);
  const e1 = Math.floor(Math.log10(hi) + 1e-9);
  let values: number[] = [];
  if (e1 - e0 + 1 >= 2) {
    const every = Math.ceil((e1 - e0 + 1) / Math.max(2, maxCount));
    for (let e = Math.ceil(e0 / every) * every; e <= e1; e += every) values.push(Number(`1e${e}`));
    if (values.length < 2) values = [Number(`1e${e0}`), Number(`1e${e1}`)];
  } else {
    for (let e = e0 - 1; e <= e1; e++)
      for (const m of MANTISSAS) {
        const v = Number(`${m}e${e}`);
        if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) values.push(v);
      }
    if (values.length > maxCount) values = values.filter((v) => /^1(e|$)/.test(v.toExponential(0)));
    if (values.length < 2) return niceTicks(lo, hi, maxCount);
  }
  const labels = formatTicks(values);
  return values.map((value, i) => ({ value, label: labels[i]! }));
}

/**
 * Ticks for a value displayed on a log10 scale, placed at the exponent (t = log10 value): the colour bar
 * and the log-scale 3-D axis work in exponents, the labels show the loss.
 */
export function logTicksInExponent(loExp: number, hiExp: number, maxCount = 6): Tick[] {
  return logTicks(10 ** loExp, 10 ** hiExp, maxCount).map((tk) => ({
    value: Math.log10(tk.value),
    label: tk.label,
  }));
}

/**
 * One format for all of an axis's values: plain decimals when every nonzero value is between 1e-4 and
 * 1e5 in size, otherwise a×10^k written `aek` for every nonzero value. With a `step` (a linear axis)
 * every label has the same digits after the point (`0.0, 0.5, 1.0`; `1.0e-4, 1.5e-4`); without one
 * (log decades) each value is written shortest (`0.001, 0.01, 0.1, 1`; `1e-6, 1e-3, 1`).
 */
export function formatTicks(values: readonly number[], step?: number): string[] {
  const nonzero = values.filter((v) => v !== 0 && Number.isFinite(v)).map(Math.abs);
  if (nonzero.length === 0) return values.map((v) => (Number.isFinite(v) ? '0' : '—'));
  const maxAbs = Math.max(...nonzero);
  const minAbs = Math.min(...nonzero);
  const plain = maxAbs < 1e5 && minAbs >= 1e-4 && (step === undefined || step >= 1e-4);
  if (plain) {
    const uniform = step === undefined ? null : Math.max(decimalsOf(step), ...values.map(decimalsOf));
    return values.map((v) => (Number.isFinite(v) ? fixed(v, Math.min(uniform ?? decimalsOf(v), 12)) : '—'));
  }
  const uniform = step === undefined ? null : Math.max(0, ...values.map(mantissaDecimalsOf));
  return values.map((v) => {
    if (!Number.isFinite(v)) return '—';
    if (v === 0) return '0';
    return v.toExponential(Math.min(uniform ?? mantissaDecimalsOf(v), 6)).replace('e+', 'e');
  });
}

function fixed(v: number, decimals: number): string {
  const s = v.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** Decimal places a value needs (up to 12), read from its shortest round-trip form. */
function decimalsOf(v: number): number {
  if (!Number.isFinite(v) || v === 0) return 0;
  const s = Number(v.toPrecision(12)).toString();
  const m = /e-(\d+)$/.exec(s);
  if (m) {
    const mant = s.split('e')[0]!;
    return Number(m[1]) + (mant.split('.')[1]?.length ?? 0);
  }
  return s.split('.')[1]?.length ?? 0;
}

function mantissaDecimalsOf(v: number): number {
  if (!Number.isFinite(v) || v === 0) return 0;
  const mant = Number(v.toExponential(10).split('e')[0]).toString();
  return mant.split('.')[1]?.length ?? 0;
}
