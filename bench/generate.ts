/**
 * Synthetic national-scale graph for the benchmark: the real seed (themes, countries, regions,
 * institutions, networks) plus N invented experts with affiliations, memberships, expertise, country
 * focus and contributions.
 *
 * Deterministic: expert i is drawn from its own PRNG stream (seeded by i), so any batch can be
 * (re)generated on its own and a resumed run writes exactly what an uninterrupted one would.
 * Idempotent: everything is MERGEd on ids; each batch is one transaction.
 */
import type { Queries } from '../src/db/database.js';
import { isoCountries } from '../seed/countries.js';
import { readSeedData, seedGraph, type SeedData } from '../seed/load.js';
import { refreshAllDuplicateCandidates } from '../src/experts/duplicates/repository.js';
import { surnameKey } from '../src/text.js';
import { rebuildStandings } from '../src/whoknows/standings/rebuild.js';
import { expected } from './http.js';

export const BENCH_ID_PREFIX = 'bench-expert-';
const BATCH_SIZE = 2_000;

/** Small fast PRNG with a 32-bit state: good enough for test data, and reproducible everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T =>
  expected(items[Math.floor(rng() * items.length)], 'an item to pick');

/** Picks from items by weight in O(log n), via cumulative weights. */
class Weighted<T> {
  private readonly cumulative: number[] = [];
  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    let sum = 0;
    for (const w of weights) this.cumulative.push((sum += w));
  }
  pick(rng: Rng): T {
    const target = rng() * expected(this.cumulative.at(-1), 'a weight');
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (expected(this.cumulative[mid], 'a cumulative weight') > target) hi = mid;
      else lo = mid + 1;
    }
    return expected(this.items[lo], 'an item to pick');
  }
  /** `count` distinct items (fewer only if there are not enough). */
  distinct(rng: Rng, count: number): T[] {
    const chosen = new Set<T>();
    for (let tries = 0; chosen.size < Math.min(count, this.items.length) && tries < count * 20; tries++)
      chosen.add(this.pick(rng));
    return [...chosen];
  }
}

// Themes most people in these networks claim; they lead the Zipf ranking, the rest follow in seed order.
const POPULAR_THEMES = [
  'china-russia-relations',
  'semiconductors',
  'sanctions',
  'war-in-ukraine',
  'export-controls',
  'economic-security',
  'knowledge-security',
  'disinformation',
  'energy',
  'artificial-intelligence',
  'ccp',
  'supply-chains',
  'defence',
];
// Country focus in these networks: China and Russia first, then their neighbours; every other country is possible.
const COUNTRY_WEIGHTS: Record<string, number> = {
  CN: 30,
  RU: 25,
  UA: 12,
  TW: 8,
  BY: 6,
  KZ: 5,
  NL: 5,
  US: 4,
  HK: 3,
  GE: 3,
  UZ: 3,
  KG: 2,
  MD: 2,
  AM: 2,
  AZ: 2,
  LT: 2,
  PL: 2,
  DE: 2,
  JP: 2,
  KR: 2,
  IN: 2,
  TJ: 1.5,
  TM: 1.5,
  MN: 1.5,
  EE: 1.5,
  LV: 1.5,
  FI: 1.5,
  TR: 1.5,
};
const OTHER_COUNTRY_WEIGHT = 0.15;

