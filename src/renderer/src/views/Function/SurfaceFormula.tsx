/** For an analytic surface the function panel shows the loss formula and the gallery's known points. */
import { useTranslation } from 'react-i18next';
import type { SurfaceModel } from '../../../../core/experiment/surfaceModelSchema';
import { resolveSurface } from '../../../../core/surface/resolve';
import { formatLoss, formatNumber } from '../../lib/format';

/** The symbol a known point is drawn with (a degenerate point, such as a monkey saddle, with the saddle's). */
function symbolOf(kind: string): 'minimum' | 'saddle' | 'maximum' {
  if (kind === 'degenerate') return 'saddle';
  return kind === 'saddle' || kind === 'maximum' ? kind : 'minimum';
}

export function SurfaceFormula({ model }: { model: SurfaceModel }) {
  const { t } = useTranslation();
  const r = resolveSurface(model);
  return (
    <div className="surface-formula" data-testid="surface-formula">
      <p className="formula">
        L(a, b) = <code>{r.expr}</code>
      </p>
      <p className="muted">{t('surfaceModel.formula')}</p>
      {r.known.length > 0 ? (
        <>
          <h3>{t('surfaceModel.known')}</h3>
          <ul className="known">
            {r.known.map((k, i) => (
              <li key={i}>
                <span className={`sym sym-${symbolOf(k.kind)}`} aria-hidden /> {t(`critical.${k.kind}`)} (
                {formatNumber(k.at[0])}, {formatNumber(k.at[1])}) · L = {formatLoss(k.value)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
