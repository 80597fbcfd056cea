import { describe, expect, it } from 'vitest';
import { wordReason } from '../../../src/messages/catalogue.js';
import { sinceInWords } from '../../../src/messages/format.js';

describe('the flagged-affiliation reason', () => {
  const message = {
    key: 'flaggedAffiliation',
    institutionName: 'Harbin Institute of Technology',
    listName: 'US Consolidated Screening List',
    programme: 'Entity List (EL)',
    listedSince: '2001',
  } as const;

  it('names the institution, list, programme and since when, in English and Dutch', () => {
    expect(wordReason(message, 'en')).toBe(
      'Works at Harbin Institute of Technology, listed in “US Consolidated Screening List” (Entity List (EL)) ' +
        'since 2001 (confirmed match).',
    );
    expect(wordReason({ ...message, listedSince: '2020-06-05' }, 'nl')).toBe(
      'Werkt bij Harbin Institute of Technology, vermeld in “US Consolidated Screening List” (Entity List (EL)) ' +
        'sinds 5 juni 2020 (bevestigde match).',
    );
  });

  it('leaves out what the list does not say', () => {
    expect(wordReason({ ...message, programme: null, listedSince: null }, 'en')).toBe(
      'Works at Harbin Institute of Technology, listed in “US Consolidated Screening List” (confirmed match).',
    );
  });

  it('keeps a year alone as a year', () => {
    expect(sinceInWords('en', '2001')).toBe('2001');
    expect(sinceInWords('en', '2001-05-22')).toBe('22 May 2001');
  });
});
