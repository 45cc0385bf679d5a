/** An optimizer's hyperparameter form, generated from its zod schema (see lib/hyperparamFields). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { optimizers } from '../../../../core/optim/registry';
import { hyperFields, type HyperField } from '../../lib/hyperparamFields';
import { problemAt } from '../../state/documentStore';
import { useDoc } from '../../state/AppContext';
import { choiceLabel, regHelp, regLabel } from '../../i18n/registryText';
import { FieldRow } from '../common/controls';
import { NumberInput } from '../common/NumberInput';

export function useHyperFields(type: string): HyperField[] {
  return useMemo(() => {
    const def = optimizers.get(type);
    return def ? hyperFields(def.schema) : [];
  }, [type]);
}

function rangeText(f: HyperField): string {
  if (f.min === undefined && f.max === undefined) return '';
  const lo = f.min === undefined ? '' : `${f.exclusiveMin ? '>' : '≥'} ${f.min}`;
  const hi = f.max === undefined ? '' : `≤ ${f.max}`;
  return ` (${[lo, hi].filter(Boolean).join(', ')})`;
}

export function HyperparamForm(props: {
  runIndex: number;
  type: string;
  values: Record<string, unknown>;
  onChange: (key: string, value: unknown) => void;
}) {
  const { t } = useTranslation();
  const fields = useHyperFields(props.type);
  const problems = useDoc((s) => s.problems);
  return (
    <div className="hyper grid2">
      {fields.map((f) => {
        const id = `run${props.runIndex}-${f.key}`;
        const value = props.values[f.key] ?? f.default;
        const error = problemAt(problems, `runs[${props.runIndex}].optimizer.${f.key}`, true);
        // What the user reads comes from the catalogue; the code name (the document's and the CLI's
        // key) stays in the tooltip.
        const label = regLabel(t, 'hyper', f.key);
        const help = `${regHelp(t, 'hyper', f.key) || label}${rangeText(f)} · ${f.key}`;
        if (f.kind === 'boolean')
          return (
            <label key={f.key} className="check" title={help}>
              <input
                type="checkbox"
                checked={Boolean(value)}
                onChange={(e) => props.onChange(f.key, e.target.checked)}
              />{' '}
              {label}
            </label>
          );
        if (f.kind === 'choice')
          return (
            <FieldRow key={f.key} label={label} help={help} error={error} htmlFor={id}>
              <select
                id={id}
                value={value === null ? '' : String(value)}
                onChange={(e) => props.onChange(f.key, e.target.value === '' ? null : e.target.value)}
              >
                {f.options!.map((o) => (
                  <option key={String(o)} value={o ?? ''}>
                    {o === null ? t('runs.none') : choiceLabel(t, o)}
                  </option>
                ))}
              </select>
            </FieldRow>
          );
        if (f.kind === 'tuple') {
          const arr = Array.isArray(value) ? (value as unknown[]) : [];
          return (
            <FieldRow key={f.key} label={label} help={help} error={error}>
              <div className="tuple">
                {Array.from({ length: f.length ?? 2 }, (_, i) => (
                  <NumberInput
                    key={i}
                    value={arr[i]}
                    label={`${label} [${i + 1}]`}
                    onChange={(v) => {
                      const next = [...arr];
                      next[i] = v;
                      props.onChange(f.key, next);
                    }}
                  />
                ))}
              </div>
            </FieldRow>
          );
        }
        if (f.kind === 'unsupported') return null;
        return (
          <FieldRow key={f.key} label={label} help={help} error={error} htmlFor={id}>
            <NumberInput
              id={id}
              value={value}
              invalid={!!error}
              testId={`${id}`}
              onChange={(v) => props.onChange(f.key, f.nullable && v === '' ? null : v)}
            />
          </FieldRow>
        );
      })}
    </div>
  );
}
