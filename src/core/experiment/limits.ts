/** Size limits, checked by the schema so a huge file fails with a clear message instead of running out of memory. */
export const LIMITS = {
  samples: 1_000_000,
  unitsPerLayer: 4096,
  hiddenLayers: 4,
  params: 1_000_000,
  steps: 1_000_000,
  runs: 16,
  knots: 10_000,
  inputs: 64,
  gridSide: 401,
} as const;
