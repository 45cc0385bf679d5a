/**
 * The surface's scale follows the data: log only where the loss is positive over the whole slice (a
 * saddle, a monkey saddle or the six-hump camel go negative, and a log scale would clip them flat at the
 * floor). The user's choice is kept and applies again to the next positive slice.
 */
import { useMemo } from 'react';
import { finiteRange } from '../../lib/gridSample';
import { useResults, useView } from '../../state/AppContext';

export interface SurfaceLog {
  /** What the user asked for. */
  readonly wanted: boolean;
  /** Every finite loss on the slice is > 0. */
  readonly positive: boolean;
  /** Log scale in effect. */
  readonly on: boolean;
}

export function useSurfaceLog(): SurfaceLog {
  const wanted = useView((s) => s.logScale);
  const slice = useResults((s) => s.slice);
  const positive = useMemo(() => !slice || finiteRange(slice.loss)[0] > 0, [slice]);
  return { wanted, positive, on: wanted && positive };
}
