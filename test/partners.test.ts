/**
 * The partner file and screening lists (issue 22) on the real Neo4j: the desk adds a foreign institution, inquiries
 * about it show in its file as far as each viewer may see them, a new one says what is also open, and a screening
 * list's import proposes candidates that a person confirms (a flag) or rejects (never proposed again); a newer
 * version delists; bad files write nothing. Everything under this file's own names (a random word in every name).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { connectTestDatabase, fixturePrefix, graphql, type Actor } from './helpers/api.js';

const P = fixturePrefix('partners');
/** A word no other name in the graph has: letters only, so that the fuzzy name search treats it as a word. */
const WORD = `qz${Math.random()
  .toString(36)
  .replace(/[^a-z]/g, '')
  .slice(0, 6)}x`;
const PARTNER_NAME = `${WORD} Polytechnic Institute`;
const otherOfficer: Actor = { subject: `${P}-officer-2`, name: 'Other officer', roles: ['officer'] };
let db: Database;
let partner: string;
/** The dates of this file's list versions: far ahead of any other, one after another. */
const year = 2090 + Math.floor(Math.random() * 400);

const RECORD = `mutation ($input: RecordInquiryInput!) {
  recordInquiry(input: $input) { inquiry { slug } alsoOpen { slug askedBy { slug } handler { name } } }
}`;
const FILE = `query ($slug: String!) {
  institution(slug: $slug) {
    partnerFile { inquiries { slug } advice { slug answerSummary } open { slug } riskCategories { category count } }
  }
}`;
const SCREENING = `query ($slug: String!) {
  institution(slug: $slug) { flagged screening { entryId status name list programme listedSince sourceVersion
    sourceDate delistedOn decidedBy } }
}`;
const IMPORT = `mutation ($input: ImportScreeningListInput!) {
  importScreeningList(input: $input) { versionId list publishedOn entries delisted proposed }
}`;

const csl = (rows: string[]) =>
  ['_id,source,entity_number,type,programs,name,addresses,start_date,source_list_url,alt_names', ...rows].join('\n');
const EL = 'Entity List (EL) - Bureau of Industry and Security';
const URL = 'https://www.bis.gov/entity-list';
const ENTRY_1 = `${P}-1,${EL},,,,${WORD} Polytechnik Institute,"Road 1, Harbin, CN",2021-03-04,${URL},${WORD} PI`;
const ENTRY_2 = `${P}-2,${EL},,,,${WORD} Polytechnic Institute Shipyard,"Road 2, Dalian, CN",2022-05-06,${URL},`;
const CSL_V1 = csl([ENTRY_1, ENTRY_2]);

async function record(as: Actor, question: string) {
  const response = await graphql(
    RECORD,
    {
      input: {
        kind: 'KNOWLEDGE_SECURITY',
        askedBy: 'tu-delft',
        partner,
        question,
        riskCategories: ['UNWANTED_TRANSFER'],
      },
    },
    { as },
  );
  expect(response.errors).toBeUndefined();
  return response.data.recordInquiry as { inquiry: { slug: string }; alsoOpen: Array<{ slug: string }> };
}

async function versions() {
  const response = await graphql('{ screeningListVersions { id } }', {}, { as: 'desk' });
  return (response.data.screeningListVersions as Array<{ id: string }>).length;
}

beforeAll(async () => {
  db = await connectTestDatabase();
  const created = await graphql(
    `
      mutation ($input: CreateInstitutionInput!) {
        createInstitution(input: $input) {
          slug
          originalName
          transliterations
          aliases
          kind
          parent {
            slug
          }
        }
      }
    `,
    {
      input: {
        slug: `${P}-institute`,
        name: PARTNER_NAME,
        nameNl: PARTNER_NAME,
        originalName: `${WORD}理工学院`,
        transliterations: [`${WORD} Ligong Xueyuan`],
        aliases: [`${WORD} PI`, `${WORD} PI`],
        kind: 'RESEARCH_INSTITUTE',
        country: 'CN',
        parent: 'chinese-academy-of-sciences',
      },
    },
    { as: 'desk' },
  );
  expect(created.errors).toBeUndefined();
  expect(created.data.createInstitution).toEqual({
    slug: `${P}-institute`,
    originalName: `${WORD}理工学院`,
    transliterations: [`${WORD} Ligong Xueyuan`],
    aliases: [`${WORD} PI`],
    kind: 'RESEARCH_INSTITUTE',
    parent: { slug: 'chinese-academy-of-sciences' },
  });
  partner = `${P}-institute`;
});

