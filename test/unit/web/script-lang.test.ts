import { describe, expect, it } from 'vitest';
import { scriptLang } from '../../../web/src/lib/script-lang.js';

describe('scriptLang', () => {
  it.each([
    ['哈尔滨工业大学', 'CN', 'zh'],
    ['国防科技大学', null, 'zh'],
    ['東京大学', 'JP', 'ja'],
    ['東京工業大学とは', 'JP', 'ja'],
    ['서울대학교', 'KR', 'ko'],
    ['Московский государственный университет', 'RU', 'ru'],
    ['Білоруський університет', 'UA', 'uk'],
    ['دانشگاه صنعتی شریف', 'IR', 'fa'],
    ['جامعة الملك سعود', 'SA', 'ar'],
  ])('reads %s (%s) as %s', (text, country, lang) => {
    expect(scriptLang(text, country)).toBe(lang);
  });

  it('says nothing for Latin script or an empty name', () => {
    expect(scriptLang('Harbin Institute of Technology', 'CN')).toBeUndefined();
    expect(scriptLang('')).toBeUndefined();
  });
});
