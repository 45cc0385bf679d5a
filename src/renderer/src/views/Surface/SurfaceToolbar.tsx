/** Surface controls: 3-D / top-down, colour map, log scale, wireframe, contours, arrows, resolution, PNG. */
import { useTranslation } from 'react-i18next';
import { colorMapList } from '../../lib/colorMaps';
import { setResolution } from '../../jobs/landscapeEdits';
import { useApp, useDoc, useView } from '../../state/AppContext';
import { Segmented, Select, Toggle } from '../common/controls';
import { ExportPngButton } from '../common/ExportPngButton';
import { useSurfaceLog } from './useSurfaceLog';

const RESOLUTIONS = [31, 61, 101, 201] as const;

export function SurfaceToolbar() {
  const { t } = useTranslation();
  const { view, runner, doc } = useApp();
  const s = useView((v) => v);
  const res = useDoc((d) => d.experiment?.landscape?.resolution ?? null);
  const current = res ? `${res[0]}x${res[1]}` : '';
  const logScale = useSurfaceLog();
  return (
    <header className="panel-head">
      <h2>{t('surface.title')}</h2>
      <div className="toolbar">
        <Segmented
          label={t('surface.mode')}
          value={s.surfaceMode}
          onChange={(m) => view.set({ surfaceMode: m })}
          options={[
            { value: '3d', label: t('surface.mode3d'), help: t('surface.mode3dHelp') },
            { value: 'top', label: t('surface.modeTop'), help: t('surface.modeTopHelp') },
          ]}
        />
        <Toggle
          label={t('surface.log')}
          help={logScale.positive ? t('surface.logHelp') : t('surface.logOffNonPositive')}
          checked={logScale.on}
          onChange={(v) => view.set({ logScale: v })}
          testId="toggle-log"
        />
        <Toggle
          label={t('surface.contours')}
          help={t('surface.contoursHelp')}
          checked={s.contours}
          onChange={(v) => view.set({ contours: v })}
        />
        <Toggle
          label={t('surface.wireframe')}
          help={t('surface.wireframeHelp')}
          checked={s.wireframe}
          onChange={(v) => view.set({ wireframe: v })}
        />
        <Toggle
          label={t('surface.arrows')}
          help={t('surface.arrowsHelp')}
          checked={s.arrows}
          onChange={(v) => view.set({ arrows: v })}
        />
        <Select
          label={t('surface.colorMap')}
          help={t('surface.colorMapHelp')}
          value={s.colorMap}
          options={colorMapList.map((c) => ({ value: c.name, label: c.name }))}
          onChange={(v) => view.set({ colorMap: v })}
          compact
        />
        <Select<string>
          label={t('surface.resolution')}
          help={t('surface.resolutionHelp')}
          value={current}
          options={[
            ...RESOLUTIONS.map((r) => ({ value: `${r}x${r}`, label: `${r}×${r}` })),
            ...(res && !RESOLUTIONS.some((r) => r === res[0] && r === res[1])
              ? [{ value: current, label: `${res[0]}×${res[1]}` }]
              : []),
          ]}
          onChange={(v) => {
            // The resolution is the document's (landscape.resolution): an edit, then the slice again.
            if (v === current) return;
            setResolution(doc, Number(v.split('x')[0]));
            runner.reslice();
          }}
          testId="resolution"
          compact
        />
        <ExportPngButton name={s.surfaceMode === '3d' ? 'surface' : 'surface-top'} />
      </div>
    </header>
  );
}
