/** English / 中文, switchable at run time; the choice persists (see ../i18n). */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { useLessonsT } from './i18n';

const NAMES: Record<Language, string> = { en: 'English', zh: '中文' };

export function LanguageSwitch() {
  const { t } = useLessonsT();
  const { i18n } = useTranslation();
  const current = i18n.language?.startsWith('zh') ? 'zh' : 'en';
  return (
    <div className="lesson-lang" role="radiogroup" aria-label={t('ui.language')}>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          role="radio"
          lang={lng}
          aria-checked={current === lng}
          translate="no"
          className={`chip${current === lng ? ' on' : ''}`}
          data-testid={`language-${lng}`}
          onClick={() => setLanguage(lng)}
        >
          {NAMES[lng]}
        </button>
      ))}
    </div>
  );
}
