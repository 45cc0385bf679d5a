/** Tabs beside the loss curves: Hessian spectrum, census histogram, NEB barrier profile, basin map (surfaces). */
import { useTranslation } from 'react-i18next';
import { useApp, useDoc, useView } from '../../state/AppContext';
import type { AnalysisTab } from '../../state/viewStore';
import { ExportPngButton } from '../common/ExportPngButton';
import { BarrierProfile } from './BarrierProfile';
import { BasinMap } from './BasinMap';
import { CensusHistogram } from './CensusHistogram';
import { HessianSpectrum } from './HessianSpectrum';

const TABS: readonly AnalysisTab[] = ['hessian', 'census', 'neb'];
/** Basin maps need a surface (two parameters to grid over). */
const SURFACE_TABS: readonly AnalysisTab[] = [...TABS, 'basins'];

export function AnalysisTabs() {
  const { t } = useTranslation();
  const { view } = useApp();
  const surface = useDoc((s) => s.draft.model.kind === 'surface');
  const shown = useView((s) => s.analysisTab);
  const tab = shown === 'basins' && !surface ? 'hessian' : shown;
  return (
    <section className="panel analysis-panel" aria-label={t('analysis.title')}>
      <header className="panel-head">
        <div role="tablist" className="tabs" aria-label={t('analysis.title')}>
          {(surface ? SURFACE_TABS : TABS).map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              className={tab === k ? 'on' : ''}
              title={t(`analysis.${k}Help`)}
              data-testid={`tab-${k}`}
              onClick={() => view.set({ analysisTab: k })}
            >
              {t(`analysis.${k}`)}
            </button>
          ))}
        </div>
        <div className="toolbar">
          <ExportPngButton name={tab} />
        </div>
      </header>
      <div role="tabpanel" className="tab-body">
        {tab === 'hessian' ? (
          <HessianSpectrum />
        ) : tab === 'census' ? (
          <CensusHistogram />
        ) : tab === 'basins' ? (
          <BasinMap />
        ) : (
          <BarrierProfile />
        )}
      </div>
    </section>
  );
}
