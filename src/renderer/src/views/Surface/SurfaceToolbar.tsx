/** Surface controls: 3-D / top-down, colour map, log scale, wireframe, contours, arrows, resolution, PNG. */
import { useTranslation } from 'react-i18next';
import { colorMapList } from '../../lib/colorMaps';
import { useApp, useView } from '../../state/AppContext';
import { Segmented, Select, Toggle } from '../common/controls';
import { ExportPngButton } from '../common/ExportPngButton';

const RESOLUTIONS = [31, 61, 101, 201] as const;

export function SurfaceToolbar() {
  const { t } = useTranslation();
  const { view, runner } = useApp();
  const s = useView((v) => v);
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
          help={t('surface.logHelp')}
          checked={s.logScale}
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
        <Select
          label={t('surface.resolution')}
          help={t('surface.resolutionHelp')}
          value={s.resolution}
          options={RESOLUTIONS.map((r) => ({ value: r, label: `${r}×${r}` }))}
          onChange={(v) => {
            view.set({ resolution: v });
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
