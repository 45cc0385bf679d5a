/**
 * The Hessian tab: the selected critical point of the slice (its 2-D Hessian restricted to the plane and
 * its classification) and, when the analyze job has run, the full-space spectrum of each analysed point.
 */
import { useTranslation } from 'react-i18next';
import { formatLoss, formatNumber } from '../../lib/format';
import { useApp, useResults, useView } from '../../state/AppContext';
import { BarChart } from '../common/BarChart';

const NEG = '#e4572e';
const POS = '#3b6fd8';

export function HessianSpectrum() {
  const { t } = useTranslation();
  const { view } = useApp();
  const slice = useResults((s) => s.slice);
  const analysis = useResults((s) => s.analysis);
  const selected = useView((s) => s.selectedCritical);
  const crit = slice && selected !== null ? slice.critical[selected] : null;
  const full = analysis[0] ?? null;
  return (
    <div className="analysis-body" data-testid="hessian-tab">
      {slice && slice.critical.length > 0 ? (
        <ul className="critical-list" aria-label={t('critical.list')}>
          {slice.critical.map((c, i) => (
            <li key={i}>
              <button
                type="button"
                className={i === selected ? 'on' : ''}
                title={t('critical.pickHelp')}
                data-testid={`critical-${i}`}
                onClick={() => view.set({ selectedCritical: i })}
              >
                <span className={`sym sym-${c.kind}`} aria-hidden /> {t(`critical.${c.kind}`)} ·{' '}
                {formatLoss(c.loss)}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{slice ? t('critical.none') : t('critical.noSlice')}</p>
      )}
      {crit ? (
        <div className="spectrum">
          <p className="classification" data-testid="classification">
            <strong>{t(`critical.${crit.kind}`)}</strong> · α {formatNumber(crit.alpha)} β{' '}
            {formatNumber(crit.beta)} · {t('surface.loss')} {formatLoss(crit.loss)}
            <br />
            {t('critical.eigen2d', { values: crit.eigenvalues.map((v) => formatNumber(v)).join(', ') })}{' '}
            {t('critical.negCount', { count: crit.eigenvalues.filter((v) => v < 0).length })}
          </p>
          <BarChart
            bars={crit.eigenvalues.map((v) => ({ value: v, color: v < 0 ? NEG : POS }))}
            label={t('critical.spectrumLabel')}
            exportName="hessian"
            xLabel={t('critical.eigenIndex')}
            testId="spectrum"
          />
        </div>
      ) : full ? (
        <div className="spectrum">
          <p className="classification">
            <strong>{full.label}</strong>: {full.classification} ·{' '}
            {t('critical.index', { index: full.index })} · |∇| {formatNumber(full.gradNorm)}
          </p>
          <BarChart
            bars={full.eigenvalues.map((v) => ({ value: v, color: v < 0 ? NEG : POS }))}
            label={t('critical.spectrumLabel')}
            exportName="hessian"
            xLabel={t('critical.eigenIndex')}
          />
        </div>
      ) : slice && slice.critical.length > 0 ? (
        <p className="muted">{t('critical.clickHint')}</p>
      ) : null}
    </div>
  );
}
