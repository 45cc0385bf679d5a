/** Number formatting shared by legends, readouts and tooltips. */
export function formatLoss(v: number): string {
  if (!Number.isFinite(v)) return '—';
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
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(digits - 1);
  return Number(v.toPrecision(digits)).toString();
}
