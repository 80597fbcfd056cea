import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPERT_COLUMNS, isDay, parseExpertCsv, type ExpertRow } from '../../../../src/experts/csv/parse.js';

// The file as a whole (encodings, duplicate columns, the row cap, control characters): ../csv-file.test.ts.

/**
 * A cell as RFC 4180 writes it (as Excel and LibreOffice do): quoted when it holds a comma, a quote or a line break.
 */
const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csv = (rows: string[][], lineBreak = '\n') => rows.map((row) => row.map(cell).join(',')).join(lineBreak);

const parsed = (text: string) => {
  const { rows, problems, readable } = parseExpertCsv(text);
  expect(readable).toBe(true);
  return { rows, problems };
};
/** The one row of a file with these columns and cells. */
const row = (columns: Record<string, string>) => {
  const { rows, problems } = parsed(csv([Object.keys(columns), Object.values(columns)]));
  return { input: rows[0]!.input, problems: problems.map(({ field, message }) => ({ field, message })) };
};

describe('isDay', () => {
  it('takes real calendar days written YYYY-MM-DD only', () => {
    for (const day of ['2020-01-01', '2024-02-29', '1999-12-31']) expect(isDay(day), day).toBe(true);
    for (const day of [
      '2021-02-29',
      '2020-13-01',
      '2020-00-10',
      '2020-04-31',
      '2020-1-1',
      '20200101',
      '2020-01-01T00:00',
    ])
      expect(isDay(day), day).toBe(false);
  });

  it('agrees with the calendar for any day of 1900–2100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const real = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
          expect(isDay(text)).toBe(real);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('parseExpertCsv: cells', () => {
  it('gives an empty cell as a cleared field and leaves a column left out untouched', () => {
    expect(row({ slug: 'jan', name: 'Jan', headline: '', languages: '', expertise: ' ' }).input).toEqual({
      slug: 'jan',
      name: 'Jan',
      headline: null,
      languages: [],
      expertise: [],
    });
  });

  it('reads a one-line property such as the academic title, trimmed', () => {
    expect(row({ slug: 'jan', name: 'Jan', academicTitle: ' Prof. dr. ' })).toEqual({
      input: { slug: 'jan', name: 'Jan', academicTitle: 'Prof. dr.' },
      problems: [],
    });
  });

  it('reads yes and no in English and Dutch, and refuses anything else', () => {
    for (const yes of ['yes', 'Y', 'TRUE', '1', 'ja'])
      expect(row({ slug: 'j', name: 'J', contactConsent: yes }).input.contactConsent).toBe(true);
    for (const no of ['no', 'N', 'false', '0', 'Nee', ''])
      expect(row({ slug: 'j', name: 'J', contactConsent: no }).input.contactConsent).toBe(false);
    const { input, problems } = row({ slug: 'j', name: 'J', contactConsent: 'maybe' });
    expect(input).toEqual({ slug: 'j', name: 'J' });
    expect(problems).toEqual([{ field: 'contactConsent', message: '"maybe" is not yes or no' }]);
  });

  it('splits lists on ; and items on |, trimming each and dropping empty items', () => {
    const { input, problems } = row({
      slug: 'j',
      name: 'J',
      languages: ' nl ; en ;; ',
      networks: 'CKN;REKA',
      expertise: 'semiconductors|4| verified ; export-controls|2',
      countryFocus: 'CN|5|EVIDENCED',
      affiliations: 'tu-delft|Professor|2019-09-01|;leiden-asia-centre||2010-01-01|2015-06-30',
    });
    expect(problems).toEqual([]);
    expect(input).toEqual({
      slug: 'j',
      name: 'J',
      languages: ['nl', 'en'],
      networks: ['CKN', 'REKA'],
      expertise: [
        { theme: 'semiconductors', level: 4, provenance: 'VERIFIED' },
        { theme: 'export-controls', level: 2, provenance: null },
      ],
      countryFocus: [{ country: 'CN', level: 5, provenance: 'EVIDENCED' }],
      affiliations: [
        { institution: 'tu-delft', role: 'Professor', since: new Date('2019-09-01'), until: null },
        { institution: 'leiden-asia-centre', role: null, since: new Date('2010-01-01'), until: new Date('2015-06-30') },
      ],
    });
  });

  it('refuses levels, provenances and parts out of form, naming the item and part, and leaves that list out', () => {
    const { input, problems } = row({
      slug: 'j',
      name: 'J',
      expertise: 'a|0;b|six;c|;|3;d|3|SURE;e|3|DECLARED|x',
      headline: 'Kept',
    });
    expect(input).toEqual({ slug: 'j', name: 'J', headline: 'Kept' });
    expect(problems).toEqual([
      { field: 'expertise[0].level', message: 'must be from 1 to 5 (got 0)' },
      { field: 'expertise[1].level', message: '"six" is not a whole number from 1 to 5' },
      { field: 'expertise[2].level', message: 'is missing: give a level from 1 to 5' },
      { field: 'expertise[3].theme', message: 'is empty: write theme|level|provenance' },
      { field: 'expertise[4].provenance', message: '"SURE" is not DECLARED, VERIFIED or EVIDENCED' },
      { field: 'expertise[5]', message: '"e|3|DECLARED|x" has 4 parts: write theme|level|provenance' },
    ]);
  });

  it('refuses affiliations with bad dates, dates out of order, too many parts or a long role', () => {
    const { input, problems } = row({
      slug: 'j',
      name: 'J',
      affiliations: `a|r|2020-02-30|;b|r|2020-01-01|2019-12-31;|r;c|r|||x;d|${'r'.repeat(201)}`,
    });
    expect(input).toEqual({ slug: 'j', name: 'J' });
    expect(problems).toEqual([
      { field: 'affiliations[0].since', message: '"2020-02-30" is not a date as YYYY-MM-DD' },
      { field: 'affiliations[1].until', message: '2019-12-31 is before since (2020-01-01)' },
      { field: 'affiliations[2].institution', message: 'is empty: write institution|role|since|until' },
      { field: 'affiliations[3]', message: '"c|r|||x" has 5 parts: write institution|role|since|until' },
      { field: 'affiliations[4].role', message: 'must be at most 200 characters (got 201)' },
    ]);
  });

  it("checks the expert's own properties as createExpert does, and keeps the fields that pass", () => {
    const { input, problems } = row({
      slug: 'j',
      name: 'J',
      email: 'not an address',
      phone: '0612345678',
      languages: 'nl;xx',
      headline: 'Chips',
    });
    expect(input).toEqual({ slug: 'j', name: 'J', headline: 'Chips' });
    expect(problems.map((p) => p.field)).toEqual(['email', 'phone', 'languages[1]']);
  });

  it('refuses a missing or malformed slug, an over-long cell, and a slug given twice', () => {
    const { rows, problems } = parsed(
      csv([
        ['slug', 'name', 'bio'],
        ['', 'Anon', ''],
        ['Jan', 'Jan', ''],
        ['jan', 'Jan', 'x'.repeat(5001)],
        ['jan', 'Jan again', ''],
      ]),
    );
    expect(rows.map((r) => r.input)).toEqual([
      { slug: '', name: 'Anon', bio: null },
      { slug: 'Jan', name: 'Jan', bio: null },
      { slug: 'jan', name: 'Jan' },
      { slug: 'jan', name: 'Jan again', bio: null },
    ]);
    expect(problems).toEqual([
      { line: 2, field: 'slug', message: 'is empty: every row needs the stable id of its expert' },
      { line: 3, field: 'slug', message: expect.stringMatching(/^use lower-case letters/) },
      { line: 4, field: 'bio', message: 'is 5001 characters long: at most 5000' },
      { line: 5, field: 'slug', message: '"jan" is on line 4 already' },
    ]);
  });

  it('refuses unknown and missing columns before reading any row', () => {
    const { rows, problems, readable } = parseExpertCsv('slug,fullName\njan,Jan\n');
    expect(readable).toBe(false);
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { line: 1, field: 'fullName', message: `is not a known column: use ${Object.keys(EXPERT_COLUMNS).join(', ')}` },
      { line: 1, field: 'name', message: 'column is missing' },
    ]);
    expect(parseExpertCsv('slug,name\njan,"Jan\n').problems).toEqual([
      { line: expect.any(Number), field: 'file', message: expect.stringMatching(/^not valid CSV: /) },
    ]);
  });
});

/** Text a one-line cell may hold: letters, digits, punctuation a CSV must quote, and spaces inside. */
const lineText = fc
  .string({ unit: fc.constantFrom(...Array.from('abcXYZ09 ,"\'.-éü&')), minLength: 1, maxLength: 12 })
  .map((s) => s.trim())
  .filter((s) => s !== '');
/** A bio may run over several lines. */
const longText = fc
  .array(lineText, { minLength: 1, maxLength: 3 })
  .chain((lines) => fc.constantFrom('\n', '\r\n', '\n\n').map((lineBreak) => lines.join(lineBreak)));
const id = fc.stringMatching(/^[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,4})?$/);
const day = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const level = {
  level: fc.integer({ min: 1, max: 5 }),
  provenance: fc.constantFrom('DECLARED' as const, 'VERIFIED' as const, 'EVIDENCED' as const, null),
};
const affiliation = fc
  .record({
    institution: id,
    role: fc.option(
      lineText.filter((s) => !/[;|]/.test(s)),
      { nil: null },
    ),
    since: fc.option(day, { nil: null }),
    until: fc.option(day, { nil: null }),
  })
  .map((a) => (a.since && a.until && a.until < a.since ? { ...a, since: a.until, until: a.since } : a));

