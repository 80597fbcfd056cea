import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemViewer } from '../src/auth/viewer.js';
import { createContribution, updateContribution } from '../src/contributions/service.js';
import type { Database } from '../src/db/database.js';
import { DatabaseBusyError } from '../src/db/errors.js';
import { DomainError } from '../src/errors.js';
import { codedRefusal } from '../src/graphql/errors.js';
import { importExpertCsv } from '../src/experts/csv/import.js';
import { mergeExperts } from '../src/experts/duplicates/service.js';
import { eraseExpert } from '../src/experts/erasure/service.js';
import { createExpert, retireExpert, updateExpert } from '../src/experts/service.js';
import { answerInquiry, consultExpert } from '../src/inquiries/handling.js';
import { recordInquiry } from '../src/inquiries/record.js';
import { createTheme, updateTheme } from '../src/themes/service.js';
import { rankByTheme } from '../src/whoknows/repository.js';
import { readStandings, standingsQuestion } from '../src/whoknows/standings/read-repository.js';
import { rebuildStandings } from '../src/whoknows/standings/rebuild.js';
import { driftOf, RANKS } from '../src/whoknows/standings/store-repository.js';
import { connectTestDatabase, fixturePrefix, graphql } from './helpers/api.js';
import { maybeUnset } from './helpers/maybe-unset.js';

/**
 * The maintained standings against a from-scratch ranking, after every kind of write. Fixtures live under
 * their own theme tree (root > child > leaf, plus a side theme), so the rankings compared are this file's.
 */
const P = fixturePrefix('standings');
const viewer = systemViewer('test', 'Standings test');
const root = `${P}-root`;
const child = `${P}-child`;
const leaf = `${P}-leaf`;
const side = `${P}-side`;
let db: Database;

const version = async (label: string, id: string) => {
  const [row] = await db
    .queries()
    .read<{ version: number }>(`MATCH (n:${label} {id: $id}) RETURN coalesce(n.version, 1) AS version`, { id });
  return row!.version;
};

/** Stored standings of these experts (scores and facts) against what STANDING_SCORE says now. */
async function expectCurrent(ids: string[]): Promise<void> {
  const drift = await db.queries().writeTransaction((run) => driftOf(run, ids, 5));
  expect({
    missing: drift.missing,
    extra: drift.extra,
    wrongScore: drift.wrongScore,
    wrongFacts: drift.wrongFacts,
    examples: drift.examples,
  }).toEqual({
    missing: 0,
    extra: 0,
    wrongScore: 0,
    wrongFacts: 0,
    examples: [],
  });
}

type Place = Parameters<typeof standingsQuestion>[1];

/** Every page of the stored ranking (read by seek, page after page) equals the from-scratch ranking's. */
async function expectSameRanking(themeIds: string[], place: Place = null, size = 2): Promise<number> {
  const countryIds = place ? place.countries.map((c) => c.id) : null;
  const scratch = await rankByTheme(db.queries(), themeIds, { countryIds, after: null, limit: 1000 });
  const stored: Array<{ id: string; score: number }> = [];
  let after: [number, string] | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const { ranked } = await readStandings(db.queries(), standingsQuestion(themeIds, place, after, size + 1)!, {
      assumeFresh: true,
    });
    expect(ranked).toBeDefined();
    expect(ranked!.total).toBe(scratch.total);
    const page = ranked!.page.slice(0, size);
    stored.push(...page.map((hit) => ({ id: hit.expert.id, score: hit.score })));
    if (ranked!.page.length <= size) break;
    after = [page.at(-1)!.score, page.at(-1)!.expert.id];
  }
  expect(stored).toEqual(scratch.page.map((hit) => ({ id: hit.expert.id, score: hit.score })));
  return stored.length;
}

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

const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await connectTestDatabase();
  await createTheme(db.queries(), viewer, { slug: root, name: `Root ${P}`, nameNl: `Wortel ${P}` });
  await createTheme(db.queries(), viewer, { slug: child, name: `Child ${P}`, nameNl: `Kind ${P}`, broader: [root] });
  await createTheme(db.queries(), viewer, { slug: leaf, name: `Leaf ${P}`, nameNl: `Blad ${P}`, broader: [child] });
  await createTheme(db.queries(), viewer, { slug: side, name: `Side ${P}`, nameNl: `Zij ${P}` });
  ids.anna = await newExpert('Anna', { expertise: [level(root, 4)], countryFocus: [focus('FI', 5)] });
  ids.bram = await newExpert('Bram', { expertise: [level(child, 5, 'VERIFIED')], countryFocus: [focus('SE', 3)] });
  ids.cees = await newExpert('Cees', { expertise: [level(leaf, 3)], countryFocus: [focus('FI', 2), focus('EE', 4)] });
  ids.dirk = await newExpert('Dirk', { expertise: [level(side, 5)], countryFocus: [focus('NO', 4)] });
  ids.eva = await newExpert('Eva', { expertise: [level(child, 4), level(side, 4)] });
});

