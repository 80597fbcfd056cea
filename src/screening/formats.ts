/**
 * The screening lists the desk checks partners against, and what one entry of any of them is once read. The parsers
 * (`parse-eu.ts`, `parse-csv.ts`) turn a published file into entries, or into a report of every problem with where it
 * is (line or element) and nothing else: a file with any problem is not imported at all.
 */

/** The formats read, one per list (the GraphQL enum's descriptions say where each is published). */
export const SCREENING_FORMATS = {
  EU_FINANCIAL_SANCTIONS_XML:
    'The EU consolidated list of persons, groups and entities subject to financial sanctions (FSF, XML 1.1).',
  US_CONSOLIDATED_SCREENING_CSV:
    'The US Consolidated Screening List (trade.gov, CSV): the Entity List, the Military End User list, SDN and others.',
  UK_SANCTIONS_CSV: 'The UK consolidated list of financial sanctions targets (OFSI, CSV).',
  DEFENCE_TRACKER_CSV:
    'A tracker of foreign universities’ defence links (CSV with the columns name, aliases, country, risk level, ' +
    'source URL).',
} as const;
export type ScreeningFormat = keyof typeof SCREENING_FORMATS;

/** The list each format fills: its id and name. */
export const SCREENING_LISTS: Record<ScreeningFormat, { id: string; name: string }> = {
  EU_FINANCIAL_SANCTIONS_XML: { id: 'eu-financial-sanctions', name: 'EU financial sanctions' },
  US_CONSOLIDATED_SCREENING_CSV: { id: 'us-consolidated-screening', name: 'US Consolidated Screening List' },
  UK_SANCTIONS_CSV: { id: 'uk-sanctions', name: 'UK sanctions list' },
  DEFENCE_TRACKER_CSV: { id: 'defence-links-tracker', name: 'Defence links tracker' },
};

/** One listed organisation (persons are left out: the desk screens institutions). */
export interface ScreeningEntry {
  /** The source's own id of the entry, stable across its versions (logicalId, entity_number, Group ID, name). */
  sourceId: string;
  name: string;
  /** Other names and spellings, original script included; without the name itself. */
  aliases: string[];
  /** ISO 3166-1 alpha-2, when the source gives one. */
  country: string | null;
  /** The sanctions programme or sub-list, e.g. "RUS", "Entity List", "Russia". */
  programme: string | null;
  /** When it was listed (YYYY-MM-DD), when the source says. */
  listedSince: string | null;
  /** The tracker's risk level, e.g. "very high". */
  riskLevel: string | null;
  sourceUrl: string | null;
}

/** What is wrong with a file, and where: "line 12", "sanctionEntity 3 (logicalId 13)". */
export interface FileProblem {
  at: string;
  message: string;
}

export type Parsed = { entries: ScreeningEntry[]; problems: FileProblem[] };

/** At most this many problems are reported: past them, the file is wrong throughout and more lines say nothing new. */
export const MAX_PROBLEMS = 50;

/** A date as YYYY-MM-DD from the forms the lists use (ISO, dd/mm/yyyy), or null when it is no date. */
export function isoDate(text: string | null | undefined): string | null {
  const value = (text ?? '').trim();
  if (value === '') return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : dmy
      ? [dmy[3], dmy[2]?.padStart(2, '0'), dmy[1]?.padStart(2, '0')]
      : [];
  if (!year || !month || !day) return null;
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(day) ? null : `${year}-${month}-${day}`;
}

/** Names cleaned and without repeats (case aside), the primary name left out. */
export function otherNames(primary: string, names: Iterable<string>): string[] {
  const seen = new Set([primary.trim().toLowerCase()]);
  const kept: string[] = [];
  for (const raw of names) {
    const name = raw.replace(/\s+/g, ' ').trim();
    if (name === '' || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    kept.push(name);
  }
  return kept;
}

/** A two-letter country code, upper case, or null. */
export const countryCode = (text: string | null | undefined) => {
  const code = (text ?? '').trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : null;
};
