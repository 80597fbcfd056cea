import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemViewer } from '../src/auth/viewer.js';
import { importExpertCsv } from '../src/experts/csv/import.js';
import { MAX_IMPORT_ROWS } from '../src/experts/csv/parse.js';
import type { Database } from '../src/db/database.js';
import { connectTestDatabase, fixturePrefix, testServer } from './helpers/api.js';
import { maybeUnset } from './helpers/maybe-unset.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const P = fixturePrefix('import');
const admin = systemViewer('import', 'Test importer');
let db: Database;

const HEADER = 'slug,name,email,phone,contactConsent,headline,languages,networks,affiliations,expertise,countryFocus';
const goodCsv = (headline: string) =>
  [
    HEADER,
    `${P}-anna,Anna Fixture,anna.${P}@example.org,+31 6 0000 1111,yes,"${headline}",en;nl,CKN,` +
      'leiden-asia-centre|Fellow|2020-01-01|,semiconductors|4|DECLARED;export-controls|2,CN|4;TW|3',
    `${P}-bram,Bram Fixture,,,no,"Sanctions, mostly",ru,REKA,,sanctions|3,RU|5`,
  ].join('\n');

const state = () =>
  db.queries().read<{ id: string; version: number; headline: string; themes: number; changes: number }>(
    `UNWIND $ids AS id MATCH (e:Expert {id: id})
     RETURN e.id AS id, e.version AS version, e.headline AS headline, COUNT { (e)-[:EXPERT_IN]->() } AS themes,
            COUNT { MATCH (c:Change {subjectId: id}) } AS changes ORDER BY id`,
    { ids: [`${P}-anna`, `${P}-bram`] },
  );

beforeAll(async () => {
  db = await connectTestDatabase();
});
afterAll(async () => {
  await maybeUnset(db)?.close();
});

