/**
 * The Hessian tab. On the slice: each critical point with its 2-D Hessian (restricted to the plane) and
 * classification. In full space (analyze job): the start and every run's end with the whole spectrum,
 * classification and index. One selection at a time; the first minimum of the slice by default.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { classifySpectrum, criticalGradTol } from '../../../../core/analysis/classify';
import { formatLoss, formatNumber } from '../../lib/format';
import { planeAxisNames } from '../../lib/planeAxes';
import { useApp, useResults, useView } from '../../state/AppContext';
import type { PointAnalysis, RunTrace } from '../../state/resultsStore';
import { BarChart } from '../common/BarChart';

const NEG = '#e4572e';
const POS = '#3b6fd8';
const ZERO = '#9aa3b5';

function bars(values: readonly number[]) {
  const scale = Math.max(1e-300, ...values.map(Math.abs));
  return values.map((v) => ({ value: v, color: Math.abs(v) <= 1e-9 * scale ? ZERO : v < 0 ? NEG : POS }));
}

/**
 * What the chip may call an analysed point: "diverged at step k" for a run that diverged (its end is no
 * point of the landscape), else the classification only where the critical-point test holds (the same
 * rule as `analyze`: ‖∇L‖ ≤ 1e-6·max(1, |L|)), else "not a critical point".
 */
function pointLabel(a: PointAnalysis, runs: readonly RunTrace[], t: TFunction): string {
  const run = runs.find((r) => r.name === a.label);
  if (run?.phase === 'diverged') return t('critical.diverged', { step: Math.max(0, run.filled - 1) });
  const critical = a.critical ?? (Number.isFinite(a.gradNorm) && a.gradNorm <= criticalGradTol(a.loss));
  return critical ? t(`critical.${a.classification}`) : t('critical.notCritical');
}

export function HessianSpectrum() {
  const { t } = useTranslation();
  const { view } = useApp();
  const slice = useResults((s) => s.slice);
  const analysis = useResults((s) => s.analysis);
  const runs = useResults((s) => s.runs);
  const selected = useView((s) => s.selectedCritical);
  const selectedPoint = useView((s) => s.selectedPoint);
  const full = selectedPoint !== null ? (analysis.find((a) => a.label === selectedPoint) ?? null) : null;
  const critIndex = full ? null : (selected ?? (slice && slice.critical.length > 0 ? 0 : null));
  const [nameA, nameB] = planeAxisNames(slice?.source ?? '');
  const crit = slice && critIndex !== null ? (slice.critical[critIndex] ?? null) : null;
  // The analysed points are the start ('init') and each run's end (the run's own name).
  const pointName = (label: string) => (label === 'init' ? t('critical.initPoint') : label);
  return (
    <div className="analysis-body" data-testid="hessian-tab">
      <div className="chip-rows">
        <span className="muted chip-label">{t('critical.onSlice')}</span>
        {slice && slice.critical.length > 0 ? (
          <ul className="critical-list" aria-label={t('critical.list')}>
            {slice.critical.map((c, i) => (
              <li key={i}>
                <button
                  type="button"
                  className={i === critIndex ? 'on' : ''}
                  title={`${t('critical.pickHelp')} ${t(`glossary.critical.${c.kind}`, { defaultValue: '' })}`}
                  data-testid={`critical-${i}`}
                  onClick={() => view.set({ selectedCritical: i, selectedPoint: null })}
                >
                  <span className={`sym sym-${c.kind}`} aria-hidden /> {t(`critical.${c.kind}`)} ·{' '}
                  {formatLoss(c.loss)}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{slice ? t('critical.none') : t('critical.noSlice')}</span>
        )}
        {analysis.length > 0 ? (
          <>
            <span className="muted chip-label">{t('critical.fullSpace')}</span>
            <ul className="critical-list" aria-label={t('critical.fullList')}>
              {analysis.map((a) => (
                <li key={a.label}>
                  <button
                    type="button"
                    className={a.label === selectedPoint ? 'on' : ''}
                    title={`${t('critical.fullHelp')} ${t(`glossary.critical.${a.classification}`, { defaultValue: '' })}`}
                    data-testid={`analysis-${a.label}`}
                    onClick={() => view.set({ selectedPoint: a.label, selectedCritical: null })}
                  >
                    {pointName(a.label)}: {pointLabel(a, runs, t)}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      {full ? (
        <div className="spectrum">
          <p className="classification" data-testid="classification">
            <strong>{pointName(full.label)}</strong>: {pointLabel(full, runs, t)} ·{' '}
            {runs.find((r) => r.name === full.label)?.phase === 'diverged'
              ? null
              : `${t('critical.index', { index: full.index })} · `}
            {t('surface.loss')} {formatLoss(full.loss)} · |∇L| {formatNumber(full.gradNorm)}
          </p>
          <BarChart
            bars={bars(full.eigenvalues)}
            label={t('critical.spectrumLabel')}
            exportName="hessian"
            xLabel={t('critical.eigenIndexFull', { n: full.eigenvalues.length })}
            testId="spectrum"
          />
        </div>
      ) : crit ? (
        <div className="spectrum">
          <p className="classification" data-testid="classification">
            <strong>{t(`critical.${crit.kind}`)}</strong> · {nameA} {formatNumber(crit.alpha)} {nameB}{' '}
            {formatNumber(crit.beta)} · {t('surface.loss')} {formatLoss(crit.loss)} ·{' '}
            {t('critical.eigen2d', { values: crit.eigenvalues.map((v) => formatNumber(v)).join(', ') })}{' '}
            {/* index by analyze's rule: eigenvalues below the zero threshold, never a raw sign count */}
            {t('critical.index', { index: classifySpectrum(crit.eigenvalues).index })}
          </p>
          <BarChart
            bars={bars(crit.eigenvalues)}
            label={t('critical.spectrumLabel')}
            exportName="hessian"
            xLabel={t('critical.eigenIndex')}
            testId="spectrum"
          />
        </div>
      ) : null}
    </div>
  );
}
