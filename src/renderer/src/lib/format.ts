/**
 * Number formatting shared by legends, readouts and tooltips. A value that is not finite is shown as
 * what it is (∞, −∞, NaN), never as 0 or a blank: a diverged loss must read as diverged.
 */
export function formatNonFinite(v: number): string {
  return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '−∞';
}

export function formatLoss(v: number): string {
  if (!Number.isFinite(v)) return formatNonFinite(v);
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 1e4 || a < 1e-3)
    return v
      .toExponential(1)
      .replace('e+', 'e')
      .replace(/^(-?\d)\.0e/, '$1e');
  if (a >= 100) return v.toFixed(0);
  return v.toPrecision(3);
}

export function formatNumber(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return formatNonFinite(v);
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(digits - 1);
  return Number(v.toPrecision(digits)).toString();
}
