import { EmailAddressResolver, PhoneNumberResolver } from 'graphql-scalars';
import { canCurateExpert, canOrganise } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { present, type InputProblems } from '../errors.js';
import { idOf, resolveNames, unknownPlace, unknownTheme, type NamedRef } from '../names/service.js';
import { findNetworks, knownNetworks, unknownNetworkMessage, type NetworkNames } from '../networks/resolve.js';
import { surnameKey } from '../text.js';
import { isoDate } from '../writes/audited-writes.js';
import { checkedScalar, checkedText, isRepeat, TEXT_LIMITS } from '../writes/checks.js';
import type { AffiliationInput, CountryFocusInput, ExpertFieldsInput, ExpertiseInput } from './inputs.js';
import { EXPERT_PROPERTY_LIST, PROPERTY_KINDS } from './model.js';
import {
  evidenceOf,
  referencesOf,
  type AffiliationWrite,
  type CurrentExpert,
  type ExpertWrite,
  type LevelAsStored,
  type StoredLevel,
} from './write-repository.js';

/** A level on a theme or a country, as given. */
type LevelInput = ExpertiseInput | CountryFocusInput;

/** Longest text (characters) of the fields that are not the expert's own properties (those are in model.ts). */
export const EXPERT_TEXT_MAX = {
  role: TEXT_LIMITS.name,
  note: TEXT_LIMITS.text,
};

/** Names of ISO 639-1 languages; `of` gives undefined for a code that names none. */
const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

function checkedLanguages(problems: InputProblems, languages: string[]): string[] {
  const seen = new Map<string, number>();
  return languages.flatMap((given, index) => {
    const field = `languages[${index}]`;
    const code = given.trim().toLowerCase();
    if (!/^[a-z]{2}$/.test(code) || !LANGUAGE_NAMES.of(code)) {
      problems.add(field, `"${given}" is not an ISO 639-1 language code: use two letters, e.g. "nl", "en" or "zh"`);
      return [];
    }
    const current = Intl.getCanonicalLocales(code)[0];
    if (current !== code) {
      problems.add(field, `"${code}" is a withdrawn code: use "${current}"`);
      return [];
    }
    return isRepeat(problems, seen, code, field, index, 'languages') ? [] : [code];
  });
}

/** A phone number as graphql-scalars' PhoneNumber accepts it, stored in E.164 (+ country code, digits only). */
function checkedPhone(problems: InputProblems, value: string | null | undefined): string | null {
  const checked = checkedScalar(problems, 'phone', PhoneNumberResolver, value);
  if (checked === null) return null;
  const e164 = checked.replace(/[\s()-]/g, '');
  if (!/^\+[1-9]\d{6,14}$/.test(e164)) {
    problems.add('phone', `"${checked}" needs its country code and 7 to 15 digits, e.g. "+31 6 12345678"`);
    return null;
  }
  return e164;
}

const isoDay = (value: string | Date | null | undefined): string | null =>
  value === null || value === undefined ? null : isoDate(value);

/** What a level on a theme or a country is checked for; `evidence` says what EVIDENCED needs. */
interface LevelList {
  list: 'expertise' | 'countryFocus';
  targetField: 'theme' | 'country';
  evidence: (name: string) => string;
}

const EXPERTISE: LevelList = {
  list: 'expertise',
  targetField: 'theme',
  evidence: (name) =>
    `a contribution by this expert about ${name} (or a narrower theme), or an inquiry on it they answered`,
};
const COUNTRY_FOCUS: LevelList = {
  list: 'countryFocus',
  targetField: 'country',
  evidence: (name) => `a contribution by this expert concerning ${name}, or an inquiry concerning it they answered`,
};

/**
 * Levels with their provenance. A VERIFIED level records who verified it and when; sent again unchanged,
 * it keeps that record (so that resending a profile changes nothing).
 */
