/** The runs: one card per optimizer run (colour, name, steps, batch, generated form); add any optimizer. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultOf, withSchemaDefaults } from '../../../../core/experiment/defaults';
import { runSchema } from '../../../../core/experiment/runSchema';
import { formatLoss } from '../../lib/format';
import { useStale } from '../common/useStale';
import { regHelp, regLabel } from '../../i18n/registryText';
import { optimizerList, optimizers } from '../../../../core/optim/registry';
import { defaultsOf, hyperFields, hyperSummary } from '../../lib/hyperparamFields';
import { nextRunColor, runColor } from '../../lib/runColors';
import { problemAt } from '../../state/documentStore';
import { useApp, useDoc, useResults, useView } from '../../state/AppContext';
import { FieldRow } from '../common/controls';
import { NumberInput } from '../common/NumberInput';
import { HyperparamForm, useHyperFields } from './HyperparamForm';

type RunDraft = {
  name: string;
  optimizer: { type: string } & Record<string, unknown>;
  steps?: number;
  batchSize?: number | null;
  color?: string;
};

function uniqueName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let k = 2; ; k++) if (!taken.includes(`${base}${k}`)) return `${base}${k}`;
}

export function RunsSection() {
  const { t } = useTranslation();
  const { doc } = useApp();
  const runs = useDoc((s) => s.draft.runs) as RunDraft[];
  const [adding, setAdding] = useState(optimizerList[0]!.type);
  return (
    <div className="runs">
      {runs.map((r, i) => (
        <RunCard key={i} index={i} run={r} />
      ))}
      <div className="add-run">
        <select
          aria-label={t('runs.optimizer')}
          value={adding}
          data-testid="add-optimizer-type"
          onChange={(e) => setAdding(e.target.value)}
          title={regHelp(t, 'optimizer', adding)}
        >
          {optimizerList.map((o) => (
            <option key={o.type} value={o.type}>
              {regLabel(t, 'optimizer', o.type)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn"
          data-testid="add-run"
          title={t('runs.addHelp')}
          onClick={() =>
            doc.edit((d) => {
              const def = optimizers.get(adding)!;
              const taken = d.runs.map((x) => x.name);
              d.runs.push({
                name: uniqueName(adding, taken),
                optimizer: { type: adding, ...defaultsOf(hyperFields(def.schema)) } as never,
                steps: d.runs[0]?.steps ?? defaultOf(runSchema.shape.steps)!,
                color: nextRunColor(d.runs.map((x) => x.color)),
              });
            })
          }
        >
          + {t('runs.add')}
        </button>
      </div>
    </div>
  );
}

function RunCard({ index, run }: { index: number; run: RunDraft }) {
  const { t } = useTranslation();
  const { doc, view } = useApp();
  const problems = useDoc((s) => s.problems);
  const count = useDoc((s) => s.draft.runs.length);
  const trace = useResults((s) => s.runs.find((x) => x.name === run.name));
  // After an edit the trace shown is the previous computation's: never call it "done" for the new settings.
  const stale = useStale().results;
  const hidden = useView((s) => s.hiddenRuns.includes(run.name));
  const [open, setOpen] = useState(false);
  // The run as it would train: the schema fills what the draft leaves out (no default restated here).
  const filled = useMemo(() => withSchemaDefaults(runSchema, run as never), [run]);
  const fields = useHyperFields(run.optimizer.type);
  const color = runColor(run, index);
  const edit = (f: (r: RunDraft) => void) => doc.edit((d) => f(d.runs[index] as RunDraft));
  const lastLoss = trace && trace.filled > 0 ? trace.loss[trace.filled - 1] : undefined;
  return (
    <div
      className={`run-card${hidden ? ' hidden-run' : ''}`}
      style={{ borderLeftColor: color }}
      data-testid={`run-${index}`}
    >
      <div className="run-head">
        <input
          type="color"
          value={color}
          aria-label={t('runs.color')}
          title={t('runs.colorHelp')}
          onChange={(e) => edit((r) => void (r.color = e.target.value))}
        />
        <input
          className="run-name"
          type="text"
          size={Math.max(4, run.name.length + 1)}
          value={run.name}
          aria-label={t('runs.name')}
          title={t('runs.nameHelp')}
          onChange={(e) => edit((r) => void (r.name = e.target.value))}
        />
        <span className="muted run-type" title={regHelp(t, 'optimizer', run.optimizer.type)}>
          {regLabel(t, 'optimizer', run.optimizer.type)}
        </span>
        <button
          type="button"
          className="icon-btn"
          aria-pressed={!hidden}
          title={t('runs.showHelp')}
          aria-label={t('runs.show', { name: run.name })}
          onClick={() =>
            view.set((s) => ({
              hiddenRuns: hidden ? s.hiddenRuns.filter((n) => n !== run.name) : [...s.hiddenRuns, run.name],
            }))
          }
        >
          {hidden ? '◌' : '◉'}
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-expanded={open}
          title={t('runs.editHelp')}
          aria-label={t('runs.edit', { name: run.name })}
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▸'}
        </button>
        <button
          type="button"
          className="icon-btn"
          disabled={count <= 1}
          title={t('runs.removeHelp')}
          aria-label={t('runs.remove', { name: run.name })}
          onClick={() => doc.edit((d) => void d.runs.splice(index, 1))}
        >
          ×
        </button>
      </div>
      <div className="run-summary muted">
        {hyperSummary(fields, run.optimizer, (key) => regLabel(t, 'hyper', key))} ·{' '}
        {t('runs.steps', { n: filled.steps })}
        {trace ? (
          <span className={`phase phase-${trace.phase}`}>
            {' '}
            ·{' '}
            {stale
              ? t('runs.staleResult')
              : trace.phase === 'diverged'
                ? t('critical.diverged', { step: Math.max(0, trace.filled - 1) })
                : t(`runs.phase.${trace.phase}`)}
            {lastLoss !== undefined ? ` · ${formatLoss(lastLoss)}` : ''}
          </span>
        ) : null}
      </div>
      {problemAt(problems, `runs[${index}]`, true) && !open ? (
        <div className="field-error" role="alert">
          {problemAt(problems, `runs[${index}]`, true)}
        </div>
      ) : null}
      {open ? (
        <div className="run-body">
          <div className="grid2">
            <FieldRow
              label={t('runs.stepsLabel')}
              help={t('runs.stepsHelp')}
              error={problemAt(problems, `runs[${index}].steps`)}
            >
              <NumberInput
                value={filled.steps}
                label={t('runs.stepsLabel')}
                onChange={(v) => edit((r) => void (r.steps = v as number))}
              />
            </FieldRow>
            <FieldRow
              label={t('runs.batch')}
              help={t('runs.batchHelp')}
              error={problemAt(problems, `runs[${index}].batchSize`)}
            >
              <NumberInput
                value={filled.batchSize ?? ''}
                label={t('runs.batch')}
                onChange={(v) => edit((r) => void (r.batchSize = v === '' ? null : (v as number)))}
              />
            </FieldRow>
          </div>
          <HyperparamForm
            runIndex={index}
            type={run.optimizer.type}
            values={run.optimizer}
            onChange={(k, v) => edit((r) => void (r.optimizer[k] = v))}
          />
          {problemAt(problems, `runs[${index}].name`) ? (
            <div className="field-error" role="alert">
              {problemAt(problems, `runs[${index}].name`)}
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
