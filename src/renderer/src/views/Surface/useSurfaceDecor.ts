/** What an exported surface picture carries: the colour bar (loss or log loss) and the runs' key. */
import { useTranslation } from 'react-i18next';
import { useView } from '../../state/AppContext';
import type { ExportDecor } from '../common/exportRegistry';
import { colorBarTicks } from './colorBar';
import type { SliceDerived } from './useSliceDerived';

export function useSurfaceDecor(derived: SliceDerived | null, text: string): ExportDecor | undefined {
  const { t } = useTranslation();
  const colorMap = useView((s) => s.colorMap);
  if (!derived) return undefined;
  return {
    text,
    colorBarInside: true,
    colorBar: {
      ticks: colorBarTicks(derived.mapping),
      colorMap,
      title: derived.mapping.log ? t('surface.lossLog') : t('surface.loss'),
    },
    key: derived.paths.map((p) => ({ label: p.name, color: p.color })),
  };
}