function checkedLevels(
  problems: InputProblems,
  kind: LevelList,
  entries: LevelInput[],
  targets: Array<NamedRef | null>,
  context: { stored: LevelAsStored[]; evidenced: Set<string>; viewer: Viewer; now: Date },
): StoredLevel[] {
  const seen = new Map<string, number>();
  return entries.flatMap((entry, index) => {
    const field = `${kind.list}[${index}]`;
    const target = targets[index];
    if (!Number.isInteger(entry.level) || entry.level < 1 || entry.level > 5)
      problems.add(`${field}.level`, `must be from 1 to 5 (got ${entry.level})`);
    if (!target || isRepeat(problems, seen, target.id, `${field}.${kind.targetField}`, index, kind.list)) return [];
    const provenance = entry.provenance ?? 'DECLARED';
    if (provenance === 'EVIDENCED' && !context.evidenced.has(target.id)) {
      problems.add(
        `${field}.provenance`,
        `EVIDENCED needs ${kind.evidence(target.name)}: record that first, or use DECLARED or VERIFIED`,
      );
    }
    const before = context.stored.find((s) => s.targetId === target.id);
    const stillVerified =
      provenance === 'VERIFIED' && before?.provenance === 'VERIFIED' && before.level === entry.level;
    const verified =
      provenance !== 'VERIFIED'
        ? { verifiedBy: null, verifiedAt: null }
        : stillVerified
          ? { verifiedBy: before.verifiedBy, verifiedAt: before.verifiedAt }
          : { verifiedBy: context.viewer.name, verifiedAt: context.now.toISOString() };
    return [{ targetId: target.id, level: entry.level, provenance, ...verified }];
  });
}

/**
 * The expert's own properties given, checked without the graph (text lengths, e-mail, phone, languages); the CSV import
 * checks cells with it too.
 */
export function checkedProperties(problems: InputProblems, input: ExpertFieldsInput): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [field, { kind }] of EXPERT_PROPERTY_LIST) {
    const value = input[field];
    if (value === undefined) continue;
    switch (kind) {
      case 'name':
      case 'line':
      case 'text': {
        const text = checkedText(problems, field, value as string | null, {
          ...PROPERTY_KINDS[kind].text,
          required: kind === 'name',
        });
        // A name is required: left unchanged when refused. Its surname key serves the duplicate look-up.
        if (kind !== 'name') properties[field] = text;
        else if (text) Object.assign(properties, { [field]: text, surnameKey: surnameKey(text) });
        break;
      }
      case 'email':
        properties[field] = checkedScalar(problems, field, EmailAddressResolver, value as string | null);
        break;
      case 'phone':
        properties[field] = checkedPhone(problems, value as string | null);
        break;
      case 'yesNo':
        properties[field] = value === true;
        break;
      case 'languages':
        properties[field] = checkedLanguages(problems, (value as string[] | null) ?? []);
        break;
    }
  }
  checkedText(problems, 'note', input.note, { max: EXPERT_TEXT_MAX.note });
  return properties;
}

/**
 * Checks a whole input against the graph (and, for an update, the expert's current state) and turns it
 * into a write. Every problem is added to `problems`; the caller throws them together before writing.
 * For a new expert, `slugPrefix` asks which expert ids start with it (taken slugs).
 */
export async function checkedWrite(
  queries: Queries,
  viewer: Viewer,
  input: ExpertFieldsInput,
  current: CurrentExpert | null,
  problems: InputProblems,
  now: Date,
  slugPrefix: string | null = null,
): Promise<{ write: ExpertWrite; takenSlugs: string[] }> {
  const properties = checkedProperties(problems, input);
  // A list given as null empties it.
  const given = <T>(list: T[] | null | undefined): T[] | null => (list === undefined ? null : (list ?? []));
  const affiliations = given(input.affiliations);
  const expertise = given(input.expertise);
  const countryFocus = given(input.countryFocus);
  const networks = given(input.networks);

  const themeTexts = (expertise ?? []).map((x) => x.theme);
  const placeTexts = (countryFocus ?? []).map((f) => f.country);
  const [names, refs, networksFound, networksKnown] = await Promise.all([
    resolveNames(queries, { themes: themeTexts, places: placeTexts }),
    referencesOf(queries, {
      institutionIds: (affiliations ?? []).map((a) => idOf(a.institution, 'Institution')),
      slugPrefix,
    }),
    findNetworks(queries, networks ?? []),
    networks ? knownNetworks(queries) : [],
  ]);

  const themes: Array<NamedRef | null> = [];
  for (const [index, text] of themeTexts.entries()) {
    const field = `expertise[${index}].theme`;
    const theme = names.themes[index] ?? null;
    if (!theme) problems.add(field, (await unknownTheme(queries, 'expertise', text)).message);
    // A level on a theme retired since may stay; a new one needs a current theme.
    else if (theme.retired && !current?.expertise.some((s) => s.targetId === theme.id)) {
      problems.add(field, `the theme "${theme.name}" was retired: choose a current one (see the themes query)`);
    }
    themes.push(theme);
  }
  const countries: Array<NamedRef | null> = [];
  for (const [index, text] of placeTexts.entries()) {
    const field = `countryFocus[${index}].country`;
    const place = names.places[index];
    if (!place) problems.add(field, (await unknownPlace(queries, 'countryFocus', text)).message);
    else if (place.region)
      problems.add(field, `"${text}" is the region ${place.region.name}: give its countries one by one`);
    countries.push(place && !place.region ? present(place.countries[0], `the country "${text}" names`) : null);
  }
  // Only an existing expert can have evidence; it is looked up for the levels claiming it.
  const claimed = (entries: LevelInput[] | null, targets: Array<NamedRef | null>) =>
    (entries ?? []).flatMap((entry, index) =>
      entry.provenance === 'EVIDENCED' && targets[index] ? [targets[index].id] : [],
    );
  const [evidenceThemeIds, evidenceCountryIds] = [claimed(expertise, themes), claimed(countryFocus, countries)];
  const evidence =
    current && evidenceThemeIds.length + evidenceCountryIds.length > 0
      ? await evidenceOf(queries, current.id, evidenceThemeIds, evidenceCountryIds)
      : { themeIds: [], countryIds: [] };

  const context = { viewer, now };
  const write: ExpertWrite = {
    properties,
    affiliations: affiliations && checkedAffiliations(problems, affiliations, refs.institutions, current),
    expertise:
      expertise &&
      checkedLevels(problems, EXPERTISE, expertise, themes, {
        ...context,
        stored: current?.expertise ?? [],
        evidenced: new Set(evidence.themeIds),
      }),
    countryFocus:
      countryFocus &&
      checkedLevels(problems, COUNTRY_FOCUS, countryFocus, countries, {
        ...context,
        stored: current?.countryFocus ?? [],
        evidenced: new Set(evidence.countryIds),
      }),
    networkIds: networks && checkedNetworks(problems, viewer, networks, networksFound, networksKnown, current),
  };
  return { write, takenSlugs: refs.takenSlugs };
}

