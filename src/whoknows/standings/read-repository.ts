/**
 * whoKnows for themes from the stored standings: the best `limit` experts read in score order from the
 * `ranks_order` index (an index seek per asked theme, after the cursor), then only those explained from
 * the facts stored with their standings (facts.ts), in the same query; the total from the key's hub (a degree look-up).
 * Null when the standings do not reflect the graph (see state-repository.ts): the caller then ranks from scratch.
 */
import type { Queries } from '../../db/database.js';
import { list, num, obj, optStr, str, type Parser } from '../../db/rows.js';
import { expertProjection, type ExpertRecord } from '../../experts/model.js';
import { standingScoreParams, verifierNetwork } from '../standing-repository.js';
import { factsFromStore, type FactNames } from './facts.js';
import type { RankedPage, ThemeStanding } from '../repository.js';
import { RANKS, STANDING_KEY, standingKey } from './store-repository.js';
import { FORMULA, STANDINGS_FRESH } from './state-repository.js';

export interface StandingsQuestion {
  /** The asked themes (their narrower themes count). */
  themeIds: string[];
  /** Where: null anywhere, else a country's or a region's id. */
  scopeId: string | null;
  /** The countries of the scope (one, or a region's), or null: what the explanation is worked out for. */
  countryIds: string[] | null;
  /** The (score, expert id) of the last expert of the previous page. */
  after: [number, string] | null;
  /** How many to return (a page and one more, to know whether there is a next one). */
  limit: number;
}

export interface ReadOptions {
  /**
   * Skip the check that the standings reflect the graph (tests and the bench, on a graph whose standings
   * they keep themselves; the API always checks).
   */
  assumeFresh?: boolean;
  /** Leave out the explanations (the page's stored facts and names): to measure what the ranking alone costs. */
  explain?: boolean;
}

/** Lower than any score: the first page seeks from the start of a key. */
export const BEFORE_ALL = -Number.MAX_VALUE;

/**
 * The score a page comes after: above every score on the first page. Never null: Neo4j caches a plan by text and
 * parameter types, and a null here made a second plan of the same text for the first page.
 */
export const afterScore = (after: [number, string] | null): number => (after ? after[0] : Number.MAX_VALUE);

/** One key's stored standings after the cursor, best first, by index seek with index-provided order. */
export const seek = (predicate: string) => `
    MATCH ()-[s:${RANKS}]->(e) USING INDEX s:${RANKS}(key, negScore, expertId)
    WHERE s.key = key AND ${predicate}
    RETURN s ORDER BY s.key, s.negScore, s.expertId LIMIT $depth`;

/**
 * Cypher: the stored standings (RANKS) of the expert `e` at the keys `keys` (a list), each found by look-up in
 * the `ranks_of_expert` index, whatever the number of the expert's other standings.
 */
export const standingsAt = (keys: string) =>
  `COLLECT { MATCH ()-[r:${RANKS}]->(e) USING INDEX r:${RANKS}(expertId, key) ` +
  `WHERE r.expertId = e.id AND r.key IN ${keys} RETURN r }`;

/**
 * Explains the first `$explained` of `top` ({e, score, standings: its RANKS of the asked keys, and for text
 * questions text, place and adjustment}, in order) from the facts stored with each standing, with today's
 * names looked up by the ids stored beside them. `keys` and `themeIds` (parameters, or variables the
 * caller imports) say which theme each key stands for.
 */
export const explain = (keys = '$keys', themeIds = '$themeIds') => {
  const imported = [keys, themeIds]
    .filter((name) => !name.startsWith('$'))
    .map((name) => `, ${name}`)
    .join('');
  return `
    UNWIND range(0, size(top) - 1) AS position
    WITH top[position] AS hit, position${imported}
    CALL (hit, position${imported}) {
      // The hit past the page only says that there is a next page: it needs no explaining.
      UNWIND CASE WHEN position < $explained THEN hit.standings ELSE [] END AS r
      WITH r, [i IN range(0, size(${keys}) - 1) WHERE ${keys}[i] = r.key][0] AS i
      WITH r, ${themeIds}[i] AS rootId ORDER BY i
      RETURN collect({rootId: rootId, score: r.score, facts: r.facts, names: {
        rootName: COLLECT { MATCH (t:Theme {id: rootId}) RETURN t.name }[0],
        claimThemeName: COLLECT { MATCH (t:Theme {id: r.claimThemeId}) RETURN t.name }[0],
        claimNetwork: ${verifierNetwork('r.claimVerifiedBy')},
        focusCountryName: COLLECT { MATCH (c:Country {id: r.focusCountryId}) RETURN c.name }[0],
        focusNetwork: ${verifierNetwork('r.focusVerifiedBy')}
      }}) AS standings
    }
    WITH position, hit, hit.e AS e, standings
    WITH position, {expert: ${expertProjection('e')}, score: hit.score, standings: standings, text: hit.text,
                    place: hit.place, adjustment: hit.adjustment} AS hit
    ORDER BY position
    RETURN collect(hit) AS page`;
};

