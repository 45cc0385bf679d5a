/**
 * Run colours: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), chosen to stay
 * distinguishable with the common forms of colour blindness and on light and dark backgrounds. Ordered so
 * that the first runs differ most (vermillion, blue, bluish green, reddish purple, orange, sky blue);
 * Okabe–Ito's black is replaced by grey, which reads on the dark theme too.
 */
export const RUN_PALETTE = [
  '#d55e00',
  '#0072b2',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#f0e442',
  '#999999',
] as const;

export function nextRunColor(used: readonly (string | undefined)[]): string {
  return RUN_PALETTE.find((c) => !used.includes(c)) ?? RUN_PALETTE[used.length % RUN_PALETTE.length]!;
}

export function runColor(run: { color?: string }, index: number): string {
  return run.color ?? RUN_PALETTE[index % RUN_PALETTE.length]!;
}
