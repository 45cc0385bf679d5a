/** The barrier tab: the loss along the minimum-energy path (nudged elastic band) between two minima. */
import { useTranslation } from 'react-i18next';
import { formatLoss } from '../../lib/format';
import { useApp, useResults } from '../../state/AppContext';
import { BarChart } from '../common/BarChart';

export function BarrierProfile() {
  const { t } = useTranslation();
  const { runner } = useApp();
  const barrier = useResults((s) => s.barrier);
  const runs = useResults((s) => s.runs);
  return (
    <div className="analysis-body" data-testid="neb-tab">
      <div className="row">
        <button
          type="button"
          className="btn"
          title={t('neb.runHelp')}
          disabled={runs.length < 2}
          onClick={() => runner.barrier()}
        >
          {t('neb.run', { a: runs[0]?.name ?? '—', b: runs[1]?.name ?? '—' })}
        </button>
        {barrier ? (
          <span className="muted">{t('neb.height', { value: formatLoss(barrier.barrier) })}</span>
        ) : null}
      </div>
      {barrier ? (
        <BarChart
          bars={barrier.loss.map((v) => ({ value: v, color: '#c43bb4' }))}
          label={t('neb.label')}
          exportName="neb"
          xLabel={t('neb.axis')}
        />
      ) : (
        <p className="muted">{t('neb.empty')}</p>
      )}
    </div>
  );
}