const FIRST_NAMES = [
  'Anna',
  'Bas',
  'Chen',
  'Daan',
  'Eva',
  'Fleur',
  'Gijs',
  'Hanna',
  'Iris',
  'Jan',
  'Karin',
  'Lars',
  'Mila',
  'Noor',
  'Olga',
  'Pieter',
  'Quinten',
  'Roos',
  'Sanne',
  'Tomas',
  'Ursula',
  'Vera',
  'Wouter',
  'Xin',
  'Yara',
  'Zeynep',
  'Aleksandr',
  'Bohdan',
  'Dilnoza',
  'Irina',
  'Jasper',
  'Lotte',
  'Mei',
  'Nadia',
  'Oleksandra',
  'Ruben',
  'Sofia',
  'Timur',
  'Wei',
  'Yulia',
];
const LAST_NAMES = [
  'de Vries',
  'Jansen',
  'van Dijk',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'de Graaf',
  'van der Meer',
  'Kok',
  'Jacobs',
  'de Haan',
  'Vermeulen',
  'van den Berg',
  'Huisman',
  'Koster',
  'Prins',
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Ivanova',
  'Petrenko',
  'Kovalenko',
  'Nazarbayeva',
  'Lin',
  'Huang',
  'Novak',
  'Kowalski',
  'Schmidt',
  'Andersson',
  'Tamm',
  'Berzins',
  'Kaya',
  'Sato',
  'Kim',
  'Rahimov',
];
const ROLES = [
  'Research Fellow',
  'Senior Research Fellow',
  'Assistant Professor',
  'Associate Professor',
  'Professor',
  'Policy Officer',
  'Senior Policy Advisor',
  'Strategic Analyst',
  'PhD Candidate',
  'Postdoctoral Researcher',
  'Lecturer',
];
// Words for titles and summaries: domain terms so that full-text search hits a realistic share of them.
const WORDS = [
  'rare',
  'earth',
  'refining',
  'lithium',
  'graphite',
  'gallium',
  'magnets',
  'mining',
  'processing',
  'dependency',
  'chip',
  'foundry',
  'wafer',
  'lithography',
  'equipment',
  'licensing',
  'controls',
  'dual-use',
  'military',
  'civil',
  'fusion',
  'sanctions',
  'evasion',
  'compliance',
  'circumvention',
  'shipping',
  'tankers',
  'price',
  'cap',
  'oil',
  'gas',
  'pipeline',
  'grain',
  'corridor',
  'ports',
  'logistics',
  'railway',
  'investment',
  'screening',
  'takeover',
  'venture',
  'capital',
  'talent',
  'recruitment',
  'universities',
  'research',
  'security',
  'espionage',
  'cyber',
  'influence',
  'propaganda',
  'elections',
  'diaspora',
  'repression',
  'censorship',
  'media',
  'platforms',
  'surveillance',
  'cameras',
  'biometrics',
  'artificial',
  'intelligence',
  'quantum',
  'satellites',
  'space',
  'undersea',
  'cables',
  'telecoms',
  '5G',
  'standards',
  'governance',
  'party',
  'elite',
  'succession',
  'economy',
  'growth',
  'debt',
  'banks',
  'currency',
  'yuan',
  'rouble',
  'payments',
  'trade',
  'tariffs',
  'subsidies',
  'overcapacity',
  'electric',
  'vehicles',
  'batteries',
  'solar',
  'wind',
  'nuclear',
  'reactors',
  'uranium',
  'arctic',
  'navy',
  'missiles',
  'drones',
  'deterrence',
  'alliance',
  'partnership',
  'reconstruction',
  'accountability',
  'occupation',
  'refugees',
  'migration',
  'borders',
  'climate',
  'diplomacy',
  'health',
  'vaccines',
  'pharmaceuticals',
  'agriculture',
  'fertiliser',
  'food',
  'water',
  'infrastructure',
];
const TITLE_OPENERS = [
  'Rethinking',
  'Assessing',
  'Mapping',
  'Beyond',
  'After',
  'Managing',
  'The politics of',
  'Understanding',
  'Countering',
  'Navigating',
  'Between',
  'Who controls',
];
const KINDS = ['PUBLICATION', 'PUBLICATION', 'PUBLICATION', 'TALK', 'BRIEFING'];

interface Reference {
  themes: Weighted<{ id: string; name: string }>;
  countries: Weighted<{ id: string; name: string }>;
  institutions: string[];
  networks: string[];
}

function reference(seed: SeedData): Reference {
  const popular = POPULAR_THEMES.filter((id) => seed.themes.some((t) => t.id === id));
  const ranked = [...popular, ...seed.themes.map((t) => t.id).filter((id) => !popular.includes(id))];
  const byId = new Map(seed.themes.map((t) => [t.id, { id: t.id, name: t.name }]));
  const countries = isoCountries().map((c) => ({ id: c.id, name: c.name }));
  return {
    // Zipf-like: the theme at rank r gets weight 1/(r+1); with ~114 themes and 2–6 per expert the top one is in
    // about half of all profiles, the rarest in well under 1%.
    themes: new Weighted(
      ranked.map((id) => expected(byId.get(id), `theme ${id}`)),
      ranked.map((_, r) => 1 / (r + 1)),
    ),
    countries: new Weighted(
      countries,
      countries.map((c) => COUNTRY_WEIGHTS[c.id] ?? OTHER_COUNTRY_WEIGHT),
    ),
    institutions: seed.institutions.map((i) => i.id),
    networks: seed.networks.map((n) => n.id),
  };
}

