import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { keepDuplicatePairs } from '../src/experts/duplicates/upkeep.js';
import { isoCountries } from '../seed/countries.js';
import { readSeedData, seedGraph } from '../seed/load.js';
import { connectTestDatabase } from './helpers/api.js';

let db: Database;
beforeAll(async () => {
  db = await connectTestDatabase();
});
afterAll(() => db.close());

/** Every id the seed writes (status changes are `<inquiry id>#<n>`). */
async function seedIds(): Promise<string[]> {
  const data = await readSeedData();
  return [
    ...isoCountries().map((c) => c.id),
    ...[data.regions, data.themes, data.institutions, data.networks, data.experts, data.inquiries, data.people].flatMap(
      (list) => list.map((x) => x.id),
    ),
    ...data.experts.flatMap((e) => e.contributions.map((k) => k.id)),
  ];
}

/**
 * Everything the seed wrote, as one hash: only nodes with a seed id count, not the standings, change records
 * or anything else written beside them.
 */
const seeded = (v: string) => `(${v}.id IN $ids OR split(${v}.id, '#')[0] IN $ids)`;

async function fingerprint(): Promise<{ nodes: number; relationships: number; hash: string }> {
  const ids = await seedIds();
  const nodes = await db.queries().read(
    `MATCH (x) WHERE ${seeded('x')}
     RETURN labels(x) AS labels, properties(x) AS props ORDER BY labels(x)[0], x.id`,
    { ids },
  );
  const relationships = await db.queries().read(
    `MATCH (a)-[r]->(b) WHERE ${seeded('a')} AND ${seeded('b')}
     RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to`,
    { ids },
  );
  const hash = createHash('sha256')
    .update(JSON.stringify([nodes, relationships]))
    .digest('hex');
  return { nodes: nodes.length, relationships: relationships.length, hash };
}

describe('the seed graph', () => {
  it('is idempotent: seeding again changes nothing', async () => {
    const before = await fingerprint();
    await seedGraph(db.queries(), await readSeedData());
    expect(await fingerprint()).toEqual(before);
  });

  it('leaves its duplicate pairs marked current: a start redoes them only when the marker is gone', async () => {
    const lines: string[] = [];
    const keep = () => keepDuplicatePairs(db.queries(), (line) => lines.push(line));
    const pairs = () => db.queries().read('MATCH ()-[r:POSSIBLY_SAME]->() RETURN count(r) AS n');
    const before = await pairs();
    await keep();
    expect(lines).toEqual([]);
    // A database from before the marker: every pair worked out again, once.
    await db.queries().write('MATCH (state:DuplicatePairsState) DELETE state');
    await keep();
    await keep();
    expect(lines).toEqual([
      expect.stringMatching(/^Likely duplicate pairs never all worked out for this graph .*: working them out…$/),
      expect.stringMatching(/^Likely duplicate pairs worked out in \d+\.\d s\.$/),
    ]);
    expect(await pairs()).toEqual(before);
  });

  it('holds the real networks, secretariats, ministries and all ISO countries', async () => {
    const [counts] = await db.queries().read<Record<string, number>>(
      `RETURN COUNT { (:Country) } AS countries,
              COUNT { (c:Country) WHERE c.nameNl IS NOT NULL AND c.alpha3 IS NOT NULL } AS namedCountries,
              COUNT { (:Institution {kind: 'MINISTRY'}) } AS ministries,
              COUNT { (:Institution {id: 'rvo'}) } AS rvo,
              COUNT { (:Institution)-[:SECRETARIAT_OF]->(:Network {id: 'ckn'}) } AS cknSecretariat,
              COUNT { (:Institution)-[:SECRETARIAT_OF]->(:Network {id: 'reka'}) } AS rekaSecretariat`,
    );
    const iso = isoCountries().length;
    expect(iso).toBeGreaterThanOrEqual(249);
    expect(counts).toEqual({
      countries: iso,
      namedCountries: iso,
      ministries: 7,
      rvo: 1,
      cknSecretariat: 2,
      rekaSecretariat: 2,
    });
  });

  it('holds the desk’s and the secretariats’ people as persons (one record each: no Handler nodes)', async () => {
    const people = (await readSeedData()).people;
    const rows = await db.queries().read<{ id: string; roles: string[]; networks: string[]; seen: boolean }>(
      `MATCH (p:Person) WHERE p.id IN $ids
       RETURN p.id AS id, p.roles AS roles, p.networks AS networks, p.seenAt IS NOT NULL AS seen ORDER BY id`,
      { ids: people.map((p) => p.id) },
    );
    expect(rows).toEqual(
      people
        .map((p) => ({ id: p.id, roles: p.roles, networks: p.networks, seen: true }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    const [handlers] = await db.queries().read<{ count: number }>('MATCH (h:Handler) RETURN count(h) AS count');
    expect(handlers?.count).toBe(0);
    // Every team has people to assign its inquiries to and to notify.
    for (const team of ['knowledge-security-desk', 'ckn', 'reka'])
      expect(
        people.some((p) => (team === 'knowledge-security-desk' ? p.roles.includes('desk') : p.networks.includes(team))),
        team,
      ).toBe(true);
  });

  it('has a taxonomy of at least 60 themes with Dutch names and a broader/narrower structure', async () => {
    const [row] = await db.queries().read<{ themes: number; dutch: number; narrower: number; cycles: number }>(
      `MATCH (t:Theme) WHERE NOT t.id STARTS WITH 'fx-'
       RETURN count(t) AS themes, count(t.nameNl) AS dutch,
              COUNT { (n:Theme)-[:BROADER]->(:Theme) WHERE NOT n.id STARTS WITH 'fx-' } AS narrower,
              COUNT { (c:Theme)-[:BROADER*1..10]->(c) } AS cycles`,
    );
    expect(row!.themes).toBeGreaterThanOrEqual(60);
    expect(row!.dutch).toBe(row!.themes);
    expect(row!.narrower).toBeGreaterThan(40);
    expect(row!.cycles).toBe(0);
  });

  it('has at least 80 experts with affiliations, levels, country focus and contributions', async () => {
    const [row] = await db.queries().read<Record<string, number>>(
      `MATCH (e:Expert) WHERE e.id IN $ids
       RETURN count(e) AS experts,
              sum(CASE WHEN EXISTS { (e)-[:AFFILIATED_WITH]->() } AND EXISTS { (e)-[:EXPERT_IN]->() }
                        AND EXISTS { (e)-[:FOCUSES_ON]->() } AND EXISTS { (e)<-[:BY]-() } THEN 1 ELSE 0
                          END) AS complete,
              sum(CASE WHEN EXISTS { (e)-[:FOCUSES_ON]->(c:Country) WHERE
                  NOT EXISTS { (e)-[:AFFILIATED_WITH]->()-[:LOCATED_IN]->(c) } }
                  THEN 1 ELSE 0 END) AS focusAbroad`,
      { ids: (await readSeedData()).experts.map((e) => e.id) },
    );
    expect(row!.experts).toBeGreaterThanOrEqual(80);
    expect(row!.complete).toBe(row!.experts);
    expect(row!.focusAbroad).toBeGreaterThan(row!.experts! / 2);
    const levels = await db
      .queries()
      .read<{ level: number }>(`MATCH ()-[r:EXPERT_IN|FOCUSES_ON]->() RETURN DISTINCT r.level AS level`);
    for (const { level } of levels) expect(level >= 1 && level <= 5).toBe(true);
  });
});
