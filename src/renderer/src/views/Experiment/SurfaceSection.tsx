/**
 * An analytic test surface instead of a network (model.kind "surface"): the gallery, the formula in a and
 * b with live validation, and the start point every run begins from.
 */
import { useTranslation } from 'react-i18next';
import { regHelp, regLabel } from '../../i18n/registryText';
import { gallery } from '../../../../core/surface/gallery';
import { problemAt } from '../../state/documentStore';
import { useApp, useDoc } from '../../state/AppContext';
import { defaultExperiment } from '../../state/defaultExperiment';
import { FieldRow } from '../common/controls';
import { NumberInput } from '../common/NumberInput';

type SurfaceDraft = {
  kind: 'surface';
  expr?: string;
  preset?: string;
  start?: [number, number];
  window?: unknown;
};

export function SurfaceSection() {
  const { t } = useTranslation();
  const { doc } = useApp();
  const model = useDoc((s) => s.draft.model) as SurfaceDraft;
  const problems = useDoc((s) => s.problems);
  const g = model.preset ? gallery.get(model.preset) : undefined;
  const expr = model.expr ?? g?.expr ?? '';
  const start = model.start ?? g?.start ?? [0, 0];
  const edit = (f: (m: SurfaceDraft) => void) => doc.edit((d) => f(d.model as unknown as SurfaceDraft));
  return (
    <>
      <div className="gallery" role="listbox" aria-label={t('surfaceModel.gallery')}>
        {[...gallery.values()].map((s) => (
          <button
            key={s.name}
            type="button"
            role="option"
            aria-selected={model.preset === s.name}
            className={`preset text-preset${model.preset === s.name ? ' on' : ''}`}
            title={regHelp(t, 'surface', s.name)}
            data-testid={`surface-${s.name}`}
            onClick={() =>
              edit((m) => {
                m.preset = s.name;
                delete m.expr;
                delete m.start;
                delete m.window;
              })
            }
          >
            <span>{regLabel(t, 'surface', s.name)}</span>
          </button>
        ))}
      </div>
      <FieldRow
        label={t('surfaceModel.expr')}
        help={t('surfaceModel.exprHelp')}
        error={problemAt(problems, 'model', true)}
        htmlFor="surface-expr"
      >
        <div className="expr-row">
          <span className="muted">L(a, b) =</span>
          <input
            id="surface-expr"
            type="text"
            spellCheck={false}
            value={expr}
            onChange={(e) =>
              edit((m) => {
                m.expr = e.target.value;
                m.start = [...start] as [number, number];
                if (g && !m.window) m.window = g.window;
                delete m.preset;
              })
            }
          />
        </div>
      </FieldRow>
      <div className="grid2">
        {(['a', 'b'] as const).map((name, i) => (
          <FieldRow key={name} label={t('surfaceModel.start', { name })} help={t('surfaceModel.startHelp')}>
            <NumberInput
              value={start[i]}
              onChange={(v) =>
                edit((m) => {
                  const next = [...start] as [number, number];
                  next[i] = v as number;
                  m.start = next;
                })
              }
            />
          </FieldRow>
        ))}
      </div>
      <button type="button" className="link" onClick={() => doc.replace(defaultExperiment())}>
        {t('surfaceModel.backToNetwork')}
      </button>
    </>
  );
}