const pad = (n: number) => String(n).padStart(6, '0');
const words = (rng: Rng, count: number) => Array.from({ length: count }, () => pick(rng, WORDS)).join(' ');
const isoDate = (rng: Rng) =>
  `${int(rng, 2012, 2025)}-${String(int(rng, 1, 12)).padStart(2, '0')}-${String(int(rng, 1, 28)).padStart(2, '0')}`;

/** Expert number i (1-based), with everything attached to it. Pure: same i, same expert. */
export function syntheticExpert(i: number, ref: Reference) {
  const rng = mulberry32(Math.imul(i, 0x9e3779b1) ^ 0x5eed);
  const id = `${BENCH_ID_PREFIX}${pad(i)}`;
  const themes = ref.themes.distinct(rng, int(rng, 2, 6));
  const countries = ref.countries.distinct(rng, int(rng, 1, 4));
  const name = `${pick(rng, FIRST_NAMES)} ${String.fromCharCode(65 + int(rng, 0, 25))}. ${pick(rng, LAST_NAMES)}`;
  const role = pick(rng, ROLES);
  const affiliations = Array.from({ length: int(rng, 1, 2) }, (_, n) => {
    const since = int(rng, 2000, 2023);
    return {
      institution: pick(rng, ref.institutions),
      role: n === 0 ? role : pick(rng, ROLES),
      since: `${since}-09-01`,
      until: n === 0 ? null : `${Math.min(since + int(rng, 1, 8), 2024)}-08-31`,
    };
  });
  const contributions = Array.from({ length: int(rng, 0, 8) }, (_, n) => {
    // Mostly on the expert's own themes and countries, as real output is.
    const about = [
      ...new Set([pick(rng, themes), ...(rng() < 0.4 ? [rng() < 0.7 ? pick(rng, themes) : ref.themes.pick(rng)] : [])]),
    ];
    const concerns = [
      ...new Set(
        Array.from({ length: int(rng, 0, 2) }, () => (rng() < 0.8 ? pick(rng, countries) : ref.countries.pick(rng))),
      ),
    ];
    const where = concerns[0] ? ` in ${concerns[0].name}` : '';
    const cid = `bench-contribution-${pad(i)}-${n + 1}`;
    return {
      id: cid,
      kind: pick(rng, KINDS),
      title:
        `${pick(rng, TITLE_OPENERS)} ` +
        `${expected(about[0], 'a theme of the contribution').name.toLowerCase()}${where}: ${words(rng, 3)}`,
      summary: `On ${about.map((t) => t.name.toLowerCase()).join(' and ')}${where}: ${words(rng, 12)}.`,
      date: isoDate(rng),
      url: rng() < 0.5 ? `https://example.org/bench/${cid}` : null,
      themes: about.map((t) => t.id),
      countries: concerns.map((c) => c.id),
    };
  });
  return {
    id,
    name,
    surnameKey: surnameKey(name),
    email: `${id}@example.org`,
    phone: `+31600${String(i).padStart(6, '0')}`,
    contactConsent: rng() < 0.6,
    headline: `${role} working on ${themes
      .slice(0, 2)
      .map((t) => t.name.toLowerCase())
      .join(' and ')} in ${expected(countries[0], 'a country of the expert').name}`,
    bio: `${name} studies ${themes.map((t) => t.name.toLowerCase()).join(', ')} with a focus on ${countries
      .map((c) => c.name)
      .join(', ')}. Recent work: ${words(rng, 10)}.`,
    languages: ['nl', 'en', ...(rng() < 0.3 ? [pick(rng, ['zh', 'ru', 'uk', 'de', 'fr'])] : [])],
    affiliations,
    networks: rng() < 0.5 ? [pick(rng, ref.networks)] : [],
    // The first-drawn theme is the expert's main one: a higher level.
    expertise: themes.map((t, n) => ({ theme: t.id, level: n === 0 ? int(rng, 3, 5) : int(rng, 1, 4) })),
    focus: countries.map((c, n) => ({ country: c.id, level: n === 0 ? int(rng, 3, 5) : int(rng, 1, 4) })),
    contributions,
  };
}