/**
 * One asked theme: the seek is the ranking. Two seeks cover "after the cursor" exactly (the rest of the
 * cursor's score by id, then lower scores), each reading at most `limit` index entries.
 */
const ONE_THEME = `
  FRESHNESS
  OPTIONAL CALL (fresh) {
    WITH fresh WHERE fresh
    WITH $keys[0] AS key
    CALL (key) {
      ${seek('s.negScore = $afterNeg AND s.expertId > $afterId')}
      UNION
      ${seek('s.negScore > $afterNeg AND s.expertId IS NOT NULL')}
    }
    WITH s ORDER BY s.negScore, s.expertId LIMIT $limit
    WITH collect({e: endNode(s), score: s.score, standings: [s]}) AS top
    CALL (top) { ${explain()} }
    // The hub bound first: its degree is then a look-up (GetDegree), not a walk over its relationships.
    CALL () {
      OPTIONAL MATCH (hub:${STANDING_KEY} {key: $keys[0]})
      RETURN coalesce(COUNT { (hub)-[:${RANKS}]->() }, 0) AS total
    }
    RETURN page, total, true AS exact
  }
  RETURN fresh, page, total, exact`;

/**
 * Several asked themes: an expert's score is the sum of its standings (as the from-scratch ranking adds
 * them). A threshold algorithm: read each key's best `depth` after the cursor's score, add up each
 * candidate's stored standings for all asked keys, and keep the best `limit`. An expert read in no list
 * scores at most the sum of the lists' last scores (0 for a list read to its end), so the page is exact
 * when its last score is above that, or when every list was read to its end; otherwise the caller reads
 * deeper. The total counts the distinct experts of the keys (a walk over their matches: only questions
 * naming several unrelated themes pay it).
 */
const SEVERAL_THEMES = `
  FRESHNESS
  OPTIONAL CALL (fresh) {
    WITH fresh WHERE fresh
    UNWIND $keys AS key
    CALL (key) {
      ${seek('s.negScore >= $afterNeg AND s.expertId IS NOT NULL')}
    }
    WITH key, s ORDER BY s.negScore, s.expertId
    WITH key, collect(s) AS found
    WITH collect({last: CASE WHEN size(found) < $depth THEN 0.0 ELSE found[-1].score END, found: found}) AS lists
    WITH reduce(bound = 0.0, l IN lists | bound + l.last) AS threshold,
         all(l IN lists WHERE l.last = 0.0) AS exhausted,
         [l IN lists | l.found] AS found
    CALL (found) {
      UNWIND found AS standings UNWIND standings AS s
      WITH DISTINCT endNode(s) AS e
      WITH e, ${standingsAt('$keys')} AS standings
      WITH e, standings, round(reduce(sum = 0.0, r IN standings | sum + r.score), 2) AS score
      WITH e, score, standings
      WHERE score < $afterScore OR (score = $afterScore AND e.id > $afterId)
      WITH e, score, standings ORDER BY score DESC, e.id LIMIT $limit
      RETURN collect({e: e, score: score, standings: standings}) AS top
    }
    WITH top, exhausted OR (size(top) = $limit AND top[-1].score > threshold) AS exact
    CALL (top, exact) {
      WITH top WHERE exact
      ${explain()}
    }
    CALL () {
      UNWIND $keys AS key MATCH (:${STANDING_KEY} {key: key})-[:${RANKS}]->(e)
      RETURN count(DISTINCT e) AS total
    }
    RETURN page, total, exact
  }
  RETURN fresh, page, total, exact`;

const NAMES: Parser<FactNames> = obj({
  rootName: optStr,
  claimThemeName: optStr,
  claimNetwork: optStr,
  focusCountryName: optStr,
  focusNetwork: optStr,
});
export const themeStanding: Parser<ThemeStanding> = (value, at) => {
  const row = obj({ rootId: str, score: num, facts: (v: unknown) => v, names: NAMES })(value, at);
  return { rootId: row.rootId, score: row.score, facts: factsFromStore(row.facts, row.names, `${at}.facts`) };
};

