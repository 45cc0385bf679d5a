/** Tabs beside the loss curves: Hessian spectrum, census histogram, NEB barrier profile. */
import { useTranslation } from 'react-i18next';
import { useApp, useView } from '../../state/AppContext';
import type { AnalysisTab } from '../../state/viewStore';
import { ExportPngButton } from '../common/ExportPngButton';
import { BarrierProfile } from './BarrierProfile';
import { CensusHistogram } from './CensusHistogram';
import { HessianSpectrum } from './HessianSpectrum';

const TABS: readonly AnalysisTab[] = ['hessian', 'census', 'neb'];

export function AnalysisTabs() {
  const { t } = useTranslation();
  const { view } = useApp();
  const tab = useView((s) => s.analysisTab);
  return (
    <section className="panel analysis-panel" aria-label={t('analysis.title')}>
      <header className="panel-head">
        <div role="tablist" className="tabs" aria-label={t('analysis.title')}>
          {TABS.map((k) => (
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
        ) : (
          <BarrierProfile />
        )}
      </div>
    </section>
  );
}
