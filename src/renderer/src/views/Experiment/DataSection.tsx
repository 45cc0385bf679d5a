/** Data: training size and sampling, test size, label noise and the experiment seed. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultOf, withSchemaDefaults } from '../../../../core/experiment/defaults';
import { dataSchema, experimentSchema } from '../../../../core/experiment/schema';
import { problemAt } from '../../state/documentStore';
import { useApp, useDoc } from '../../state/AppContext';
import { FieldRow, Select } from '../common/controls';
import { NumberInput } from '../common/NumberInput';

export function DataSection() {
  const { t } = useTranslation();
  const { doc } = useApp();
  const draftData = useDoc((s) => s.net!.data);
  // Defaults from the schema only (what a run would use where the draft leaves a field out).
  const data = useMemo(() => withSchemaDefaults(dataSchema, draftData), [draftData]);
  const seed = useDoc((s) => s.draft.seed ?? defaultOf(experimentSchema.shape.seed)!);
  const problems = useDoc((s) => s.problems);
  const train = data.train;
  const test = data.test;
  return (
    <div className="grid2">
      {'n' in train ? (
        <>
          <FieldRow
            label={t('data.n')}
            help={t('data.nHelp')}
            error={problemAt(problems, 'data.train', true)}
            htmlFor="train-n"
          >
            <NumberInput
              id="train-n"
              value={train.n}
              testId="train-n"
              onChange={(v) => doc.edit((d) => void ((d.data.train as { n: unknown }).n = v))}
            />
          </FieldRow>
          <Select
            label={t('data.sampling')}
            help={t('data.samplingHelp')}
            value={'sampling' in train ? train.sampling : 'uniform'}
            options={[
              { value: 'uniform', label: t('data.uniform') },
              { value: 'grid', label: t('data.grid') },
            ]}
            onChange={(v) => doc.edit((d) => void ((d.data.train as { sampling: string }).sampling = v))}
          />
        </>
      ) : (
        <p className="muted span2">{t('data.explicit', { n: 'y' in train ? train.y.length : 0 })}</p>
      )}
      <FieldRow
        label={t('data.testN')}
        help={t('data.testNHelp')}
        error={problemAt(problems, 'data.test', true)}
        htmlFor="test-n"
      >
        <NumberInput
          id="test-n"
          value={test && 'n' in test ? test.n : ''}
          onChange={(v) =>
            doc.edit((d) => {
              if (v === '' || v === 0) delete d.data.test;
              else d.data.test = { n: v as number, sampling: 'grid' };
            })
          }
        />
      </FieldRow>
      <FieldRow
        label={t('data.noise')}
        help={t('data.noiseHelp')}
        error={problemAt(problems, 'data.noise')}
        htmlFor="noise"
      >
        <NumberInput
          id="noise"
          value={data.noise}
          onChange={(v) => doc.edit((d) => void ((d.data as { noise: unknown }).noise = v))}
        />
      </FieldRow>
      <FieldRow
        label={t('data.seed')}
        help={t('data.seedHelp')}
        error={problemAt(problems, 'seed')}
        htmlFor="seed"
      >
        <NumberInput
          id="seed"
          value={seed}
          testId="seed"
          onChange={(v) => doc.edit((d) => void ((d as { seed: unknown }).seed = v))}
        />
      </FieldRow>
    </div>
  );
}
