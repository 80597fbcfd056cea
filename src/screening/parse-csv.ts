/**
 * The screening lists published as CSV: the US Consolidated Screening List (https://www.trade.gov/consolidated-screening-list,
 * one row per listed party), the UK consolidated list of financial sanctions targets (OFSI, one row per name of a
 * target, grouped by `Group ID`, after a first line with the date it was last updated) and the defence-links tracker
 * (name, aliases, country, risk level, source URL). Persons, vessels and aircraft are left out.
 */
import { parse } from 'csv-parse/sync';
import countries from 'i18n-iso-countries';
import {
  countryCode,
  isoDate,
  MAX_PROBLEMS,
  otherNames,
  type FileProblem,
  type Parsed,
  type ScreeningEntry,
} from './formats.js';

type Row = { line: number; values: Record<string, string> };

/** A header as compared: lower case, spaces and underscores alike. */
const column = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');

/** The rows of a CSV with a header line, keyed by `column` of their headers, or the problem that stops reading it. */
function rows(text: string, required: string[], fromLine = 1): { rows: Row[]; problems: FileProblem[] } {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse<{ record: Record<string, string>; info: { lines: number } }>(text, {
      bom: true,
      columns: (headers: string[]) => headers.map(column),
      from_line: fromLine,
      info: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    const { lines, message } = error as { lines?: number; message: string };
    return { rows: [], problems: [{ at: `line ${lines ?? '?'}`, message: `not valid CSV: ${message}` }] };
  }
  const headers = new Set(Object.keys(records[0]?.record ?? {}));
  const missing = required.filter((name) => !headers.has(name));
  if (records.length > 0 && missing.length > 0)
    return {
      rows: [],
      problems: [
        {
          at: `line ${fromLine}`,
          message: `the header lacks the column(s) ${missing.map((m) => `"${m}"`).join(', ')}`,
        },
      ],
    };
  if (records.length === 0)
    return { rows: [], problems: [{ at: `line ${fromLine}`, message: 'the file holds no rows' }] };
  return { rows: records.map(({ record, info }) => ({ line: info.lines, values: record })), problems: [] };
}

const split = (text: string | undefined, separator: RegExp) =>
  (text ?? '')
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** A country given by code or by English name, as a code. */
const countryOf = (text: string | undefined) =>
  countryCode(text) ?? (text ? (countries.getAlpha2Code(text.trim(), 'en') ?? null) : null);

/** The US Consolidated Screening List: organisations (type Entity, or none given), by entity number. */
export function parseUsCsv(text: string): Parsed {
  const read = rows(text, ['source', 'name', 'type']);
  const entries: ScreeningEntry[] = [];
  const problems = [...read.problems];
  for (const { line, values } of read.rows) {
    if (problems.length >= MAX_PROBLEMS) break;
    const type = (values['type'] ?? '').toLowerCase();
    if (['individual', 'vessel', 'aircraft'].includes(type)) continue;
    const name = values['name'] ?? '';
    if (name === '') {
      problems.push({ at: `line ${line}`, message: 'the name is empty' });
      continue;
    }
    const listedSince = values['start date'] ?? '';
    if (listedSince !== '' && isoDate(listedSince) === null)
      problems.push({ at: `line ${line}`, message: `start_date "${listedSince}" is no date (YYYY-MM-DD)` });
    const source = values['source'] ?? '';
    const address = split(values['addresses'], /;/)[0];
    entries.push({
      sourceId: values['entity number'] || values['id'] || `${source}: ${name}`,
      name,
      aliases: otherNames(name, split(values['alt names'], /;/)),
      country: countryCode(address?.split(',').pop()) ?? null,
      programme: [source.split(' - ')[0], values['programs']].filter((p) => p).join(': ') || null,
      listedSince: isoDate(listedSince),
      riskLevel: null,
      sourceUrl: values['source list url'] || values['source information url'] || null,
    });
  }
  return { entries, problems };
}

/** The UK list: one row per name of a target; the entities' rows grouped by Group ID, the primary name first. */
export function parseUkCsv(text: string): Parsed {
  // The file opens with "Last Updated,<date>" before its header.
  const fromLine = /^\uFEFF?"?last updated/i.test(text) ? 2 : 1;
  const read = rows(text, ['name 6', 'group type', 'regime', 'group id'], fromLine);
  const problems = [...read.problems];
  const groups = new Map<string, Row[]>();
  for (const row of read.rows) {
    if (problems.length >= MAX_PROBLEMS) break;
    const group = row.values['group id'] ?? '';
    if (group === '') problems.push({ at: `line ${row.line}`, message: 'the Group ID is empty' });
    else if ((row.values['group type'] ?? '').toLowerCase() === 'entity')
      groups.set(group, [...(groups.get(group) ?? []), row]);
  }
  const entries: ScreeningEntry[] = [];
  for (const [group, members] of groups) {
    const primary = members.find((m) => /primary/i.test(m.values['alias type'] ?? '')) ?? members[0];
    if (!primary) continue;
    const name = primary.values['name 6'] ?? '';
    if (name === '') {
      problems.push({
        at: `line ${primary.line}`,
        message: `Name 6 (an entity's name) is empty for Group ID ${group}`,
      });
      continue;
    }
    const listed = members.map((m) => m.values['listed on'] ?? '');
    for (const member of members) {
      const date = member.values['listed on'] ?? '';
      if (date !== '' && isoDate(date) === null)
        problems.push({ at: `line ${member.line}`, message: `Listed On "${date}" is no date (dd/mm/yyyy)` });
    }
    entries.push({
      sourceId: group,
      name,
      aliases: otherNames(
        name,
        members.flatMap((m) => [m.values['name 6'] ?? '', m.values['name non-latin script'] ?? '']),
      ),
      country: countryOf(primary.values['country']),
      programme: primary.values['regime'] || null,
      listedSince:
        listed
          .map(isoDate)
          .filter((d): d is string => d !== null)
          .sort()[0] ?? null,
      riskLevel: null,
      sourceUrl: null,
    });
  }
  return { entries, problems };
}

/** The defence-links tracker: one institution a row; aliases separated by semicolons. */
export function parseTrackerCsv(text: string): Parsed {
  const read = rows(text, ['name', 'aliases', 'country', 'risk level', 'source url']);
  const entries: ScreeningEntry[] = [];
  const problems = [...read.problems];
  for (const { line, values } of read.rows) {
    if (problems.length >= MAX_PROBLEMS) break;
    const name = values['name'] ?? '';
    const country = countryOf(values['country']);
    const url = values['source url'] ?? '';
    if (name === '') problems.push({ at: `line ${line}`, message: 'the name is empty' });
    if (values['country'] && country === null)
      problems.push({
        at: `line ${line}`,
        message: `country "${values['country']}" is no country (e.g. "CN" or "China")`,
      });
    if (url !== '' && !/^https?:\/\/\S+$/.test(url))
      problems.push({ at: `line ${line}`, message: `source URL "${url}" is no web address (https://…)` });
    if (name === '') continue;
    entries.push({
      sourceId: `${name.toLowerCase()}|${country ?? ''}`,
      name,
      aliases: otherNames(name, split(values['aliases'], /;/)),
      country,
      programme: null,
      listedSince: null,
      riskLevel: values['risk level'] || null,
      sourceUrl: url || null,
    });
  }
  return { entries, problems };
}