describe('npm run import (experts CSV)', () => {
  it('a dry run checks every row and writes nothing', async () => {
    const report = await importExpertCsv(db.queries(), admin, goodCsv('Chips'), { dryRun: true, source: 'test.csv' });
    expect(report).toMatchObject({ rows: 2, created: [`${P}-anna`, `${P}-bram`], problems: [], written: false });
    expect(await state()).toEqual([]);
  });

  it('imports new rows, and importing the same file again changes nothing', async () => {
    const first = await importExpertCsv(db.queries(), admin, goodCsv('Chips'), { dryRun: false, source: 'test.csv' });
    expect(first).toMatchObject({ created: [`${P}-anna`, `${P}-bram`], updated: [], written: true });
    const afterFirst = await state();
    expect(afterFirst.map((e) => [e.id, e.version, e.themes, e.changes])).toEqual([
      [`${P}-anna`, 1, 2, 1],
      [`${P}-bram`, 1, 1, 1],
    ]);

    const again = await importExpertCsv(db.queries(), admin, goodCsv('Chips'), { dryRun: false, source: 'test.csv' });
    expect(again).toMatchObject({ created: [], updated: [], unchanged: [`${P}-anna`, `${P}-bram`], written: true });
    expect(await state()).toEqual(afterFirst);

    const changed = await importExpertCsv(db.queries(), admin, goodCsv('Chips and lithography'), {
      dryRun: false,
      source: 'test.csv',
    });
    expect(changed).toMatchObject({ updated: [`${P}-anna`], unchanged: [`${P}-bram`] });
    const [anna] = await state();
    expect(anna).toMatchObject({ version: 2, headline: 'Chips and lithography', changes: 2 });
    const [record] = await db
      .queries()
      .read<{ actorName: string; action: string; fields: string[] }>(
        'MATCH (c:Change {subjectId: $id}) RETURN c.actorName AS actorName, ' +
          'c.action AS action, c.fields AS fields ORDER BY c.at DESC LIMIT 1',
        { id: `${P}-anna` },
      );
    expect(record).toEqual({ actorName: 'Test importer (import)', action: 'importExperts', fields: ['headline'] });
  });

  it('reports each bad row with its line number and reason, and writes none of the good ones', async () => {
    const csv = [
      HEADER,
      `${P}-good,Good Row,,,no,A headline,en,CKN,,"semiconductors|3;
export-controls|2",`,
      `${P}-bad-email,Bad Email,not-an-address,,no,,,CKN,,,`,
      `${P}-bad-level,Bad Level,,,maybe,,,CKN,,semiconductors|7,`,
      `${P}-bad-theme,Bad Theme,,,no,,,CKN,no-such-institution|Fellow|2020-13-01|,halfgeleiderz|3,Narnia|2`,
      `${P}-good,Twice,,,no,,,CKN,,,`,
    ].join('\n');
    const report = await importExpertCsv(db.queries(), admin, csv, { dryRun: false, source: 'bad.csv' });
    expect(report.written).toBe(false);
    const byLine = report.problems.map((p) => `${p.line} ${p.field}`);
    // Line 2–3 is the good row (its quoted expertise list spans two lines): lines count in the file as an editor shows
    // them.
    expect(byLine).toEqual(
      expect.arrayContaining([
        '4 email',
        '5 contactConsent',
        '5 expertise[0].level',
        '6 affiliations[0].since',
        '6 expertise[0].theme',
        '6 countryFocus[0].country',
        '7 slug',
      ]),
    );
    expect(report.problems.find((p) => p.field === 'expertise[0].theme')?.message).toMatch(/halfgeleider/);
    expect(report.problems.some((p) => p.line === 3 || p.line === 2)).toBe(false);
    const [row] = await db
      .queries()
      .read<{ n: number }>('MATCH (e:Expert) WHERE e.id STARTS WITH $prefix RETURN count(e) AS n', {
        prefix: `${P}-good`,
      });
    expect(row!.n).toBe(0);
  });

  it('checks every cell’s form before anything reaches Neo4j, and reports every bad row together', async () => {
    const long = 'x'.repeat(201);
    const csv = [
      HEADER,
      `${P}-ok-one,Good One,,,no,,en,CKN,leiden-asia-centre|Fellow|2020-01-01|,semiconductors|3,CN|2`,
      // A real institution with an impossible date: this one used to reach date() in Neo4j and crash.
      `${P}-bad-date,Bad Date,,,no,,,CKN,leiden-asia-centre|Fellow|2020-13-01|2021-02-30,semiconductors|3,`,
      `${P}-bad-cells,${long},mail@@example,12,perhaps,,xx,CKN,` +
        'leiden-asia-centre|Fellow|2021-01-01|2020-01-01|extra,semiconductors|x|SURE;sanctions|,CN|0',
      `${P}-ok-two,Good Two,,,yes,,,CKN,,sanctions|2|VERIFIED,RU|4`,
      `Not A Slug,Bad Slug,,,no,,,CKN,,semiconductors|4|declared,`,
    ].join('\n');
    const report = await importExpertCsv(db.queries(), admin, csv, { dryRun: false, source: 'mixed.csv' });
    expect(report.written).toBe(false);
    expect(report.created).toEqual([]);
    const lines = report.problems.map((p) => `${p.line} ${p.field}`);
    expect(lines).toEqual([
      '3 affiliations[0].since',
      '3 affiliations[0].until',
      '4 contactConsent',
      '4 affiliations[0]',
      '4 affiliations[0].until',
      '4 expertise[0].level',
      '4 expertise[0].provenance',
      '4 expertise[1].level',
      '4 countryFocus[0].level',
      '4 name',
      '4 email',
      '4 phone',
      '4 languages[0]',
      '6 slug',
    ]);
    const message = (line: number, field: string) =>
      report.problems.find((p) => p.line === line && p.field === field)?.message;
    expect(message(3, 'affiliations[0].since')).toBe('"2020-13-01" is not a date as YYYY-MM-DD');
    expect(message(3, 'affiliations[0].until')).toBe('"2021-02-30" is not a date as YYYY-MM-DD');
    expect(message(4, 'affiliations[0].until')).toBe('2020-01-01 is before since (2021-01-01)');
    expect(message(4, 'expertise[0].level')).toBe('"x" is not a whole number from 1 to 5');
    expect(message(4, 'expertise[1].level')).toBe('is missing: give a level from 1 to 5');
    expect(message(4, 'countryFocus[0].level')).toBe('must be from 1 to 5 (got 0)');
    expect(message(4, 'name')).toBe('must be at most 200 characters (got 201)');
    const [row] = await db
      .queries()
      .read<{ n: number; changes: number }>(
        'RETURN COUNT { MATCH (e:Expert) WHERE e.id STARTS WITH $prefix } AS n, ' +
          'COUNT { MATCH (c:Change) WHERE c.subjectId STARTS WITH $prefix } AS changes',
        { prefix: `${P}-ok-` },
      );
    expect(row).toEqual({ n: 0, changes: 0 });
  });

  it('an old id of a merged expert updates the kept expert; both ids in one file are one expert twice', async () => {
    const [keep, gone] = [`${P}-kept`, `${P}-gone`];
    await db.queries().write(
      `MATCH (ckn:Network {id: 'ckn'})
       CREATE (k:Expert {id: $keep, name: 'Kept Fixture', version: 3})-[:MEMBER_OF]->(ckn)
       CREATE (g:MergedExpert {id: $gone})-[:MERGED_INTO]->(k)`,
      { keep, gone },
    );
    const headline = `slug,name,headline\n${gone},Kept Fixture,Via the old id`;
    const report = await importExpertCsv(db.queries(), admin, headline, { dryRun: false, source: 'merged.csv' });
    expect(report).toMatchObject({ updated: [keep], created: [], problems: [], written: true });
    const [kept] = await db
      .queries()
      .read('MATCH (e:Expert {id: $keep}) RETURN e.headline AS headline, e.version AS version', { keep });
    expect(kept).toEqual({ headline: 'Via the old id', version: 4 });
    expect(await db.queries().read('MATCH (e:Expert {id: $gone}) RETURN e', { gone })).toEqual([]);

    const twice = await importExpertCsv(db.queries(), admin, `slug,name\n${keep},Kept Fixture\n${gone},Kept Fixture`, {
      dryRun: false,
      source: 'twice.csv',
    });
    expect(twice.problems).toEqual([
      { line: 3, field: 'slug', message: `names the same expert ("${keep}") as line 2: merge the two rows` },
    ]);
  });

  it('refuses a file with unknown or missing columns before looking at rows', async () => {
    const report = await importExpertCsv(db.queries(), admin, 'name,mail\nA,B', { dryRun: false, source: 'x.csv' });
    expect(report.problems.map((p) => [p.line, p.field])).toEqual([
      [1, 'mail'],
      [1, 'slug'],
    ]);
  });

  it.each([[[]], [['--dry-run']]])(
    'runs from the command line %j: one line per problem, exit code 1, nothing written, no stack trace',
    { timeout: 60_000 },
    async (flags) => {
      const csv =
        `${HEADER}\n${P}-cli,CLI Row,,,no,,,CKN,,semiconductors|9,\n` +
        `${P}-cli-date,CLI Date,,,no,,,CKN,leiden-asia-centre|Fellow|2020-13-01|,,\n` +
        `${P}-cli-ok,CLI Fine,,,no,,,CKN,,,\n`;
      const { code, output } = await runImport(Buffer.from(csv), flags);
      expect(code).toBe(1);
      expect(output).toContain('line 2: expertise[0].level: must be from 1 to 5 (got 9)');
      expect(output).toContain('line 3: affiliations[0].since: "2020-13-01" is not a date as YYYY-MM-DD');
      expect(output).toContain('Nothing was written: 2 row(s) have problems');
      expect(output).not.toMatch(/\n\s+at |Neo4jError/);
      const [row] = await db
        .queries()
        .read<{ n: number }>('MATCH (e:Expert) WHERE e.id STARTS WITH $prefix RETURN count(e) AS n', {
          prefix: `${P}-cli`,
        });
      expect(row!.n).toBe(0);
    },
  );
});

