import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemViewer } from '../src/auth/viewer.js';
import { createContribution } from '../src/contributions/service.js';
import type { Database } from '../src/db/database.js';
import { createExpert, retireExpert } from '../src/experts/service.js';
import { answerInquiry, consultExpert } from '../src/inquiries/handling.js';
import { recordInquiry } from '../src/inquiries/record.js';
import { createTheme } from '../src/themes/service.js';
import { luceneTerms } from '../src/text.js';
import { rankByText, rankByTheme, type RankedPage } from '../src/whoknows/repository.js';
import { rankTextFromStandings, rankThemeAndTextFromStandings } from '../src/whoknows/standings/text.js';
import { connectTestDatabase, fixturePrefix } from './helpers/api.js';
import { maybeUnset } from './helpers/maybe-unset.js';

/**
 * Questions with words, read from the stored standings (src/whoknows/standings/text.ts), against the
 * from-scratch ranking: the same experts in the same order, with the same scores, facts (what the reasons
 * are made of) and totals, page after page through the cursor; anywhere, in a country and in a region.
 * The words are this file's own (a made-up word), so that only its fixtures match them.
 */
const P = fixturePrefix('standings-text');
const WORD = `zirconflux${P.slice(-6).replace(/[^a-z]/g, 'q')}`;
const viewer = systemViewer('test', 'Standings text test');
const root = `${P}-root`;
const child = `${P}-child`;
const leaf = `${P}-leaf`;
const side = `${P}-side`;
let db: Database;
let nordicCountries: string[] = [];

const version = async (label: string, id: string) => {
  const [row] = await db
    .queries()
    .read<{ version: number }>(`MATCH (n:${label} {id: $id}) RETURN coalesce(n.version, 1) AS version`, { id });
  return row!.version;
};

const level = (theme: string, value: number, provenance?: 'DECLARED' | 'VERIFIED') => ({
  theme,
  level: value,
  ...(provenance ? { provenance } : {}),
});
const focus = (country: string, value: number) => ({ country, level: value });

async function newExpert(name: string, input: Record<string, unknown>): Promise<string> {
  return createExpert(db.queries(), viewer, {
    name: `${name} ${P}`,
    slug: `${P}-${name.toLowerCase()}`,
    networks: ['ckn'],
    ...input,
  });
}

async function contribution(
  title: string,
  authors: string[],
  themes: string[],
  countries: string[],
  date = '2025-03-01',
): Promise<void> {
  await createContribution(db.queries(), viewer, {
    kind: 'PUBLICATION',
    title: `${title} ${P}`,
    date: new Date(date),
    authors,
    themes,
    countries,
  });
}

beforeAll(async () => {
  db = await connectTestDatabase();
  const [row] = await db
    .queries()
    .read<{ countries: string[] }>(
      `MATCH (r:Region {id: 'nordic-countries'})<-[:IN_REGION]-(c:Country) RETURN collect(c.id) AS countries`,
    );
  nordicCountries = row!.countries;
  await createTheme(db.queries(), viewer, { slug: root, name: `Root ${P}`, nameNl: `Wortel ${P}` });
  await createTheme(db.queries(), viewer, { slug: child, name: `Child ${P}`, nameNl: `Kind ${P}`, broader: [root] });
  await createTheme(db.queries(), viewer, { slug: leaf, name: `Leaf ${P}`, nameNl: `Blad ${P}`, broader: [child] });
  await createTheme(db.queries(), viewer, { slug: side, name: `Side ${P}`, nameNl: `Zij ${P}` });
  // Found by the words, with standings: in the themes the words' contributions are about, and elsewhere.
  const anna = await newExpert('Anna', {
    headline: `${WORD} specialist`,
    expertise: [level(root, 4)],
    countryFocus: [focus('FI', 5)],
  });
  const bram = await newExpert('Bram', { expertise: [level(child, 5, 'VERIFIED')], countryFocus: [focus('SE', 3)] });
  const cees = await newExpert('Cees', {
    expertise: [level(leaf, 3), level(side, 4)],
    countryFocus: [focus('FI', 2), focus('EE', 4)],
  });
  await contribution(`${WORD} refining at scale`, [bram, cees], [leaf], ['FI']);
  await contribution(`Notes on ${WORD}`, [cees], [leaf, side], ['SE'], '2024-01-01');
  // Found by the words alone: a profile with a focus, one without, and one who answered an inquiry.
  await newExpert('Dora', { headline: `Writes about ${WORD}`, countryFocus: [focus('FI', 2)] });
  await newExpert('Emil', { bio: `Once heard of ${WORD}.` });
  const finn = await newExpert('Finn', { headline: 'Logistics', countryFocus: [focus('NO', 1)] });
  const { inquiry } = await recordInquiry(db.queries(), viewer, {
    kind: 'EXPERTISE_REQUEST',
    question: `Who knows about ${WORD} in Norway? ${P}`,
    askedBy: 'min-bz',
    themes: [side],
    countries: ['NO'],
    routedTo: 'ckn',
  });
  await consultExpert(db.queries(), viewer, {
    id: inquiry.id,
    expectedVersion: await version('Inquiry', inquiry.id),
    expert: finn,
    outcome: 'ANSWERED',
  });
  await answerInquiry(db.queries(), viewer, {
    id: inquiry.id,
    expectedVersion: await version('Inquiry', inquiry.id),
    answerSummary: `Yes, ${WORD} is known here.`,
  });
  // Retired: found by the words, never ranked.
  const gone = await newExpert('Gone', { headline: `${WORD} veteran`, expertise: [level(leaf, 5)] });
  await retireExpert(db.queries(), viewer, {
    id: gone,
    expectedVersion: await version('Expert', gone),
    reason: 'left',
  });
  // Not found by the words: they stand in the themes only (ties among them on purpose).
  for (let i = 0; i < 7; i++) {
    await newExpert(`Team${i}`, {
      expertise: [level(i % 2 ? child : leaf, 1 + (i % 3))],
      countryFocus: [focus(i % 2 ? 'FI' : 'SE', 1 + (i % 2))],
    });
  }
  expect(anna).toBeDefined();
}, 240_000);