function checkedAffiliations(
  problems: InputProblems,
  affiliations: AffiliationInput[],
  found: Array<{ id: string; name: string; retiredAt: string | null }>,
  current: CurrentExpert | null,
): AffiliationWrite[] {
  const seen = new Map<string, number>();
  return affiliations.flatMap((affiliation, index) => {
    const field = `affiliations[${index}]`;
    const institutionId = idOf(affiliation.institution, 'Institution');
    const institution = found.find((i) => i.id === institutionId);
    const role = checkedText(problems, `${field}.role`, affiliation.role, { max: EXPERT_TEXT_MAX.role, line: true });
    const since = isoDay(affiliation.since);
    const until = isoDay(affiliation.until);
    if (since && until && until < since) problems.add(`${field}.until`, `${until} is before since (${since})`);
    if (!institution) {
      problems.add(
        `${field}.institution`,
        `no institution has id "${affiliation.institution}": see the institutions query`,
      );
      return [];
    }
    // Past positions at an institution retired since stay; new ones need a current institution.
    if (institution.retiredAt && !current?.institutionIds.includes(institution.id)) {
      problems.add(`${field}.institution`, `${institution.name} is retired: choose a current institution`);
    }
    // One affiliation per institution: its role and dates describe the latest position there.
    if (isRepeat(problems, seen, institution.id, `${field}.institution`, index, 'affiliations')) return [];
    return [{ institutionId: institution.id, role, since, until }];
  });
}

/**
 * Memberships: who may add or end each is decided per network (canOrganise); a new expert must end up
 * in a network its creator may curate.
 */
function checkedNetworks(
  problems: InputProblems,
  viewer: Viewer,
  texts: string[],
  found: Array<{ id: string; acronym: string } | null>,
  known: NetworkNames[],
  current: CurrentExpert | null,
): string[] {
  const seen = new Map<string, number>();
  const before = current?.networks ?? [];
  const ids = texts.flatMap((text, index) => {
    const field = `networks[${index}]`;
    const network = found[index];
    if (!network) {
      problems.add(field, unknownNetworkMessage(text, known));
      return [];
    }
    if (isRepeat(problems, seen, network.id, field, index, 'networks')) return [];
    if (!before.some((b) => b.id === network.id) && !canOrganise(viewer, network.id)) {
      problems.add(field, `only the secretariat of ${network.acronym} or an administrator may add members to it`);
    }
    return [network.id];
  });
  for (const network of before) {
    if (!ids.includes(network.id) && !canOrganise(viewer, network.id)) {
      problems.add(
        'networks',
        `only the secretariat of ${network.acronym} or an administrator may end a membership of it: keep ` +
          `"${network.id}" in the list`,
      );
    }
  }
  if (current === null && found.every((n) => n !== null) && !canCurateExpert(viewer, ids)) {
    problems.add(
      'networks',
      `must include a network whose secretariat you run (${viewer.networks.join(', ') || 'none'}), so that you ` +
        'can curate the expert',
    );
  }
  return ids;
}
