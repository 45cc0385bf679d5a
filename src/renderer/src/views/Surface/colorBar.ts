/** The colour bar's ticks: nice loss values (lib/ticks) at their place on the bar, t in [0, 1] upward. */
import type { SurfaceMapping } from '../../lib/surfaceMapping';
import { logTicksInExponent, niceTicks } from '../../lib/ticks';
import type { BarTick } from '../common/plotKey';

export function colorBarTicks(m: SurfaceMapping, max = 6): BarTick[] {
  const ticks = m.log ? logTicksInExponent(m.lo, m.hi, max) : niceTicks(m.lo, m.hi, max);
  return ticks.map((tk) => ({ t: (tk.value - m.lo) / (m.hi - m.lo), label: tk.label }));
}
