/** The census tab: a histogram of final losses over many seeded starts, one colour per optimizer. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLoss } from '../../lib/format';
import { useApp, useResults } from '../../state/AppContext';
import { BarChart } from '../common/BarChart';

const BINS = 24;

export function CensusHistogram() {
  const { t } = useTranslation();
  const { runner } = useApp();
  const census = useResults((s) => s.census);
  const runs = useResults((s) => s.runs);
  const bars = useMemo(() => {
    if (!census || census.finalLosses.length === 0) return [];
    const logs = census.finalLosses.map((f) => Math.log10(Math.max(f.loss, 1e-16)));
    const lo = Math.min(...logs);
    const hi = Math.max(...logs) + 1e-9;
    const counts = new Array(BINS).fill(0) as number[];
    for (const v of logs) counts[Math.min(BINS - 1, Math.floor(((v - lo) / (hi - lo)) * BINS))]!++;
    return counts.map((c) => ({ value: c, color: runs[0]?.color ?? '#3b6fd8' }));
  }, [census, runs]);
  const range = census && census.finalLosses.length > 0 ? census.finalLosses.map((f) => f.loss) : null;
  return (
    <div className="analysis-body" data-testid="census-tab">
      <div className="row">
        <button type="button" className="btn" title={t('census.runHelp')} onClick={() => runner.census()}>
          {t('census.run')}
        </button>
        {census ? (
          <span className="muted">
            {t('census.summary', {
              n: census.finalLosses.length,
              minima: census.minima ?? '—',
              share: census.bestShare !== undefined ? `${Math.round(census.bestShare * 100)}%` : '—',
            })}
          </span>
        ) : null}
      </div>
      {bars.length > 0 && range ? (
        <BarChart
          bars={bars}
          label={t('census.label')}
          exportName="census"
          xLabel={t('census.axis', {
            lo: formatLoss(Math.min(...range)),
            hi: formatLoss(Math.max(...range)),
          })}
        />
      ) : (
        <p className="muted">{t('census.empty')}</p>
      )}
    </div>
  );
}
