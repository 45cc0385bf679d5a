/** The colour bar: the current colour map with loss values at nice ticks (decades on log scale). */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { colorMapList } from '../../lib/colorMaps';
import type { SurfaceMapping } from '../../lib/surfaceMapping';
import { colorBarTicks } from './colorBar';
import { useView } from '../../state/AppContext';

/** Memoised: the surface panel re-renders with every streamed update, the legend only with its mapping. */
export const ColorLegend = memo(function ColorLegend({ mapping }: { mapping: SurfaceMapping }) {
  const { t } = useTranslation();
  const name = useView((s) => s.colorMap);
  const def = colorMapList.find((c) => c.name === name) ?? colorMapList[0]!;
  const stops = Array.from({ length: 11 }, (_, k) => `${def.interpolate(1 - k / 10)} ${k * 10}%`).join(', ');
  const ticks = colorBarTicks(mapping);
  return (
    <figure className="legend" aria-label={t('surface.legend')} data-testid="color-legend">
      <figcaption>{mapping.log ? t('surface.lossLog') : t('surface.loss')}</figcaption>
      <div className="legend-bar" style={{ background: `linear-gradient(${stops})` }}>
        {ticks.map((tk) => (
          <span key={tk.t} className="legend-tick" style={{ top: `${(1 - tk.t) * 100}%` }}>
            {tk.label}
          </span>
        ))}
      </div>
    </figure>
  );
});
