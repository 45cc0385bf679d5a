/** The formula field: typing edits the target expression; the schema's message appears live under it. */
import { useTranslation } from 'react-i18next';
import { withSchemaDefaults } from '../../../../core/experiment/defaults';
import { networkModelSchema } from '../../../../core/experiment/schema';
import { targetFormula } from '../../../../core/data/target';
import { problemAt } from '../../state/documentStore';
import { useApp, useDoc } from '../../state/AppContext';
import { FieldRow } from '../common/controls';

export function ExpressionField() {
  const { t } = useTranslation();
  const { doc } = useApp();
  const given = useDoc((s) => s.net!.data.target);
  // Imported samples without a formula: the field is empty and says where the data comes from.
  const fromSamples = given === undefined;
  const target = given ?? { expr: '' };
  const problems = useDoc((s) => s.problems);
  const inputs = useDoc((s) => withSchemaDefaults(networkModelSchema, s.net!.model).inputs);
  const error = problemAt(problems, 'data.target', true);
  const value = 'expr' in target ? target.expr : 'preset' in target ? targetFormula(target) : '';
  return (
    <FieldRow label={t('target.expr')} help={t('target.exprHelp')} error={error} htmlFor="expr">
      <div className="expr-row">
        <span className="muted">{inputs === 1 ? 'f(x) =' : 'f(x, y) ='}</span>
        <input
          id="expr"
          type="text"
          spellCheck={false}
          value={value}
          placeholder={
            'knots' in target ? t('target.knotsActive') : fromSamples ? t('target.fromSamples') : ''
          }
          aria-invalid={!!error || undefined}
          data-testid="expr"
          onChange={(e) => doc.edit((d) => void (d.data.target = { expr: e.target.value }))}
        />
        {!error && !fromSamples && 'knots' in target === false ? (
          <span className="ok" aria-label={t('target.valid')}>
            ✓
          </span>
        ) : null}
      </div>
    </FieldRow>
  );
}