/** One statement per batch (one transaction): experts, their links, their contributions and theirs. */
const WRITE_BATCH = `
  UNWIND $rows AS row
  MERGE (e:Expert {id: row.id})
  SET e.name = row.name, e.headline = row.headline, e.bio = row.bio, e.languages = row.languages,
      e.surnameKey = row.surnameKey, e.email = row.email, e.phone = row.phone, e.contactConsent = row.contactConsent
  WITH e, row
  CALL (e, row) {
    UNWIND row.affiliations AS a MATCH (i:Institution {id: a.institution})
    MERGE (e)-[r:AFFILIATED_WITH]->(i) SET r.role = a.role, r.since = date(a.since), r.until = date(a.until)
  }
  CALL (e, row) { UNWIND row.networks AS networkId MATCH (n:Network {id: networkId}) MERGE (e)-[:MEMBER_OF]->(n) }
  CALL (e, row) { UNWIND row.expertise AS x MATCH (t:Theme {id: x.theme}) MERGE (e)-[r:EXPERT_IN]->(t)
    SET r.level = x.level }
  CALL (e, row) { UNWIND row.focus AS f MATCH (c:Country {id: f.country}) MERGE (e)-[r:FOCUSES_ON]->(c)
    SET r.level = f.level }
  CALL (e, row) {
    UNWIND row.contributions AS c
    MERGE (k:Contribution {id: c.id})
    SET k.kind = c.kind, k.title = c.title, k.summary = c.summary, k.date = date(c.date), k.url = c.url
    MERGE (k)-[:BY]->(e)
    WITH k, c
    CALL (k, c) { UNWIND c.themes AS themeId MATCH (t:Theme {id: themeId}) MERGE (k)-[:ABOUT]->(t) }
    CALL (k, c) { UNWIND c.countries AS code MATCH (co:Country {id: code}) MERGE (k)-[:CONCERNS]->(co) }
  }`;

/** Stores written before experts had surname keys get them, so that likely duplicates can be scored. */
async function backfillSurnameKeys(queries: Queries, log: (line: string) => void): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await queries.read<{ id: string; name: string }>(
      'MATCH (e:Expert) WHERE e.surnameKey IS NULL AND e.name IS NOT NULL ' +
        'RETURN e.id AS id, e.name AS name LIMIT 10000',
    );
    if (rows.length === 0) break;
    await queries.write('UNWIND $rows AS row MATCH (e:Expert {id: row.id}) SET e.surnameKey = row.key', {
      rows: rows.map((row) => ({ id: row.id, key: surnameKey(row.name) })),
    });
    total += rows.length;
  }
  if (total > 0) log(`Gave ${total} experts written by an older generator their surname key`);
  return total;
}

async function countBenchExperts(queries: Queries): Promise<number> {
  const [row] = await queries.read<{ n: number }>(
    `MATCH (e:Expert) WHERE e.id STARTS WITH $prefix RETURN count(e) AS n`,
    { prefix: BENCH_ID_PREFIX },
  );
  return row?.n ?? 0;
}

/**
 * Loads the seed (always: it is idempotent, and keeps a reused store in step with seed/data), then brings
 * the graph up to `target` synthetic experts. Batches commit in order, so the experts present are whole
 * batches from the start: resume at the first batch not (fully) written.
 */
export async function generate(
  queries: Queries,
  target: number,
  log: (line: string) => void,
): Promise<{ written: number; seconds: number }> {
  const started = performance.now();
  const seed = await readSeedData();
  await seedGraph(queries, seed);
  const backfilled = await backfillSurnameKeys(queries, log);
  const present = await countBenchExperts(queries);
  if (present >= target) {
    if (backfilled > 0) await refreshAllDuplicateCandidates(queries);
    return { written: 0, seconds: 0 };
  }
  const ref = reference(seed);
  const from = Math.floor(present / BATCH_SIZE) * BATCH_SIZE + 1;
  log(`Generating experts ${from}…${target} (${present} present), ${BATCH_SIZE} per transaction`);
  for (let first = from; first <= target; first += BATCH_SIZE) {
    const last = Math.min(first + BATCH_SIZE - 1, target);
    const rows = [];
    for (let i = first; i <= last; i++) rows.push(syntheticExpert(i, ref));
    await queries.write(WRITE_BATCH, { rows });
    const elapsed = (performance.now() - started) / 1000;
    const done = last - from + 1;
    const eta = (elapsed / done) * (target - last);
    log(`  ${last}/${target} experts (${(done / elapsed).toFixed(0)}/s, ~${eta.toFixed(0)} s to go)`);
  }
  log('Scoring likely duplicate pairs (once, for the whole graph)…');
  await refreshAllDuplicateCandidates(queries);
  // Written around audited(), as the seed is: the stored whoKnows standings are worked out again for the whole graph.
  log('Working out the whoKnows standings (once, for the whole graph)…');
  await rebuildStandings(queries, log);
  return { written: target - from + 1, seconds: (performance.now() - started) / 1000 };
}
