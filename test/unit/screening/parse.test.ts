import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../src/screening/formats.js';
import { parseScreeningFile } from '../../../src/screening/parse.js';
import { fuzzyNamesQuery } from '../../../src/text.js';

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../seed/screening/samples');
const sample = (name: string) => readFileSync(path.join(SAMPLES, name), 'utf8');

describe('the screening parsers, on the sample files', () => {
  it('read the EU XML: organisations only, strong name first, programme, date, country, other names', () => {
    const { entries, problems } = parseScreeningFile(
      'EU_FINANCIAL_SANCTIONS_XML',
      sample('eu-financial-sanctions.sample.xml'),
    );
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.sourceId)).toEqual(['900001', '900002']);
    expect(entries[0]).toMatchObject({
      name: 'Bauman Moscow State Technical University',
      country: 'RU',
      programme: 'RUS',
      listedSince: '2022-06-03',
      sourceUrl: 'https://eur-lex.europa.eu/sample-regulation',
    });
    expect(entries[0]?.aliases).toContain('BMSTU');
  });

  it('read the US CSL: entities with their sub-list, alternative names and country; persons left out', () => {
    const { entries, problems } = parseScreeningFile(
      'US_CONSOLIDATED_SCREENING_CSV',
      sample('us-consolidated-screening.sample.csv'),
    );
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.name)).toEqual([
      'Harbin Institute of Technology',
      'Northwestern Polytechnical University',
      'Harbin Engineering University',
      'Tsinghua University Science Park Development Center',
    ]);
    expect(entries[0]).toMatchObject({ country: 'CN', programme: 'Entity List (EL)', listedSince: '2020-06-05' });
    expect(entries[0]?.aliases).toEqual(['Harbin Gongye Daxue', 'HIT']);
  });

  it('read the UK list: one entry a group, the primary name, the non-Latin name as an alias, dd/mm/yyyy dates', () => {
    const { entries, problems } = parseScreeningFile('UK_SANCTIONS_CSV', sample('uk-sanctions.sample.csv'));
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      sourceId: '990001',
      name: 'ROSATOM STATE ATOMIC ENERGY CORPORATION',
      country: 'RU',
      programme: 'Russia',
      listedSince: '2023-02-24',
    });
    expect(entries[0]?.aliases).toEqual(['Государственная корпорация по атомной энергии «Росатом»', 'ROSATOM']);
  });

  it('read the tracker: aliases split on semicolons, risk level and source', () => {
    const { entries, problems } = parseScreeningFile('DEFENCE_TRACKER_CSV', sample('defence-links-tracker.sample.csv'));
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(5);
    expect(entries[0]).toMatchObject({ country: 'CN', riskLevel: 'very high' });
    expect(entries[0]?.aliases).toEqual(['HIT', 'Harbin Gongye Daxue', '哈尔滨工业大学']);
  });
});

describe('the screening parsers, on bad files', () => {
  it('say where XML is broken', () => {
    const { entries, problems } = parseScreeningFile(
      'EU_FINANCIAL_SANCTIONS_XML',
      '<export>\n<sanctionEntity>\n</export>',
    );
    expect(entries).toEqual([]);
    expect(problems[0]?.at).toMatch(/^line \d+$/);
  });

  it('refuse XML of another kind, and an entity without a logicalId or name', () => {
    expect(parseScreeningFile('EU_FINANCIAL_SANCTIONS_XML', '<list/>').problems[0]?.message).toMatch(/not <export>/);
    const { problems } = parseScreeningFile(
      'EU_FINANCIAL_SANCTIONS_XML',
      '<export><sanctionEntity><subjectType code="enterprise"/></sanctionEntity></export>',
    );
    expect(problems.map((p) => `${p.at}: ${p.message}`)).toEqual([
      'sanctionEntity 1: has no logicalId attribute',
      'sanctionEntity 1: has no nameAlias with a wholeName',
    ]);
  });

  it('name the missing columns, the line of a bad value, and a file that lists nothing', () => {
    expect(parseScreeningFile('DEFENCE_TRACKER_CSV', 'name,country\nX,CN\n').problems).toEqual([
      { at: 'line 1', message: 'the header lacks the column(s) "aliases", "risk level", "source url"' },
    ]);
    const bad = 'name,aliases,country,risk level,source URL\nA Univ,,CN,high,https://x.org\n,,Atlantis,high,ftp:x\n';
    expect(parseScreeningFile('DEFENCE_TRACKER_CSV', bad).problems.map((p) => p.at)).toEqual([
      'line 3',
      'line 3',
      'line 3',
    ]);
    expect(
      parseScreeningFile('US_CONSOLIDATED_SCREENING_CSV', 'source,name,type,start_date\nEL,X,,2020-13-45\n').problems,
    ).toEqual([{ at: 'line 2', message: 'start_date "2020-13-45" is no date (YYYY-MM-DD)' }]);
    expect(parseScreeningFile('DEFENCE_TRACKER_CSV', '"unclosed\n').problems[0]?.message).toMatch(/not valid CSV/);
    expect(parseScreeningFile('UK_SANCTIONS_CSV', 'Last Updated,01/01/2026\n').problems[0]?.message).toMatch(/no rows/);
  });

  it('read dates in the lists’ two forms, and nothing else', () => {
    expect(isoDate('2024-02-29')).toBe('2024-02-29');
    expect(isoDate('1/3/2022')).toBe('2022-03-01');
    expect(isoDate('2023-02-29')).toBeNull();
    expect(isoDate('March 2022')).toBeNull();
  });
});

describe('the fuzzy name query', () => {
  it('asks for every word of one of the names, fuzzily from five letters, with nothing of Lucene’s syntax', () => {
    expect(fuzzyNamesQuery(['Harbin Institute of Technology', null, 'HIT (Harbin)'])).toBe(
      '(+harbin~1 +institute~2 +technology~2) (+hit +harbin~1)',
    );
    expect(fuzzyNamesQuery(['"*?~', ''])).toBe('');
    // Chinese is split into characters by the index: the word must match as a phrase, not as any of its characters.
    expect(fuzzyNamesQuery(['哈尔滨工业大学', 'Бауман'])).toBe('(+"哈尔滨工业大学") (+"бауман")');
  });
});
