/** Default run colours: distinct on light and dark backgrounds and away from the colour maps' hues. */
export const RUN_PALETTE = [
  '#e4572e',
  '#17a37a',
  '#3b6fd8',
  '#c43bb4',
  '#d9a400',
  '#00a3c4',
  '#8a5a2b',
  '#6b6b6b',
] as const;

export function nextRunColor(used: readonly (string | undefined)[]): string {
  return RUN_PALETTE.find((c) => !used.includes(c)) ?? RUN_PALETTE[used.length % RUN_PALETTE.length]!;
}

export function runColor(run: { color?: string }, index: number): string {
  return run.color ?? RUN_PALETTE[index % RUN_PALETTE.length]!;
}