afterAll(async () => {
  await maybeUnset(db)?.close();
});

type Place = Parameters<typeof rankTextFromStandings>[2];
/** Where: anywhere, a country, another country, a region (its countries read in beforeAll). */
const places: Array<{ name: string; place: () => Place }> = [
  { name: 'anywhere', place: () => null },
  { name: 'in Finland', place: () => ({ countries: [{ id: 'FI', name: 'Finland' }], region: null }) },
  { name: 'in Sweden', place: () => ({ countries: [{ id: 'SE', name: 'Sweden' }], region: null }) },
  {
    name: 'in the Nordic countries',
    place: () => ({
      countries: nordicCountries.map((id) => ({ id, name: id })),
      region: { id: 'nordic-countries', name: 'Nordic countries' },
    }),
  },
];

/** Every page read by `read` (size 2, then by cursor) put together, and the total each page gave. */
async function allPages<F>(
  read: (after: [number, string] | null, limit: number) => Promise<RankedPage<F> | null>,
): Promise<{ total: number; hits: RankedPage<F>['page'] }> {
  const hits: RankedPage<F>['page'] = [];
  const totals = new Set<number>();
  let after: [number, string] | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const ranked = await read(after, 3);
    expect(ranked).not.toBeNull();
    totals.add(ranked!.total);
    const page = ranked!.page.slice(0, 2);
    hits.push(...page);
    if (ranked!.page.length <= 2) break;
    after = [page.at(-1)!.score, page.at(-1)!.expert.id];
  }
  expect(totals.size).toBe(1);
  return { total: [...totals][0]!, hits };
}

const shown = <F>(page: RankedPage<F>['page']) =>
  page.map((hit) => ({ id: hit.expert.id, score: hit.score, facts: hit.facts }));

/** The stored pages, put together, against the from-scratch ranking: the same total, experts, scores and facts. */
async function expectAsFromScratch<F>(
  scratch: () => Promise<RankedPage<F>>,
  read: (after: [number, string] | null, limit: number) => Promise<RankedPage<F> | null>,
  minimum: number,
): Promise<RankedPage<F>['page']> {
  const fromScratch = await scratch();
  expect(fromScratch.total).toBeGreaterThan(minimum);
  const stored = await allPages(read);
  expect(stored.total).toBe(fromScratch.total);
  expect(shown(stored.hits)).toEqual(shown(fromScratch.page));
  return stored.hits;
}

describe('free text from the stored standings', { timeout: 240_000 }, () => {
  for (const { name, place } of places) {
    it(`ranks as from scratch ${name}: experts, scores, reasons' facts, total, pages by cursor`, async () => {
      const asked = place();
      const countryIds = asked ? asked.countries.map((c) => c.id) : null;
      const textQuery = luceneTerms(WORD);
      const stored = await expectAsFromScratch(
        () => rankByText(db.queries(), textQuery, { countryIds, after: null, limit: 1000 }),
        (after, limit) => rankTextFromStandings(db.queries(), textQuery, asked, after, limit, { assumeFresh: true }),
        0,
      );
      expect(stored.map((hit) => hit.expert.id)).not.toContain(`${P}-gone`);
    });
  }
});

describe('themes with words beside them from the stored standings', { timeout: 240_000 }, () => {
  const questions = [
    { name: 'a broad theme', themes: () => [root] },
    { name: 'a narrow theme', themes: () => [leaf] },
    { name: 'several themes', themes: () => [child, side] },
  ];
  for (const question of questions) {
    for (const { name, place } of places) {
      it(`ranks ${question.name} with words as from scratch ${name}`, async () => {
        const asked = place();
        const countryIds = asked ? asked.countries.map((c) => c.id) : null;
        const textQuery = luceneTerms(WORD);
        const themeIds = question.themes();
        await expectAsFromScratch(
          () => rankByTheme(db.queries(), themeIds, { countryIds, after: null, limit: 1000 }, textQuery),
          (after, limit) =>
            rankThemeAndTextFromStandings(db.queries(), themeIds, textQuery, asked, after, limit, {
              assumeFresh: true,
            }),
          2,
        );
      });
    }
  }

  it('ranks from scratch (null) where the standings keep no place: several countries without a region', async () => {
    const place = {
      countries: [
        { id: 'FI', name: 'Finland' },
        { id: 'SE', name: 'Sweden' },
      ],
      region: null,
    };
    expect(
      await rankThemeAndTextFromStandings(db.queries(), [root], luceneTerms(WORD), place, null, 3, {
        assumeFresh: true,
      }),
    ).toBeNull();
    expect(
      await rankTextFromStandings(db.queries(), luceneTerms(WORD), place, null, 3, { assumeFresh: true }),
    ).toBeNull();
  });
});
