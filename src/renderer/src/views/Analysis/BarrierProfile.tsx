/**
 * The barrier tab: the loss along the minimum-energy path (nudged elastic band with a climbing image)
 * between the first two runs' end points, against the straight line between them.
 */
import { useTranslation } from 'react-i18next';
import { formatLoss } from '../../lib/format';
import { useApp, useResults } from '../../state/AppContext';
import { LineChart } from '../common/LineChart';

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
        <>
          <LineChart
            x={barrier.s}
            series={[
              { y: barrier.loss, color: '#c43bb4', label: t('neb.band') },
              ...(barrier.straight
                ? [{ y: barrier.straight, color: '#8f98aa', dash: [5, 4], label: t('neb.straight') }]
                : []),
            ]}
            label={t('neb.label')}
            xLabel={t('neb.axis')}
            exportName="neb"
          />
          <div className="key">
            <span className="key-item">
              <i className="swatch" style={{ background: '#c43bb4' }} /> {t('neb.band')}
            </span>
            {barrier.straight ? (
              <span className="key-item">
                <i className="swatch" style={{ background: '#8f98aa' }} /> {t('neb.straight')}
              </span>
            ) : null}
          </div>
        </>
      ) : (
        <p className="muted">{t('neb.empty')}</p>
      )}
    </div>
  );
}
