/** Colours canvases need (three.js, uPlot, 2-D canvas) per theme; CSS uses the same values as variables. */
export interface ThemeColors {
  readonly plotBg: string;
  readonly sceneBg: string;
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly target: string;
}

export const THEME_COLORS: Record<'light' | 'dark', ThemeColors> = {
  light: {
    plotBg: '#ffffff',
    sceneBg: '#f3f5f9',
    text: '#1d2330',
    muted: '#6a7385',
    grid: '#e3e7ee',
    target: '#1d2330',
  },
  dark: {
    plotBg: '#171b24',
    sceneBg: '#10131a',
    text: '#e6e9f0',
    muted: '#8f98aa',
    grid: '#2a3040',
    target: '#f2f4f8',
  },
};