const expert = fc.record({
  name: lineText,
  headline: fc.option(lineText, { nil: null }),
  bio: fc.option(longText, { nil: null }),
  languages: fc.uniqueArray(fc.constantFrom('nl', 'en', 'zh', 'de', 'fr', 'ru'), { maxLength: 3 }),
  networks: fc.array(id, { maxLength: 2 }),
  contactConsent: fc.boolean(),
  expertise: fc.array(fc.record({ theme: id, ...level }), { maxLength: 3 }),
  countryFocus: fc.array(fc.record({ country: id, ...level }), { maxLength: 2 }),
  affiliations: fc.array(affiliation, { maxLength: 2 }),
});

type Expert = typeof expert extends fc.Arbitrary<infer T> ? T : never;

/** An expert's fields as cells, the way the README describes the columns. */
const cells = (slug: string, e: Expert): string[] => [
  slug,
  e.name,
  e.headline ?? '',
  e.bio ?? '',
  e.languages.join(';'),
  e.networks.join('; '),
  e.contactConsent ? 'yes' : 'no',
  e.expertise.map((x) => [x.theme, x.level, x.provenance ?? ''].join('|')).join(';'),
  e.countryFocus.map((x) => [x.country, x.level, x.provenance ?? ''].join('|')).join(';'),
  e.affiliations.map((a) => [a.institution, a.role ?? '', a.since ?? '', a.until ?? ''].join('|')).join(';'),
];
const COLUMNS = [
  'slug',
  'name',
  'headline',
  'bio',
  'languages',
  'networks',
  'contactConsent',
  'expertise',
  'countryFocus',
  'affiliations',
];

