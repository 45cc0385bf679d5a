/** Model: hidden layer sizes, activation and initialization. Inputs follow the target. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regHelp, regLabel } from '../../i18n/registryText';
import { exactApplies } from '../../../../core/engine/exact';
import { defaultOf, withSchemaDefaults } from '../../../../core/experiment/defaults';
import { experimentSchema, networkModelSchema } from '../../../../core/experiment/schema';
import { activations } from '../../../../core/network/activations';
import { paramCount } from '../../../../core/network/spec';
import { problemAt } from '../../state/documentStore';
import { useApp, useDoc, useResults } from '../../state/AppContext';
import { FieldRow, Select } from '../common/controls';
import { NumberInput } from '../common/NumberInput';

type InitChoice = 'normal' | 'he' | 'xavier' | 'torch';
type EngineChoice = 'auto' | 'dense' | 'exact' | 'population';

export function ModelSection() {
  const { t } = useTranslation();
  const { doc } = useApp();
  const draftModel = useDoc((s) => s.net!.model);
  // What the user typed where there is something, else the schema's default: no default restated here.
  const model = useMemo(() => withSchemaDefaults(networkModelSchema, draftModel), [draftModel]);
  const problems = useDoc((s) => s.problems);
  const hidden = model.hidden;
  const [text, setText] = useState(hidden.join(', '));
  useEffect(() => setText(hidden.join(', ')), [hidden.join(',')]);
  const init = model.init;
  const initChoice: InitChoice = 'scheme' in init ? init.scheme : 'normal';
  const std = 'weights' in init ? init.weights.std : '';
  const inputs = model.inputs;
  const valid = hidden.every((h) => Number.isInteger(h) && h > 0);
  const engine: EngineChoice = useDoc((s) => s.net!.engine ?? defaultOf(experimentSchema.shape.engine)!);
  const exactFits =
    valid &&
    exactApplies({
      inputs,
      hidden,
      activation: model.activation,
      leakySlope: model.leakySlope,
    });
  // What the last run computed on (results name their engine and kernel).
  const ranOn = useResults((s) => s.runs.find((r) => r.result)?.result ?? null);
  return (
    <div className="grid2">
      <FieldRow
        label={t('model.hidden')}
        help={t('model.hiddenHelp')}
        error={problemAt(problems, 'model.hidden', true)}
        htmlFor="hidden"
      >
        <input
          id="hidden"
          type="text"
          value={text}
          data-testid="hidden"
          onChange={(e) => {
            setText(e.target.value);
            const parts = e.target.value
              .split(/[\s,]+/)
              .filter(Boolean)
              .map(Number);
            doc.edit((d) => {
              d.model.hidden = parts as number[];
              delete d.model.params;
            });
          }}
        />
      </FieldRow>
      <div className="field">
        <label>{t('model.shape')}</label>
        <span className="muted" title={t('model.shapeHelp')}>
          {inputs} → [{hidden.join(', ')}] → 1
          {valid ? ` · ${t('model.params', { n: paramCount({ inputs, hidden }) })}` : ''}
        </span>
      </div>
      <Select
        label={t('model.activation')}
        help={regHelp(t, 'activation', model.activation) || t('model.activationHelp')}
        value={model.activation}
        options={[...activations.keys()].map((a) => ({ value: a, label: regLabel(t, 'activation', a) }))}
        onChange={(v) => doc.edit((d) => void (d.model.activation = v as typeof d.model.activation))}
      />
      <Select<InitChoice>
        label={t('model.init')}
        help={initChoice === 'normal' ? t('model.initNormalHelp') : regHelp(t, 'init', initChoice)}
        value={initChoice}
        options={[
          { value: 'normal', label: t('model.initNormal') },
          { value: 'he', label: 'He' },
          { value: 'xavier', label: 'Xavier' },
          { value: 'torch', label: 'torch' },
        ]}
        onChange={(v) =>
          doc.edit((d) => {
            d.model.init = v === 'normal' ? defaultOf(networkModelSchema.shape.init) : { scheme: v };
          })
        }
      />
      <FieldRow
        label={t('model.engine')}
        help={t('model.engineHelp')}
        error={engine === 'exact' && !exactFits ? t('model.exactNotForThis') : null}
        htmlFor="engine"
      >
        <select
          id="engine"
          data-testid="engine"
          value={engine}
          onChange={(e) => doc.edit((d) => void (d.engine = e.target.value as EngineChoice))}
        >
          <option value="auto">{t('model.engineAuto')}</option>
          <option value="dense">{t('model.engineDense')}</option>
          <option value="exact" disabled={!exactFits}>
            {t('model.engineExact')}
          </option>
        </select>
      </FieldRow>
      <div className="field">
        <label>{t('model.ranOn')}</label>
        <span className="muted" data-testid="ran-on" title={t('model.ranOnHelp')}>
          {ranOn
            ? t('model.ranOnValue', {
                engine: ranOn.engine === 'exact' ? t('model.engineExactShort') : t('model.engineDense'),
                kernel: t(ranOn.kernel === 'wasm' ? 'model.kernelWasm' : 'model.kernelJs'),
              })
            : '—'}
        </span>
      </div>
      {initChoice === 'normal' ? (
        <FieldRow
          label={t('model.std')}
          help={t('model.stdHelp')}
          error={problemAt(problems, 'model.init', true)}
          htmlFor="std"
        >
          <NumberInput
            id="std"
            value={std}
            onChange={(v) =>
              doc.edit(
                (d) =>
                  void (d.model.init = { weights: { dist: 'normal', std: v as number }, bias: { const: 0 } }),
              )
            }
          />
        </FieldRow>
      ) : null}
    </div>
  );
}