afterAll(async () => {
  await maybeUnset(db)?.close();
});

const nordic = (ids: string[]) => ({ region: { id: 'nordic-countries' }, countries: ids.map((id) => ({ id })) });

// Each test compares several rankings page by page on a machine shared with other engineers' Neo4js.
describe('stored standings after each write path', { timeout: 240_000 }, () => {
  it(
    'creating experts stores what a from-scratch ranking gives, ' +
      'for themes, narrower themes, countries and regions',
    async () => {
      await expectCurrent(Object.values(ids));
      expect(await expectSameRanking([root])).toBe(4);
      await expectSameRanking([child]);
      await expectSameRanking([root], { countries: [{ id: 'FI' }] });
      const [row] = await db
        .queries()
        .read<{ countries: string[] }>(
          `MATCH (r:Region {id: 'nordic-countries'})<-[:IN_REGION]-(c:Country) RETURN collect(c.id) AS countries`,
        );
      await expectSameRanking([root], nordic(row!.countries));
      // Several themes: scores add up, as from scratch.
      await expectSameRanking([child, side], null, 2);
    },
  );

  it('updating levels, provenance and focus moves the stored scores', async () => {
    await updateExpert(db.queries(), viewer, {
      id: ids.cees!,
      expectedVersion: await version('Expert', ids.cees!),
      expertise: [level(leaf, 5, 'VERIFIED')],
    });
    await updateExpert(db.queries(), viewer, {
      id: ids.anna!,
      expectedVersion: await version('Expert', ids.anna!),
      countryFocus: [focus('SE', 1)],
    });
    await expectCurrent([ids.anna!, ids.cees!]);
    await expectSameRanking([root]);
    await expectSameRanking([root], { countries: [{ id: 'FI' }] });
    await expectSameRanking([root], { countries: [{ id: 'SE' }] });
  });

  it('contributions count for their authors, also for an author who is taken off', async () => {
    const contribution = await createContribution(db.queries(), viewer, {
      kind: 'PUBLICATION',
      title: `Leaf work ${P}`,
      date: new Date('2025-05-01'),
      authors: [ids.dirk!, ids.eva!],
      themes: [leaf],
      countries: ['EE'],
    });
    await expectCurrent([ids.dirk!, ids.eva!]);
    await expectSameRanking([root], { countries: [{ id: 'EE' }] });
    await updateContribution(db.queries(), viewer, {
      id: contribution,
      expectedVersion: await version('Contribution', contribution),
      authors: [ids.eva!],
    });
    await expectCurrent([ids.dirk!, ids.eva!]);
    await expectSameRanking([root]);
    await expectSameRanking([root], { countries: [{ id: 'EE' }] });
  });

  it('an answered inquiry counts for the expert who answered it', async () => {
    const { inquiry } = await recordInquiry(db.queries(), viewer, {
      kind: 'EXPERTISE_REQUEST',
      question: `Who knows about leaves in Estonia? ${P}`,
      askedBy: 'min-bz',
      themes: [leaf],
      countries: ['EE'],
      routedTo: 'ckn',
    });
    await consultExpert(db.queries(), viewer, {
      id: inquiry.id,
      expectedVersion: await version('Inquiry', inquiry.id),
      expert: ids.bram!,
      outcome: 'ANSWERED',
    });
    await answerInquiry(db.queries(), viewer, {
      id: inquiry.id,
      expectedVersion: await version('Inquiry', inquiry.id),
      answerSummary: 'Answered.',
    });
    await expectCurrent([ids.bram!]);
    await expectSameRanking([root], { countries: [{ id: 'EE' }] });
    await expectSameRanking([leaf]);
  });

  it('a change in the theme hierarchy moves the standings of the experts under it', async () => {
    // The side theme goes under the child: its experts now stand for the child and the root as well.
    await updateTheme(db.queries(), viewer, {
      id: side,
      expectedVersion: await version('Theme', side),
      broader: [child],
    });
    await expectCurrent(Object.values(ids));
    await expectSameRanking([root]);
    await expectSameRanking([child]);
    await updateTheme(db.queries(), viewer, { id: side, expectedVersion: await version('Theme', side), broader: [] });
    await expectCurrent(Object.values(ids));
    await expectSameRanking([root]);
  });

  it('a CSV import keeps the standings of every row', async () => {
    const csv = [
      'slug,name,expertise,countryFocus',
      `${P}-frank,Frank ${P},${leaf}|4|DECLARED,FI|3|DECLARED`,
      `${P}-gert,Gert ${P},${child}|2|DECLARED; ${side}|5|DECLARED,`,
      `${ids.anna},Anna ${P},${root}|2|DECLARED,SE|1|DECLARED`,
    ].join('\n');
    const report = await importExpertCsv(db.queries(), viewer, csv, { dryRun: false, source: 'standings.csv' });
    expect(report.problems).toEqual([]);
    ids.frank = `${P}-frank`;
    ids.gert = `${P}-gert`;
    await expectCurrent(Object.values(ids));
    await expectSameRanking([root]);
    await expectSameRanking([root], { countries: [{ id: 'FI' }] });
  });

  it(
    'a CSV import of hundreds of rows rewrites their standings ' +
      'in its own transaction: none left for a background rebuild',
    async () => {
      // A theme of their own, so that the other tests' rankings stay small.
      const theme = `${P}-bulk`;
      await createTheme(db.queries(), viewer, { slug: theme, name: `Bulk ${P}`, nameNl: `Bulk ${P}` });
      // Each a surname of its own: 320 experts sharing one would be 51,040 likely-duplicate pairs for identity.test.ts
      // to page through.
      const rows = Array.from(
        { length: 320 },
        (_, i) =>
          `${P}-bulk-${String(i).padStart(3, '0')},Bulk ${P} Nr${i},` +
          `${theme}|${1 + (i % 5)}|DECLARED,${i % 3 ? 'FI' : 'SE'}|${1 + (i % 4)}|DECLARED`,
      );
      const report = await importExpertCsv(
        db.queries(),
        viewer,
        ['slug,name,expertise,countryFocus', ...rows].join('\n'),
        { dryRun: false, source: 'bulk.csv' },
      );
      expect(report.problems).toEqual([]);
      const bulk = rows.map((row) => row.split(',')[0]!);
      // Not marked stale for a background rebuild (complete, or a rebuild is running); the signature is not
      // asked, as this file's other tests write fixtures around audited().
      const [state] = await db
        .queries()
        .read<{ markedStale: boolean }>(
          'MATCH (s:StandingsState) RETURN s.complete = false AND s.rebuildId IS NULL AS markedStale',
        );
      expect(state!.markedStale).toBe(false);
      const { ranked } = await readStandings(db.queries(), standingsQuestion([theme], null, null, 21)!, {
        assumeFresh: true,
      });
      expect(ranked!.total).toBe(bulk.length);
      await expectCurrent(bulk);
      await expectSameRanking([theme], { countries: [{ id: 'SE' }] }, 50);
    },
  );

  it('retiring, merging and erasing take experts out of the stored ranking', async () => {
    await retireExpert(db.queries(), viewer, {
      id: ids.frank!,
      expectedVersion: await version('Expert', ids.frank!),
      reason: 'left',
    });
    await mergeExperts(db.queries(), viewer, {
      keep: ids.eva!,
      remove: ids.gert!,
      keepVersion: await version('Expert', ids.eva!),
      removeVersion: await version('Expert', ids.gert!),
    });
    const { anonymousId } = await eraseExpert(db.queries(), viewer, {
      id: ids.dirk!,
      expectedVersion: await version('Expert', ids.dirk!),
      reason: 'request',
    });
    const [left] = await db.queries().read<{ standings: number }>(
      `UNWIND $gone AS id
       CALL (id) { MATCH (n:Expert {id: id}) RETURN n UNION MATCH (n:MergedExpert {id: id}) RETURN n UNION
         MATCH (n:ErasedExpert {id: id}) RETURN n }
       RETURN COUNT { (n)<-[:${RANKS}]-() } AS standings`,
      { gone: [ids.frank, ids.gert, anonymousId] },
    );
    expect(left!.standings).toBe(0);
    await expectCurrent([ids.anna!, ids.bram!, ids.cees!, ids.eva!, ids.frank!]);
    await expectSameRanking([root]);
    await expectSameRanking([side]);
    await expectSameRanking([root], { countries: [{ id: 'FI' }] });
  });
});