describe('parseExpertCsv: a file written then read', () => {
  it('gives back every value written, each row with the line it starts on', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(id, { minLength: 1, maxLength: 5 })
          .chain((slugs) =>
            fc.tuple(fc.constant(slugs), fc.array(expert, { minLength: slugs.length, maxLength: slugs.length })),
          ),
        fc.constantFrom('\n', '\r\n'),
        ([slugs, experts], lineBreak) => {
          const lines = [COLUMNS, ...slugs.map((slug, i) => cells(slug, experts[i]!))];
          const { rows, problems } = parsed(csv(lines, lineBreak));
          expect(problems).toEqual([]);
          const expected: ExpertRow[] = [];
          let line = 2;
          slugs.forEach((slug, i) => {
            const e = experts[i]!;
            // Dates come as the Date scalar hands them over: midnight UTC.
            const day = (text: string | null) => (text === null ? null : new Date(text));
            const affiliations = e.affiliations.map((a) => ({ ...a, since: day(a.since), until: day(a.until) }));
            expected.push({ line, input: { slug, ...e, affiliations } });
            line +=
              1 +
              (cells(slug, e)
                .join(',')
                .match(/\r\n|\n/g)?.length ?? 0);
          });
          expect(rows).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('numbers rows by the line they start on, whatever the line breaks, quotes and empty lines', () => {
    const { rows } = parsed('\uFEFFslug,name,bio\r\n\r\nj1,A,"one\r\ntwo"\r\nj2,"B\r\n",x\r\n\r\n\r\nj3,C,\r\n');
    expect(rows.map((r) => [r.line, r.input.slug])).toEqual([
      [3, 'j1'],
      [5, 'j2'],
      [9, 'j3'],
    ]);
    // Old Mac files end lines with CR alone; a file with LF line breaks may hold CR inside a cell.
    expect(parsed('slug,name\rj1,A\rj2,"B\rC"\rj3,D').rows.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(parsed('slug,name,bio\nj1,A,"x\ry"\nj2,B,\n').rows.map((r) => r.line)).toEqual([2, 4]);
    // CR ends records in this file, so the LF of a later CRLF starts the next row, on the line after the CRLF.
    expect(parsed('slug,name\r\r\n,\r,').rows.map((r) => r.line)).toEqual([3, 4]);
  });

  it('gives any file it reads one line per row, in order, within the file', () => {
    const text = fc
      .array(fc.constantFrom('j', 'k', ',', '"', '\n', '\r\n', '\r', ' '), { maxLength: 30 })
      .map((parts) => `slug,name${parts.join('')}`);
    fc.assert(
      fc.property(text, (file) => {
        const { rows, readable } = parseExpertCsv(file);
        if (!readable) return;
        const lines = rows.map((r) => r.line);
        const lastLine = 1 + (file.match(/\r\n|\r|\n/g)?.length ?? 0);
        lines.forEach((line, i) => {
          expect(line).toBeGreaterThan(i === 0 ? 1 : lines[i - 1]!);
          expect(line).toBeLessThanOrEqual(lastLine);
        });
      }),
      { numRuns: 500 },
    );
  });
});