afterAll(async () => {
  await db.queries().write(
    `MATCH (n) WHERE n.id STARTS WITH $p OR (n:ScreeningEntry AND n.name CONTAINS $word)
        OR (n:Inquiry AND n.question CONTAINS $word)
     DETACH DELETE n`,
    { p: P, word: WORD },
  );
  await db.close();
});

describe('the partner file', () => {
  let first: string;
  let second: string;
  let third: string;

  it('says, on recording, which inquiries about the partner are also open, as far as one may see', async () => {
    const a = await record('officer', `May we start a joint lab with ${PARTNER_NAME} on radar materials?`);
    expect(a.alsoOpen).toEqual([]);
    first = a.inquiry.slug;
    const b = await record('desk', `A visiting researcher from ${PARTNER_NAME} asks for cleanroom access.`);
    expect(b.alsoOpen.map((i) => i.slug)).toEqual([first]);
    second = b.inquiry.slug;
    // The other officer may not see the two internal inquiries: no notice of them either.
    const c = await record(otherOfficer, `Can our PhD student present at ${PARTNER_NAME}?`);
    expect(c.alsoOpen).toEqual([]);
    third = c.inquiry.slug;
    // The desk's view of an inquiry says the same (also after an edit).
    const seen = await graphql(
      `
        query ($id: String!) {
          inquiry(slug: $id) {
            alsoOpen {
              slug
            }
          }
        }
      `,
      { id: first },
      { as: 'desk' },
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data.inquiry.alsoOpen.map((i: { slug: string }) => i.slug).sort()).toEqual([second, third].sort());
  });

  it('lists answered inquiries first with their advice, then the open ones, and the risks seen', async () => {
    const answered = await graphql(
      `
        mutation ($input: AnswerInquiryInput!) {
          answerInquiry(input: $input) {
            status
          }
        }
      `,
      {
        input: {
          id: second,
          expectedVersion: 1,
          answerSummary: `Cleanroom access only with an export check (${WORD}).`,
        },
      },
      { as: 'desk' },
    );
    expect(answered.errors).toBeUndefined();
    const desk = await graphql(FILE, { slug: partner }, { as: 'desk' });
    expect(desk.errors).toBeUndefined();
    const file = desk.data.institution.partnerFile;
    expect(file.inquiries.map((i: { slug: string }) => i.slug)).toEqual([second, first, third]);
    expect(file.advice).toEqual([{ slug: second, answerSummary: expect.stringContaining(WORD) as unknown }]);
    expect(file.open.map((i: { slug: string }) => i.slug)).toEqual([first, third]);
    expect(file.riskCategories).toEqual([{ category: 'UNWANTED_TRANSFER', count: 3 }]);
  });

  it('shows an officer only what the officer may see, and a dashboard nothing', async () => {
    const officer = await graphql(FILE, { slug: partner }, { as: otherOfficer });
    expect(officer.errors).toBeUndefined();
    expect(officer.data.institution.partnerFile.inquiries.map((i: { slug: string }) => i.slug)).toEqual([third]);
    expect(officer.data.institution.partnerFile.advice).toEqual([]);
    const viewer = await graphql(FILE, { slug: partner }, { as: 'viewer' });
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(viewer.data?.institution?.partnerFile ?? null).toBeNull();
  });
});

