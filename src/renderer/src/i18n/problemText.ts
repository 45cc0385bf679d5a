/**
 * A validation problem in the user's language. Core words its messages in English for files, the CLI
 * and logs; in another language the message is rebuilt from the rule broken (zod's issue code and its
 * numbers) through the catalogue's `problems.*` entries. English keeps core's own message.
 */
import i18next from 'i18next';
import type { Problem } from '../../../core/experiment/validate';

export function problemText(p: Problem): string {
  if (i18next.language === 'en' || !p.code) return p.message;
  const params = p.params ?? {};
  const op = (inclusive: unknown, strict: string, loose: string) => (inclusive === false ? strict : loose);
  const args = {
    ...params,
    min: op(params.inclusive, '>', '≥'),
    max: op(params.inclusive, '<', '≤'),
  };
  const key = `problems.${p.code}`;
  return i18next.exists(key) ? i18next.t(key, args) : i18next.t('problems.invalid');
}