describe('stored standings under concurrent writes', { timeout: 240_000 }, () => {
  it(
    'several clients writing at once, over HTTP and from a second process, ' +
      'leave the stored ranking equal to a from-scratch one',
    async () => {
      const team = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          newExpert(`Team${i}`, {
            expertise: [level(i % 2 ? child : leaf, 1 + (i % 5))],
            countryFocus: [focus('FI', 1 + (i % 3))],
          }),
        ),
      );
      const second = await connectTestDatabase();
      // One inquiry per expert, recorded and consulted through the second process.
      const inquiries = await Promise.all(
        team.map(
          async (_, i) =>
            (
              await recordInquiry(second.queries(), viewer, {
                kind: 'EXPERTISE_REQUEST',
                question: `Who knows about children in Finland, ${i}? ${P}`,
                askedBy: 'min-bz',
                themes: [child],
                countries: ['FI'],
                routedTo: 'ckn',
              })
            ).inquiry.id,
        ),
      );
      /** The second process records a consultation of the expert (answered in some rounds, declined in others). */
      const consultedBySecondProcess = async (expert: string, round: number) => {
        const inquiry = inquiries[team.indexOf(expert)]!;
        await consultExpert(second.queries(), viewer, {
          id: inquiry,
          expectedVersion: await version('Inquiry', inquiry),
          expert,
          outcome: round === 1 ? 'DECLINED' : 'ANSWERED',
        });
      };
      const update = `mutation($input: UpdateExpertInput!) { updateExpert(input: $input) { id } }`;
      const contribute = `mutation($input: CreateContributionInput!) { createContribution(input: $input) { id } }`;
      /**
       * Sends a write until it succeeds, as a client would: CONFLICT (someone else wrote the expert first) and
       * SERVICE_UNAVAILABLE (a transaction Neo4j gave up on under this load: deadlocks retried past the
       * driver's window) leave nothing written, so the write is read afresh and sent again.
       */
      const untilWritten = async (send: () => Promise<{ errors?: Array<{ extensions?: { code?: string } }> }>) => {
        for (let attempt = 0; attempt < 20; attempt++) {
          const result = await send();
          if (!result.errors) return;
          expect(['CONFLICT', 'SERVICE_UNAVAILABLE']).toContain(result.errors[0]!.extensions?.code);
        }
        throw new Error('a write did not get through in 20 attempts');
      };
      const writes: Array<Promise<unknown>> = [];
      for (let round = 0; round < 3; round++) {
        for (const [i, id] of team.entries()) {
          const partner = team[(i + 1) % team.length]!;
          writes.push(
            untilWritten(async () =>
              graphql(update, {
                input: {
                  id,
                  expectedVersion: await version('Expert', id),
                  expertise: [level(round % 2 ? leaf : child, 1 + ((round + i) % 5))],
                },
              }),
            ),
            untilWritten(() =>
              graphql(contribute, {
                input: {
                  kind: 'TALK',
                  title: `Round ${round} by ${i} ${P}`,
                  date: '2025-01-01',
                  authors: [id, partner],
                  themes: [round % 2 ? leaf : child],
                  countries: ['FI'],
                },
              }),
            ),
            // A second API process on the same database: the same code through a driver and pool of its own.
            untilWritten(async () => {
              // Its errors as a client would see them: a transient Neo4j error (a deadlock retried past the driver's
              // window) is "try again".
              return consultedBySecondProcess(id, round).then(
                () => ({}),
                (error: unknown) => ({
                  errors: [
                    error instanceof DatabaseBusyError
                      ? { extensions: { code: 'SERVICE_UNAVAILABLE' } }
                      : error instanceof DomainError
                        ? codedRefusal(error)
                        : { extensions: { code: String(error) } },
                  ],
                }),
              );
            }),
          );
        }
      }
      // Every write settles before anything is compared (a failed one must not leave others running into the next
      // test).
      const settled = await Promise.allSettled(writes);
      await second.close();
      expect(settled.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
      await expectCurrent([...team, ...Object.values(ids)]);
      await expectSameRanking([root], null, 5);
      await expectSameRanking([root], { countries: [{ id: 'FI' }] }, 5);
    },
  );
});

describe('when data is written around audited changes', { timeout: 240_000 }, () => {
  it('the read path notices, and a rebuild makes the stored ranking whole again', async () => {
    await db
      .queries()
      .write(
        'MATCH (t:Theme {id: $leaf}) CREATE (e:Expert {id: $id, ' +
          `name: 'Raw ' + $id})-[:EXPERT_IN {level: 5, provenance: 'DECLARED'}]->(t)`,
        { leaf, id: `${P}-raw` },
      );
    const question = standingsQuestion([root], null, null, 10)!;
    expect((await readStandings(db.queries(), question)).stale).toBe(true);
    await rebuildStandings(db.queries());
    await expectCurrent([`${P}-raw`, ...Object.values(ids)]);
    await expectSameRanking([root]);
  });
});
