/** The main process's menus and dialogs in Chinese: every label translated, the language chosen right. */
import { describe, expect, it } from 'vitest';
import { mainLanguage, mainStrings } from '../../src/main/node/mainStrings';
import { menuTemplate } from '../../src/main/node/menuTemplate';

type Item = { label?: string; submenu?: unknown };

function labels(items: readonly Item[]): string[] {
  return items.flatMap((i) => [
    ...(i.label ? [i.label] : []),
    ...(Array.isArray(i.submenu) ? labels(i.submenu as Item[]) : []),
  ]);
}

describe('main-process strings', () => {
  it('builds the whole menu in Chinese: no English word but the keyboard mnemonics', () => {
    const t = menuTemplate(
      { command: () => {}, openRecent: () => {}, clearRecent: () => {} },
      [],
      'linux',
      false,
      mainStrings('zh'),
    );
    const all = labels(t as Item[]);
    expect(all).toContain('文件(&F)');
    expect(all).toContain('新建实验');
    const english = all.filter((l) => /[A-Za-z]{2,}/.test(l.replace(/\(&[A-Z]\)/, '')));
    expect(english).toEqual([]);
  });

  it('has every English entry in Chinese, and the English menu unchanged by default', () => {
    expect(Object.keys(mainStrings('zh')).sort()).toEqual(Object.keys(mainStrings('en')).sort());
    const t = menuTemplate({ command: () => {}, openRecent: () => {}, clearRecent: () => {} }, [], 'linux');
    expect(t.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Lessons', '&Help']);
    expect(mainStrings('zh').unsavedMessage('a.json')).toContain('a.json');
  });

  it("follows the renderer's saved choice, else the system locale", () => {
    expect(mainLanguage('zh', 'en-US')).toBe('zh');
    expect(mainLanguage('en', 'zh-CN')).toBe('en');
    expect(mainLanguage(null, 'zh-CN')).toBe('zh');
    expect(mainLanguage(undefined, 'de-DE')).toBe('en');
  });
});