describe('screening lists', () => {
  it('refuse a bad file with where and what, and write nothing', async () => {
    const before = await versions();
    const broken = csl([`${P}-9,Entity List,,,,,"Road, CN",2021-13-01,,`]);
    const response = await graphql(
      IMPORT,
      { input: { format: 'US_CONSOLIDATED_SCREENING_CSV', publishedOn: `${year}-01-01`, content: broken } },
      { as: 'desk' },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/nothing was written: line 2: the name is empty/);
    expect(await versions()).toBe(before);
    const notXml = await graphql(
      IMPORT,
      {
        input: { format: 'EU_FINANCIAL_SANCTIONS_XML', publishedOn: `${year}-01-01`, content: '<export><x></export>' },
      },
      { as: 'desk' },
    );
    expect(notXml.errors?.[0]?.message).toMatch(/line 1: not well-formed XML/);
    expect(await versions()).toBe(before);
  });

  it('are imported by the desk and administrators only', async () => {
    const input = { format: 'US_CONSOLIDATED_SCREENING_CSV', publishedOn: `${year}-01-01`, content: CSL_V1 };
    for (const as of ['officer', 'secretariat'] as const)
      expect((await graphql(IMPORT, { input }, { as })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('propose candidates by fuzzy name; confirmed becomes a flag, rejected is not proposed again', async () => {
    const imported = await graphql(
      IMPORT,
      { input: { format: 'US_CONSOLIDATED_SCREENING_CSV', publishedOn: `${year}-01-01`, content: CSL_V1 } },
      { as: 'desk' },
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importScreeningList).toMatchObject({ entries: 2, publishedOn: `${year}-01-01` });
    const proposed = await graphql(SCREENING, { slug: partner }, { as: 'desk' });
    const candidates = proposed.data.institution.screening as Array<{ entryId: string; name: string; status: string }>;
    expect(candidates.map((c) => [c.name, c.status]).sort()).toEqual([
      [`${WORD} Polytechnic Institute Shipyard`, 'PROPOSED'],
      [`${WORD} Polytechnik Institute`, 'PROPOSED'],
    ]);
    expect(proposed.data.institution.flagged).toBe(false);
    // An officer sees no candidates: they are no flags.
    expect((await graphql(SCREENING, { slug: partner }, { as: 'officer' })).data.institution.screening).toEqual([]);

    const decide = (entry: string, decision: string) =>
      graphql(
        `
          mutation ($input: DecideScreeningMatchInput!) {
            decideScreeningMatch(input: $input) {
              slug
            }
          }
        `,
        { input: { institution: partner, entry, decision, note: 'checked the address' } },
        { as: 'desk' },
      );
    const byName = (name: string) => candidates.find((c) => c.name === name)!.entryId;
    expect((await decide(byName(`${WORD} Polytechnik Institute`), 'CONFIRMED')).errors).toBeUndefined();
    expect((await decide(byName(`${WORD} Polytechnic Institute Shipyard`), 'REJECTED')).errors).toBeUndefined();
    expect((await decide('no-such-entry', 'CONFIRMED')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const again = await graphql(
      `
        mutation ($i: String!) {
          screenInstitution(institution: $i)
        }
      `,
      { i: partner },
      { as: 'desk' },
    );
    expect(again.data.screenInstitution).toBe(0);
    const officer = await graphql(SCREENING, { slug: partner }, { as: 'officer' });
    expect(officer.data.institution).toMatchObject({
      flagged: true,
      screening: [
        {
          status: 'CONFIRMED',
          list: 'US Consolidated Screening List',
          programme: 'Entity List (EL)',
          listedSince: '2021-03-04',
          sourceDate: `${year}-01-01`,
          delistedOn: null,
          decidedBy: expect.any(String) as unknown,
        },
      ],
    });
    const desk = await graphql(SCREENING, { slug: partner }, { as: 'desk' });
    expect(desk.data.institution.screening.map((m: { status: string }) => m.status)).toEqual(['CONFIRMED', 'REJECTED']);
    // The desk's list filter finds the inquiries about the flagged partner.
    const flagged = await graphql(
      `{ inquiries(filter: {partnerFlagged: true, text: "${WORD}"}) { edges { node { slug } } } }`,
      {},
      { as: 'desk' },
    );
    expect(flagged.errors).toBeUndefined();
    expect(flagged.data.inquiries.edges.length).toBeGreaterThanOrEqual(2);
  });

  it('delist an entry a newer version no longer holds, and refuse a version not newer than the last', async () => {
    const older = await graphql(
      IMPORT,
      { input: { format: 'US_CONSOLIDATED_SCREENING_CSV', publishedOn: `${year}-01-01`, content: CSL_V1 } },
      { as: 'desk' },
    );
    expect(older.errors?.[0]?.message).toMatch(/already imported: import a version published after it/);
    const v2 = csl([ENTRY_2]);
    const imported = await graphql(
      IMPORT,
      { input: { format: 'US_CONSOLIDATED_SCREENING_CSV', publishedOn: `${year}-02-01`, content: v2 } },
      { as: 'desk' },
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importScreeningList.delisted).toBeGreaterThanOrEqual(1);
    const after = await graphql(SCREENING, { slug: partner }, { as: 'desk' });
    expect(after.data.institution.flagged).toBe(false);
    expect(after.data.institution.screening[0]).toMatchObject({
      status: 'CONFIRMED',
      delistedOn: `${year}-02-01`,
      sourceDate: `${year}-02-01`,
    });
  });
});
