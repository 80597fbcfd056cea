import { parse } from 'csv-parse/sync';
import type { CreateExpertInput } from '../curation/expert-service.js';

/**
 * The expert CSV format (UTF-8, comma-separated, a header row naming the columns). `slug` and `name` are
 * required; any other column may be left out, and a column left out leaves that field as it is. In a
 * given column an empty cell clears the field (a list: empties it). Lists separate items with `;`, and
 * the parts of an item with `|`.
 */
export const EXPERT_COLUMNS = {
  slug: 'stable id: a new one creates the expert, an existing one updates it',
  name: 'full name',
  email: 'e-mail address',
  phone: 'phone number with country code, e.g. +31 6 12345678',
  contactConsent: 'yes or no: may officers contact the expert directly',
  headline: 'one line on what the expert knows',
  headlineNl: 'the same in Dutch',
  bio: 'short profile',
  bioNl: 'short profile in Dutch',
  languages: 'ISO 639-1 codes, e.g. en;nl;zh',
  networks: 'network acronyms or ids, e.g. CKN;REKA',
  affiliations: 'institution|role|since|until; … (dates as YYYY-MM-DD; until empty while current)',
  expertise: 'theme|level|provenance; … (level 1-5; provenance DECLARED, VERIFIED or EVIDENCED, default DECLARED)',
  countryFocus: 'country|level|provenance; … (country as ISO code or name)',
} as const;

export type ExpertColumn = keyof typeof EXPERT_COLUMNS;

export interface CsvProblem {
  /** The line in the file (1 is the header). */
  line: number;
  field: string;
  message: string;
}

export interface ExpertRow {
  line: number;
  input: CreateExpertInput & { slug: string };
}

const items = (cell: string) =>
  cell
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
const parts = (item: string) => item.split('|').map((part) => part.trim());
/** A real calendar day written YYYY-MM-DD (so 2020-13-01 and 2021-02-30 are not). */
function isDay(text: string): boolean {
  const day = new Date(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
}
const orNull = (text: string | undefined) => (text === undefined || text === '' ? null : text);

function level(text: string | undefined): number {
  return /^\d+$/.test(text ?? '') ? Number(text) : Number.NaN;
}

function provenance(text: string | undefined, problems: CsvProblem[], line: number, field: string) {
  const value = (text ?? '').toUpperCase();
  if (value === '') return null;
  if (value === 'DECLARED' || value === 'VERIFIED' || value === 'EVIDENCED') return value;
  problems.push({ line, field, message: `"${text}" is not DECLARED, VERIFIED or EVIDENCED` });
  return null;
}

/** Turns one record into the input createExpert/updateExpert take; problems in the cells' form are added. */
function rowInput(record: Record<string, string>, columns: ExpertColumn[], line: number, problems: CsvProblem[]): ExpertRow['input'] {
  const has = (column: ExpertColumn) => columns.includes(column);
  const input: ExpertRow['input'] = { slug: record.slug?.trim() ?? '', name: record.name?.trim() ?? '' };
  for (const field of ['email', 'phone', 'headline', 'headlineNl', 'bio', 'bioNl'] as const) {
    if (has(field)) input[field] = orNull(record[field]?.trim());
  }
  if (has('contactConsent')) {
    const consent = (record.contactConsent ?? '').trim().toLowerCase();
    if (['yes', 'y', 'true', '1', 'ja'].includes(consent)) input.contactConsent = true;
    else if (['no', 'n', 'false', '0', 'nee', ''].includes(consent)) input.contactConsent = false;
    else problems.push({ line, field: 'contactConsent', message: `"${record.contactConsent}" is not yes or no` });
  }
  if (has('languages')) input.languages = items(record.languages ?? '');
  if (has('networks')) input.networks = items(record.networks ?? '');
  if (has('affiliations')) {
    input.affiliations = items(record.affiliations ?? '').map((item) => {
      const [institution = '', role, since, until] = parts(item);
      return { institution, role: orNull(role), since: orNull(since), until: orNull(until) };
    });
    input.affiliations.forEach((a, index) => {
      for (const [key, value] of [['since', a.since], ['until', a.until]] as const) {
        if (typeof value === 'string' && !isDay(value)) {
          problems.push({ line, field: `affiliations[${index}].${key}`, message: `"${value}" is not a date as YYYY-MM-DD` });
        }
      }
    });
  }
  if (has('expertise')) {
    input.expertise = items(record.expertise ?? '').map((item, index) => {
      const [theme = '', levelText, provenanceText] = parts(item);
      return { theme, level: level(levelText), provenance: provenance(provenanceText, problems, line, `expertise[${index}].provenance`) };
    });
  }
  if (has('countryFocus')) {
    input.countryFocus = items(record.countryFocus ?? '').map((item, index) => {
      const [country = '', levelText, provenanceText] = parts(item);
      return { country, level: level(levelText), provenance: provenance(provenanceText, problems, line, `countryFocus[${index}].provenance`) };
    });
  }
  if (input.slug === '') problems.push({ line, field: 'slug', message: 'is empty: every row needs the stable id of its expert' });
  return input;
}

/**
 * Parses an expert CSV; problems with the file's form or a cell's form come back with their line numbers.
 * `readable` is false when the file itself (its CSV or its header) is wrong, so rows could not be read.
 */
export function parseExpertCsv(text: string): { rows: ExpertRow[]; problems: CsvProblem[]; readable: boolean } {
  const problems: CsvProblem[] = [];
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((column) => column.trim()),
      bom: true,
      skip_empty_lines: true,
      info: true,
    }) as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], problems: [{ line, field: 'file', message: `not valid CSV: ${(error as Error).message}` }], readable: false };
  }
  const header = parse(text, { bom: true, to_line: 1 }) as string[][];
  const columns = (header[0] ?? []).map((column) => column.trim());
  const unknown = columns.filter((column) => !(column in EXPERT_COLUMNS));
  for (const column of unknown) {
    problems.push({ line: 1, field: column, message: `is not a known column: use ${Object.keys(EXPERT_COLUMNS).join(', ')}` });
  }
  for (const required of ['slug', 'name'] as const) {
    if (!columns.includes(required)) problems.push({ line: 1, field: required, message: 'column is missing' });
  }
  if (problems.length > 0) return { rows: [], problems, readable: false };

  const seen = new Map<string, number>();
  const rows = records.map(({ record, info }) => {
    const input = rowInput(record, columns as ExpertColumn[], info.lines, problems);
    const earlier = seen.get(input.slug);
    if (input.slug && earlier !== undefined) problems.push({ line: info.lines, field: 'slug', message: `"${input.slug}" is on line ${earlier} already` });
    seen.set(input.slug, info.lines);
    return { line: info.lines, input };
  });
  return { rows, problems, readable: true };
}
