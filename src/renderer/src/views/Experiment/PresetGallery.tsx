/** The preset gallery: every built-in target as a thumbnail; choosing one sets the target (and inputs). */
import { useTranslation } from 'react-i18next';
import { regHelp, regLabel } from '../../i18n/registryText';
import { presets } from '../../../../core/data/presets';
import { useApp, useDoc, useView } from '../../state/AppContext';
import { PresetThumb } from './PresetThumb';

export function PresetGallery() {
  const { t } = useTranslation();
  const { doc } = useApp();
  const target = useDoc((s) => s.net!.data.target) ?? { expr: '' };
  const theme = useView((s) => s.theme);
  const current = 'preset' in target ? target.preset : null;
  return (
    <div className="gallery" role="listbox" aria-label={t('target.gallery')}>
      {[...presets.values()].map((p) => (
        <button
          key={p.name}
          type="button"
          role="option"
          aria-selected={current === p.name}
          className={`preset${current === p.name ? ' on' : ''}`}
          title={regHelp(t, 'preset', p.name)}
          data-testid={`preset-${p.name}`}
          onClick={() =>
            doc.edit((d) => {
              d.data.target = { preset: p.name };
              if (d.model.inputs !== p.inputs) {
                d.model.inputs = p.inputs;
                delete d.model.params;
                if ('domain' in d.data.train) delete d.data.train.domain;
                if (d.data.test && 'domain' in d.data.test) delete d.data.test.domain;
                if ('x' in d.data.train) d.data.train = { n: 1000, sampling: 'uniform' };
              }
            })
          }
        >
          <PresetThumb preset={p} color={theme === 'dark' ? '#e6e9f0' : '#1d2330'} />
          <span>{regLabel(t, 'preset', p.name)}</span>
        </button>
      ))}
    </div>
  );
}
