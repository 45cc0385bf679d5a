/** Non-finite values are shown as what they are (∞, −∞, NaN), never as 0 or a blank. */
import { describe, expect, it } from 'vitest';
import { formatLoss, formatNumber } from '../../../src/renderer/src/lib/format';

describe('number formatting', () => {
  it('shows infinities and NaN as such, in losses and plain numbers', () => {
    expect(formatLoss(Infinity)).toBe('∞');
    expect(formatLoss(-Infinity)).toBe('−∞');
    expect(formatLoss(NaN)).toBe('NaN');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatLoss(0)).toBe('0');
  });

  it('keeps huge and tiny finite losses distinguishable from 0 and from each other', () => {
    expect(formatLoss(4.3e31)).toBe('4.3e31');
    expect(formatLoss(1.2e26)).toBe('1.2e26');
    expect(formatLoss(-2.5e-5)).toBe('-2.5e-5');
    expect(formatLoss(1e-300)).toBe('1e-300');
    expect(formatLoss(0.00274)).toBe('0.00274');
    expect(formatNumber(1.31e16)).toBe('1.31e+16');
  });
});
