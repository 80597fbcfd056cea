/**
 * A standing's facts as stored on its `RANKS` relationship, so that a page is explained from the store (no
 * STANDING_SCORE at read time): a JSON string (`facts`) written with the score by the same maintenance and
 * rebuild, without the names (the root's, the claimed theme's, the focus country's, the verifier's network):
 * renaming a theme, a country or a network moves no standing, so names are looked up by id as a page leaves
 * the store. The ids they are looked up by sit beside the JSON as properties of their own.
 * Also the one comparison of stored with expected standings, for the write (what to change) and the drift check.
 */
import { standingFacts, type StandingFacts } from '../standing-repository.js';

/** The properties of a RANKS relationship beside key, score, negScore and expertId. */
export interface StoredFactProperties {
  facts: string;
  /**
   * The theme part of the score (the claim's, contributions' and answered inquiries' points, added as free
   * text's ranking adds them): free text damps it for a theme it inferred, and ranks on it without reading the JSON.
   */
  themePoints: number;
  claimThemeId: string | null;
  claimVerifiedBy: string | null;
  focusCountryId: string | null;
  focusVerifiedBy: string | null;
}

/** JSON with object keys sorted (at every depth): one text for equal facts, whatever order the driver gave. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What is stored for STANDING_SCORE's facts: the JSON without names, and the ids the names are found by. */
export function storedFactProperties(facts: Record<string, unknown>): StoredFactProperties {
  const claim = facts.claim as Record<string, unknown> | null | undefined;
  const focus = facts.focus as Record<string, unknown> | null | undefined;
  const { rootName: _root, ...rest } = facts;
  const withoutNames = {
    ...rest,
    claim: claim ? (({ themeName: _t, verifierNetwork: _n, ...c }) => c)(claim) : null,
    focus: focus ? (({ countryName: _c, verifierNetwork: _n, ...f }) => f)(focus) : null,
  };
  return {
    facts: canonical(withoutNames),
    themePoints:
      ((claim?.points as number | undefined) ?? 0) +
      (facts.contributionPoints as number) +
      (facts.inquiryPoints as number),
    claimThemeId: (claim?.themeId as string | undefined) ?? null,
    claimVerifiedBy: (claim?.verifiedBy as string | undefined) ?? null,
    focusCountryId: (focus?.countryId as string | undefined) ?? null,
    focusVerifiedBy: (focus?.verifiedBy as string | undefined) ?? null,
  };
}

/** The names a read looks up beside a stored standing (by the ids stored with it). */
export interface FactNames {
  rootName: string | null;
  claimThemeName: string | null;
  claimNetwork: string | null;
  focusCountryName: string | null;
  focusNetwork: string | null;
}

/** A stored standing's facts with today's names, checked by `standingFacts`. */
export function factsFromStore(json: unknown, names: FactNames, where: string): StandingFacts {
  if (typeof json !== 'string')
    throw new Error(`${where}: stored facts missing (rebuild the standings: npm run rankings)`);
  const facts = JSON.parse(json) as Record<string, unknown>;
  const claim = facts.claim as Record<string, unknown> | null;
  const focus = facts.focus as Record<string, unknown> | null;
  return standingFacts(
    {
      ...facts,
      rootName: names.rootName,
      claim: claim ? { ...claim, themeName: names.claimThemeName ?? '', verifierNetwork: names.claimNetwork } : null,
      focus: focus
        ? { ...focus, countryName: names.focusCountryName ?? '', verifierNetwork: names.focusNetwork }
        : null,
    },
    where,
  );
}

/** A standing as worked out now (STANDING_SCORE) and as stored. */
export interface ExpectedStanding {
  key: string;
  score: number;
  facts: Record<string, unknown>;
}
export interface StoredStanding {
  id: string;
  key: string;
  hub: string;
  expertId: string;
  score: number;
  facts: string | null;
  themePoints: number | null;
}

export interface StandingsDiff {
  /** Standings to create: their key and what they store. */
  added: Array<{ key: string; expertId: string; score: number; props: StoredFactProperties }>;
  /** Stored standings (by element id) whose score or facts changed. */
  changed: Array<{ id: string; key: string; score: number; props: StoredFactProperties }>;
  /** Stored standings (by element id) to delete: gone, or not where they belong. */
  gone: Array<{ id: string; key: string }>;
  /** Of `changed`, those whose score differs (the rest differ in facts only). */
  wrongScores: Array<{ key: string; stored: number; expected: number }>;
}

/** What differs between an expert's stored standings and the expected ones. */
export function diffStandings(expertId: string, expected: ExpectedStanding[], stored: StoredStanding[]): StandingsDiff {
  const kept = new Map<string, StoredStanding>();
  const diff: StandingsDiff = { added: [], changed: [], gone: [], wrongScores: [] };
  for (const s of stored) {
    if (s.hub === s.key && s.expertId === expertId && !kept.has(s.key)) kept.set(s.key, s);
    else diff.gone.push({ id: s.id, key: s.key });
  }
  const expectedKeys = new Set<string>();
  for (const x of expected) {
    expectedKeys.add(x.key);
    const props = storedFactProperties(x.facts);
    const old = kept.get(x.key);
    if (!old) diff.added.push({ key: x.key, expertId, score: x.score, props });
    else if (old.score !== x.score || old.facts !== props.facts || old.themePoints !== props.themePoints) {
      diff.changed.push({ id: old.id, key: x.key, score: x.score, props });
      if (old.score !== x.score) diff.wrongScores.push({ key: x.key, stored: old.score, expected: x.score });
    }
  }
  for (const s of kept.values()) if (!expectedKeys.has(s.key)) diff.gone.push({ id: s.id, key: s.key });
  return diff;
}
