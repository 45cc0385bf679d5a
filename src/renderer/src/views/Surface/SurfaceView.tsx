/** The loss surface panel: toolbar, the 3-D scene or the top-down map, legend and readout. */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { colorTable } from '../../lib/colorMaps';
import { bilinear } from '../../lib/gridSample';
import { planeAxisNames, PROVISIONAL_PLANE } from '../../lib/planeAxes';
import { THEME_COLORS } from '../../lib/themeColors';
import { useApp, useResults, useView } from '../../state/AppContext';
import { canvasPng, registerExport, type ExportDecor } from '../common/exportRegistry';
import { useStale } from '../common/useStale';
import { ColorLegend } from './ColorLegend';
import { PointReadout } from './PointReadout';
import { SurfaceScene } from './surfaceScene';
import { SurfaceToolbar } from './SurfaceToolbar';
import { TopDownView } from './TopDownView';
import { useSliceDerived } from './useSliceDerived';
import { useSurfaceDecor } from './useSurfaceDecor';

export function SurfaceView() {
  const { t } = useTranslation();
  const { view } = useApp();
  const mode = useView((s) => s.surfaceMode);
  const derived = useSliceDerived();
  // A slice with no finite loss at all (a diverged region) has no colour scale: say so, never "0 .. 1".
  const finite = useMemo(() => !derived || derived.slice.loss.some(Number.isFinite), [derived]);
  const progress = useResults((s) => s.progress);
  const stale = useStale();
  const hasRuns = useResults((s) => s.runs.length > 0);
  return (
    <section className="panel surface-panel" aria-label={t('surface.title')}>
      <SurfaceToolbar />
      <div className="surface-body">
        {mode === '3d' ? <Scene3d /> : <TopDownView />}
        {derived && finite ? <ColorLegend mapping={derived.mapping} /> : null}
        {derived && !finite && derived.slice.rowsDone === derived.slice.beta.length ? (
          <div className="updating" role="status" data-testid="no-finite">
            {t('surface.noFinite')}
          </div>
        ) : null}
        {!derived ? (
          <div className="surface-empty">
            {progress
              ? progress.label === 'train'
                ? t('surface.training')
                : t('surface.computing')
              : hasRuns
                ? t('surface.noSlice')
                : t('surface.empty')}
          </div>
        ) : null}
        <PointReadout />
        {derived && stale.slice ? (
          <div className="updating stale-note" role="status" data-testid="slice-stale">
            {t('surface.stale')}
          </div>
        ) : derived && (progress || derived.slice.source === PROVISIONAL_PLANE) ? (
          <div className="updating" role="status">
            {derived.slice.source === PROVISIONAL_PLANE ? t('surface.provisional') : t('surface.updating')}
          </div>
        ) : null}
      </div>
      <footer className="key surface-key">{t('surface.offPlaneNote')}</footer>
      <button
        type="button"
        className="sr-only"
        onClick={() => view.set({ surfaceMode: mode === '3d' ? 'top' : '3d' })}
      >
        {t('surface.toggleMode')}
      </button>
    </section>
  );
}

function Scene3d() {
  const { t } = useTranslation();
  const { view } = useApp();
  const host = useRef<HTMLDivElement>(null);
  const sceneRef = useRef<SurfaceScene | null>(null);
  const derived = useSliceDerived();
  const colorMap = useView((s) => s.colorMap);
  const wireframe = useView((s) => s.wireframe);
  const contours = useView((s) => s.contours);
  const arrows = useView((s) => s.arrows);
  const theme = useView((s) => s.theme);
  const step = useView((s) => s.step);
  const hover = useView((s) => s.hover);
  const pinned = useView((s) => s.pinned);
  const selected = useView((s) => s.selectedCritical);
  const colors = THEME_COLORS[theme];
  // The exported PNG carries the colour bar (in the room kept free at the right) and the runs' key.
  const decorRef = useRef<ExportDecor | undefined>(undefined);
  decorRef.current = useSurfaceDecor(derived, colors.text);

  useEffect(() => {
    const scene = new SurfaceScene(host.current!, {
      onHover: (p) => view.set({ hover: p }),
      onClick: (p) => view.set({ pinned: p }),
      onPickCritical: (i) => view.set({ selectedCritical: i, analysisTab: 'hessian' }),
    });
    sceneRef.current = scene;
    const unregister = registerExport('surface', () =>
      canvasPng(scene.snapshot(), THEME_COLORS[view.get().theme].sceneBg, decorRef.current),
    );
    return () => {
      unregister();
      scene.dispose();
      sceneRef.current = null;
    };
  }, [view]);

  useEffect(() => sceneRef.current?.setBackground(colors.sceneBg, theme === 'dark'), [colors.sceneBg, theme]);

  useEffect(() => {
    const s = sceneRef.current;
    if (!s) return;
    if (!derived) return s.clearSurface();
    const { slice, mapping } = derived;
    s.lossAxisLabels = [t('surface.axisLoss'), t('surface.axisLogLoss')];
    s.setSurface(
      slice.alpha,
      slice.beta,
      slice.loss,
      mapping,
      colorTable(colorMap),
      slice.plateau,
      wireframe,
      planeAxisNames(slice.source),
    );
  }, [derived?.slice, derived?.mapping, colorMap, wireframe, t]);

  useEffect(() => {
    sceneRef.current?.setContours(contours && derived ? derived.contours : [], theme === 'dark');
  }, [derived?.contours, contours, theme, derived?.mapping]);

  useEffect(() => {
    const s = sceneRef.current;
    if (!s) return;
    s.setPaths(derived?.paths ?? [], colors.sceneBg, arrows);
    s.setStep(view.get().step);
  }, [derived?.paths, derived?.mapping, arrows, colors.sceneBg, view]);

  useEffect(() => sceneRef.current?.setStep(step), [step, derived?.paths]);

  useEffect(() => {
    sceneRef.current?.setCritical(derived?.slice.critical ?? [], selected);
  }, [derived?.slice, derived?.mapping, selected]);

  const band = useResults((s) => s.barrier?.onPlane ?? null);
  useEffect(() => sceneRef.current?.setBand(band), [band, derived?.mapping]);

  useEffect(() => {
    if (!derived) return;
    const grid = { alpha: derived.slice.alpha, beta: derived.slice.beta, values: derived.slice.loss };
    sceneRef.current?.setPointers(hover, pinned, (p) => bilinear(grid, p.alpha, p.beta));
  }, [hover, pinned, derived]);

  return (
    <div
      ref={host}
      className="surface-host"
      data-testid="surface-3d"
      aria-label={t('surface.canvasLabel')}
      onDoubleClick={() => sceneRef.current?.resetCamera()}
    />
  );
}
