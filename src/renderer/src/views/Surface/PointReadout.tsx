/** Coordinates and loss of the point under the cursor (or the pinned point). */
import { useTranslation } from 'react-i18next';
import { formatLoss, formatNumber } from '../../lib/format';
import { bilinear } from '../../lib/gridSample';
import { planeAxisNames } from '../../lib/planeAxes';
import { useApp, useResults, useView } from '../../state/AppContext';

export function PointReadout() {
  const { t } = useTranslation();
  const { view } = useApp();
  const hover = useView((s) => s.hover);
  const pinned = useView((s) => s.pinned);
  const slice = useResults((s) => s.slice);
  const p = hover ?? pinned;
  if (!slice || !p) return null;
  const [nameA, nameB] = planeAxisNames(slice.source);
  const loss = bilinear({ alpha: slice.alpha, beta: slice.beta, values: slice.loss }, p.alpha, p.beta);
  return (
    <div className="readout" data-testid="point-readout" aria-live="polite">
      <span>{hover ? t('surface.underCursor') : t('surface.pinned')}</span>
      <span>
        {nameA} {formatNumber(p.alpha)}
      </span>
      <span>
        {nameB} {formatNumber(p.beta)}
      </span>
      <span>
        {t('surface.loss')} {formatLoss(loss)}
      </span>
      {pinned && !hover ? (
        <button
          type="button"
          className="link"
          onClick={() => view.set({ pinned: null })}
          title={t('surface.unpinHelp')}
        >
          {t('surface.unpin')}
        </button>
      ) : null}
    </div>
  );
}
