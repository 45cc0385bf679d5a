/**
 * The main window: experiment panel | surface over loss curves | function over analysis tabs, with
 * draggable dividers, the top bar, keyboard shortcuts and automatic recomputation after valid edits.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlatformBridge } from './io/usePlatformBridge';
import { LessonsHost } from './lessons/LessonsHost';
import { useApp, useView } from './state/AppContext';
import { AnalysisTabs } from './views/Analysis/AnalysisTabs';
import { ExperimentPanel } from './views/Experiment/ExperimentPanel';
import { FunctionView } from './views/Function/FunctionView';
import { ShortcutsDialog } from './views/Layout/ShortcutsDialog';
import { handleShortcut } from './views/Layout/shortcuts';
import { Splitter } from './views/Layout/Splitter';
import { LossCurvesView } from './views/LossCurves/LossCurvesView';
import { SurfaceView } from './views/Surface/SurfaceView';
import { TopBar } from './views/TopBar/TopBar';

/** Debounce between the last valid edit and the automatic recomputation. */
const AUTO_RUN_MS = 700;

function useAutoRun(): void {
  const stores = useApp();
  useEffect(() => {
    let timer = 0;
    let lastRevision = stores.doc.get().revision;
    const unsub = stores.doc.subscribe(() => {
      const d = stores.doc.get();
      if (d.revision === lastRevision) return;
      lastRevision = d.revision;
      clearTimeout(timer);
      // An edit may fix what a banner complained about: clear it (a recompute shows it again if not).
      if (stores.results.get().error) stores.results.set({ error: null });
      if (!d.experiment || !stores.view.get().autoRun) return;
      // Skipped when Run was pressed meanwhile (the results already belong to this revision).
      timer = window.setTimeout(() => {
        if (stores.results.get().revision !== stores.doc.get().revision) stores.runner.run();
      }, AUTO_RUN_MS);
    });
    // Switching Auto on recomputes what the edits made while it was off left stale.
    let auto = stores.view.get().autoRun;
    const unsubView = stores.view.subscribe(() => {
      const now = stores.view.get().autoRun;
      if (now === auto) return;
      auto = now;
      const d = stores.doc.get();
      if (now && d.experiment && stores.results.get().revision !== d.revision) stores.runner.run();
    });
    return () => {
      clearTimeout(timer);
      unsub();
      unsubView();
    };
  }, [stores]);
}

export function App() {
  const { t } = useTranslation();
  const stores = useApp();
  const theme = useView((s) => s.theme);
  // Start proportionate to the window (1024 x 640 and up), then the dividers decide.
  const [left, setLeft] = useState(() => Math.round(Math.min(340, Math.max(250, 0.23 * window.innerWidth))));
  const [right, setRight] = useState(() =>
    Math.round(Math.min(560, Math.max(280, 0.27 * window.innerWidth))),
  );
  const [bottom, setBottom] = useState(() =>
    Math.round(Math.min(380, Math.max(200, 0.36 * window.innerHeight))),
  );
  useAutoRun();
  const recovery = usePlatformBridge(stores);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => handleShortcut(e, stores);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stores]);
  useEffect(() => {
    stores.runner.run();
  }, [stores]);
  return (
    <div className="app" style={{ '--left-col': `${left}px` } as React.CSSProperties}>
      <TopBar />
      {recovery.offer ? (
        <div className="recovery" role="alert">
          {t('file.recovery', { name: recovery.offer.name })}
          <button type="button" className="btn primary" onClick={() => recovery.dismiss(true)}>
            {t('file.restore')}
          </button>
          <button type="button" className="btn" onClick={() => recovery.dismiss(false)}>
            {t('file.discard')}
          </button>
        </div>
      ) : null}
      <main
        className="workspace"
        style={{
          // The side columns give way (down to 220 px) when the window is narrower than the dividers
          // were set for, so a resized window never cuts the right column off.
          gridTemplateColumns: `minmax(220px, ${left}px) 6px minmax(340px, 1fr) 6px minmax(220px, ${right}px)`,
          gridTemplateRows: `minmax(220px, 1fr) 6px ${bottom}px`,
        }}
      >
        <div className="area-left">
          <ExperimentPanel />
        </div>
        <Splitter
          orientation="vertical"
          label={t('layout.leftSplit')}
          value={left}
          min={260}
          max={560}
          sign={1}
          onChange={setLeft}
        />
        <div className="area-surface">
          <SurfaceView />
        </div>
        <Splitter
          orientation="vertical"
          label={t('layout.rightSplit')}
          value={right}
          min={280}
          max={720}
          sign={-1}
          onChange={setRight}
        />
        <div className="area-function">
          <FunctionView />
        </div>
        <Splitter
          orientation="horizontal"
          label={t('layout.bottomSplit')}
          value={bottom}
          min={160}
          max={520}
          sign={-1}
          onChange={setBottom}
        />
        <div className="area-curves">
          <LossCurvesView />
        </div>
        <div className="area-analysis">
          <AnalysisTabs />
        </div>
      </main>
      <ShortcutsDialog />
      <LessonsHost />
    </div>
  );
}
