/**
 * View-only state: how things are shown. What decides the picture (plane, window, resolution) is the
 * document's `landscape` section instead, so a saved file redraws the same slice.
 */
import { viewSchema } from '../../../core/experiment/viewSchema';
import { createStore, type Store } from './createStore';

const VIEW_DEFAULTS = viewSchema.parse({});

export type SurfaceMode = '3d' | 'top';
export type CurveAxis = 'step' | 'evals' | 'time';
export type AnalysisTab = 'hessian' | 'census' | 'neb' | 'basins';

export interface PlanePoint {
  readonly alpha: number;
  readonly beta: number;
}

export interface ViewState {
  readonly theme: 'light' | 'dark';
  readonly surfaceMode: SurfaceMode;
  readonly colorMap: string;
  readonly logScale: boolean;
  readonly wireframe: boolean;
  readonly contours: boolean;
  readonly arrows: boolean;
  /** Recompute automatically after each valid edit. */
  readonly autoRun: boolean;
  /** Point of the plane under the cursor (null when the cursor is off the surface). */
  readonly hover: PlanePoint | null;
  /** A clicked point, kept until cleared. */
  readonly pinned: PlanePoint | null;
  /** Scrubbed step (shared by all runs); null follows the latest step. */
  readonly step: number | null;
  readonly playing: boolean;
  /** Steps per second of playback. */
  readonly speed: number;
  readonly curveAxis: CurveAxis;
  readonly curveLog: boolean;
  readonly showUnits: boolean;
  readonly showKinks: boolean;
  readonly hiddenRuns: readonly string[];
  readonly selectedCritical: number | null;
  /** Label of the full-space analysed point shown in the Hessian tab (init or a run). */
  readonly selectedPoint: string | null;
  readonly analysisTab: AnalysisTab;
  readonly showShortcuts: boolean;
}

export type ViewStore = Store<ViewState>;

export function createViewStore(): ViewStore {
  const prefersDark =
    typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches;
  return createStore<ViewState>({
    theme: prefersDark ? 'dark' : 'light',
    // The shown-in-the-file choices start at the experiment schema's `view` defaults (one source of truth).
    surfaceMode: VIEW_DEFAULTS.surface,
    colorMap: VIEW_DEFAULTS.colorMap,
    logScale: VIEW_DEFAULTS.logScale,
    wireframe: false,
    contours: VIEW_DEFAULTS.contours,
    arrows: false,
    autoRun: true,
    hover: null,
    pinned: null,
    step: null,
    playing: false,
    speed: 1,
    curveAxis: 'step',
    curveLog: true,
    showUnits: false,
    showKinks: true,
    hiddenRuns: [],
    selectedCritical: null,
    selectedPoint: null,
    analysisTab: 'hessian',
    showShortcuts: false,
  });
}