/** Runs `npm run import` on a file of these bytes; its exit code and everything it printed. */
async function runImport(bytes: Uint8Array, flags: string[]): Promise<{ code: number | null; output: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'expertise-graph-import-'));
  try {
    const file = path.join(dir, 'experts.csv');
    await writeFile(file, bytes);
    return await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'src/cli/import-experts.ts', file, '--by', 'CLI test', ...flags],
        {
          cwd: ROOT,
          env: { ...process.env, NEO4J_URI: testServer().neo4jUri, AUTH_SECRET: '', AUTH_JWKS_URL: '' },
        },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (exitCode) => resolve({ code: exitCode, output }));
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Issue 18.7: what the import let through or failed on late. */
describe('npm run import: the file itself', () => {
  const names = async (prefix: string) =>
    (
      await db
        .queries()
        .read<{ name: string }>('MATCH (e:Expert) WHERE e.id STARTS WITH $prefix RETURN e.name AS name ORDER BY name', {
          prefix,
        })
    ).map((r) => r.name);

  it(
    'refuses a Latin-1 file, naming the line and the byte; with --encoding windows-1252 it imports "Jürgen" as written',
    { timeout: 120_000 },
    async () => {
      // "Jürgen Müller" and "Zoë" as Excel's "CSV" writes them on Western Windows: one byte per letter.
      const latin1 = Uint8Array.from(
        Array.from(
          `slug,name,networks\n${P}-enc-jan,Jan Encoding,CKN\n` +
            `${P}-enc-jurgen,J\u00FCrgen M\u00FCller,CKN\n${P}-enc-zoe,Zo\u00EB \u2019t Hart,CKN\n`,
        ).map((c) => (c === '\u2019' ? 0x92 : c.charCodeAt(0))),
      );
      const refused = await runImport(latin1, []);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(
        `line 3: file: is not UTF-8: byte 0xFC after "${P}-enc-jurgen,J" is not valid UTF-8`,
      );
      expect(refused.output).toMatch(/windows-1252/);
      expect(refused.output).not.toMatch(/\n\s+at /);
      expect(await names(`${P}-enc-`)).toEqual([]);

      const converted = await runImport(latin1, ['--encoding', 'windows-1252']);
      expect(converted.output).toContain('Imported. 3 rows: 3 new');
      expect(converted.code).toBe(0);
      expect(await names(`${P}-enc-`)).toEqual(['Jan Encoding', 'Jürgen Müller', 'Zoë ’t Hart']);
    },
  );

  it('refuses duplicate columns, naming the column and its positions, and writes nothing', async () => {
    const csv = `slug,name,headline,name\n${P}-dup,Dup Fixture,Chips,Dup Fixture Again`;
    const report = await importExpertCsv(db.queries(), admin, csv, { dryRun: false, source: 'dup.csv' });
    expect(report).toMatchObject({ written: false, rows: 0 });
    expect(report.problems).toEqual([
      { line: 1, field: 'name', message: 'appears 2 times (columns 2, 4): keep one of them' },
    ]);
    expect(await names(`${P}-dup`)).toEqual([]);
  });

  it('refuses control and bidi characters in names as createExpert does, and writes none of the rows', async () => {
    const csv = [
      'slug,name,headline,networks',
      `${P}-chars-ok,Chars Fine,Chips,CKN`,
      `${P}-chars-bidi,"Chars \u202Eeilrahc",Chips,CKN`,
      `${P}-chars-tab,Chars Tab,"Chips\tand more",CKN`,
    ].join('\n');
    const report = await importExpertCsv(db.queries(), admin, csv, { dryRun: false, source: 'chars.csv' });
    expect(report.written).toBe(false);
    expect(report.problems).toEqual([
      { line: 3, field: 'name', message: expect.stringContaining('U+202E RIGHT-TO-LEFT OVERRIDE') },
      { line: 4, field: 'headline', message: expect.stringContaining('U+0009 TAB') },
    ]);
    expect(await names(`${P}-chars`)).toEqual([]);
  });

  it(
    'refuses a file of more rows than one import takes ' +
      `(${MAX_IMPORT_ROWS}) at once, before any row is checked, and writes nothing`,
    async () => {
      const rows = Array.from({ length: 5 * MAX_IMPORT_ROWS }, (_, i) => `${P}-big-${i},Big Fixture ${i},CKN`);
      const started = Date.now();
      const report = await importExpertCsv(db.queries(), admin, ['slug,name,networks', ...rows].join('\n'), {
        dryRun: false,
        source: 'big.csv',
      });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(report).toMatchObject({ written: false, rows: 0, created: [] });
      expect(report.problems).toEqual([
        {
          line: MAX_IMPORT_ROWS + 2,
          field: 'file',
          message: expect.stringMatching(
            `^has ${5 * MAX_IMPORT_ROWS} rows; one import takes at most ${MAX_IMPORT_ROWS} .*split the file`,
          ),
        },
      ]);
      expect(await names(`${P}-big-`)).toEqual([]);
    },
  );
});