const hitRow = obj({ expert: (value) => value as ExpertRecord, score: num, standings: list(themeStanding) });

/**
 * How deep a several-theme question reads each theme's list at first. Every deeper read is one more round
 * trip, so the first one reads well past the page: the threshold is then nearly always met at once, and
 * reading a hundred index entries more per theme costs a few hundred db hits.
 */
const SEVERAL_THEMES_DEPTH = 100;

/**
 * The depths a question's lists are read to, one read (round trip) each until one is exact: one theme's
 * first read is exact; several themes' go four times deeper twice before the caller ranks from scratch.
 */
function depthsOf(question: StandingsQuestion): number[] {
  const first = new Set(question.themeIds).size > 1 ? Math.max(question.limit, SEVERAL_THEMES_DEPTH) : question.limit;
  return [first, first * 4, first * 16];
}

/**
 * Reads `query(depth)` at each of the question's depths until a read is exact: its row, or none (too deep
 * a read), or `stale` when the standings do not reflect the graph.
 */
export async function readUntilExact(
  queries: Queries,
  question: StandingsQuestion,
  query: (depth: number) => { cypher: string; params: Record<string, unknown> },
): Promise<{ row?: Record<string, unknown>; stale: boolean }> {
  for (const depth of depthsOf(question)) {
    const { cypher, params } = query(depth);
    const [row] = await queries.read(cypher, params);
    if (row?.fresh !== true) return { stale: true };
    if (row.exact === true) return { row, stale: false };
  }
  return { stale: false };
}

/**
 * The standings question for themes and a place: the place's region, or its one country, is the scope.
 * Null for a place the standings do not keep (several countries without a region).
 */
export function standingsQuestion(
  themeIds: string[],
  place: { region?: { id: string } | null; countries: Array<{ id: string }> } | null,
  after: [number, string] | null,
  limit: number,
): StandingsQuestion | null {
  if (place === null) return { themeIds, scopeId: null, countryIds: null, after, limit };
  const countryIds = place.countries.map((c) => c.id);
  const scopeId = place.region?.id ?? (countryIds.length === 1 ? (countryIds[0] ?? null) : null);
  return scopeId === null ? null : { themeIds, scopeId, countryIds, after, limit };
}

/**
 * The one query that ranks and explains a page from the standings (exported for PROFILE in tests and the
 * bench): `depth` is how far each asked theme's list is read (the page size, or more when several themes'
 * sums need it).
 */
export function standingsQuery(
  question: StandingsQuestion,
  depth: number,
  options: ReadOptions = {},
): { cypher: string; params: Record<string, unknown> } {
  const themeIds = [...new Set(question.themeIds)];
  const keys = themeIds.map((id) => standingKey(id, question.scopeId));
  const freshness = options.assumeFresh ? 'WITH true AS fresh' : STANDINGS_FRESH;
  return {
    cypher: (keys.length === 1 ? ONE_THEME : SEVERAL_THEMES).replace('FRESHNESS', freshness),
    params: {
      keys,
      themeIds,
      countryIds: question.countryIds,
      formula: FORMULA,
      limit: question.limit,
      depth,
      explained: options.explain === false ? 0 : question.limit - 1,
      afterNeg: question.after ? -question.after[0] : BEFORE_ALL,
      afterId: question.after ? question.after[1] : '',
      afterScore: afterScore(question.after),
      ...standingScoreParams(),
    },
  };
}

/**
 * A page of experts for a theme question from the stored standings; without `ranked` when they cannot
 * answer it: `stale` (they do not reflect the graph now) or too deep a read for several themes.
 */
export async function readStandings(
  queries: Queries,
  question: StandingsQuestion,
  options: ReadOptions = {},
): Promise<{ ranked?: RankedPage<ThemeStanding[]>; stale: boolean }> {
  const { row, stale } = await readUntilExact(queries, question, (depth) => standingsQuery(question, depth, options));
  if (!row) return { stale };
  const page = list(hitRow)(row.page, 'page');
  return {
    ranked: {
      total: num(row.total, 'total'),
      page: page.map((hit) => ({ expert: hit.expert, score: hit.score, facts: hit.standings })),
    },
    stale,
  };
}
