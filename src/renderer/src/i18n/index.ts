/** i18next set-up: every user-facing string comes from en.json / zh.json; the choice persists. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zh from './zh.json';
import registryEn from './registry.en.json';
import registryZh from './registry.zh.json';

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'relief.language';

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh') return saved;
  } catch {
    // storage unavailable (private mode): fall through
  }
  return navigator.language?.startsWith('zh') ? 'zh' : 'en';
}

export function setLanguage(lang: Language): void {
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not persisted; still switched
  }
}

export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: {
      en: { translation: { ...en, registry: registryEn } },
      zh: { translation: { ...zh, registry: registryZh } },
    },
    lng: initialLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}
