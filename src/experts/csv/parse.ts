import { parse } from 'csv-parse/sync';
import { lineTextProblem, slugProblem } from '../../writes/checks.js';
import { checkedProperties, EXPERT_TEXT_MAX } from '../checks.js';
import type { CreateExpertInput } from '../inputs.js';
import { InputProblems, present } from '../../errors.js';
import { type EXPERT_PROPERTIES, EXPERT_PROPERTY_LIST, PROVENANCES, type ExpertProperty } from '../model.js';

/**
 * The expert CSV format (UTF-8, comma-separated, a header row naming the columns). `slug` and `name` are
 * required; any other column may be left out, and a column left out leaves that field as it is. In a
 * given column an empty cell clears the field (a list: empties it). Lists separate items with `;`, and
 * the parts of an item with `|`.
 */
export const EXPERT_COLUMNS = {
  slug: 'stable id: a new one creates the expert, an existing one updates it',
  ...(Object.fromEntries(EXPERT_PROPERTY_LIST.map(([field, { csv }]) => [field, csv])) as {
    [P in ExpertProperty]: (typeof EXPERT_PROPERTIES)[P]['csv'];
  }),
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

/**
 * Most rows one import takes. An import is one transaction that checks every row against the graph and
 * keeps the rankings current in it (up to MAX_EXPERTS_IN_TRANSACTION experts, src/whoknows/standings/maintain.ts);
 * see docs/secretariats.md ("Bulk import of experts") for the measurement behind it.
 */
export const MAX_IMPORT_ROWS = 2_000;

/**
 * Longest cell taken at all (the longest field, a bio, is 4000 characters): anything longer is not looked at further.
 */
const MAX_CELL = 5000;

const items = (cell: string) =>
  cell
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
const parts = (item: string) => item.split('|').map((part) => part.trim());

/** A real calendar day written YYYY-MM-DD (so 2020-13-01 and 2021-02-30 are not). */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
}
const orNull = (text: string | undefined) => (text === undefined || text === '' ? null : text);

const YES = ['yes', 'y', 'true', '1', 'ja'];
const NO = ['no', 'n', 'false', '0', 'nee', ''];

/** The problems found in one row's cells, by the field they concern (`expertise[1].level`). */
class RowProblems {
  readonly list: Array<{ field: string; message: string }> = [];
  add(field: string, message: string): void {
    this.list.push({ field, message });
  }
  /** The input fields with a problem: left out of the graph checks, so that no bad value goes further. */
  fields(): Set<string> {
    return new Set(this.list.map((p) => p.field.replace(/[[.][\s\S]*$/, '')));
  }
}

/** `theme|level|provenance` or `country|level|provenance`: every part in form. */
function levelItems<K extends 'theme' | 'country'>(cell: string, list: string, key: K, problems: RowProblems) {
  return items(cell).map((item, index) => {
    const field = `${list}[${index}]`;
    const [target = '', levelText = '', provenanceText = '', ...extra] = parts(item);
    if (extra.length > 0) problems.add(field, `"${item}" has ${3 + extra.length} parts: write ${key}|level|provenance`);
    if (target === '') problems.add(`${field}.${key}`, `is empty: write ${key}|level|provenance`);
    const level = /^\d+$/.test(levelText) ? Number(levelText) : Number.NaN;
    if (levelText === '') problems.add(`${field}.level`, 'is missing: give a level from 1 to 5');
    else if (!/^\d+$/.test(levelText))
      problems.add(`${field}.level`, `"${levelText}" is not a whole number from 1 to 5`);
    else if (level < 1 || level > 5) problems.add(`${field}.level`, `must be from 1 to 5 (got ${level})`);
    const provenance = provenanceText.toUpperCase();
    if (provenance !== '' && !(PROVENANCES as readonly string[]).includes(provenance)) {
      problems.add(`${field}.provenance`, `"${provenanceText}" is not DECLARED, VERIFIED or EVIDENCED`);
    }
    const checked = provenance === '' ? null : (provenance as (typeof PROVENANCES)[number]);
    return { [key]: target, level, provenance: checked } as { level: number; provenance: typeof checked } & Record<
      K,
      string
    >;
  });
}

/** A day as the Date scalar hands it over (midnight UTC); null when empty or not a day (reported already). */
const dayOf = (text: string | undefined) => (text && isDay(text) ? new Date(`${text}T00:00:00Z`) : null);

/** `institution|role|since|until`: the dates real days, in order. */
function affiliationItems(cell: string, problems: RowProblems) {
  return items(cell).map((item, index) => {
    const field = `affiliations[${index}]`;
    const [institution = '', role, since, until, ...extra] = parts(item);
    if (extra.length > 0)
      problems.add(field, `"${item}" has ${4 + extra.length} parts: write institution|role|since|until`);
    if (institution === '') problems.add(`${field}.institution`, 'is empty: write institution|role|since|until');
    if (role && role.length > EXPERT_TEXT_MAX.role)
      problems.add(`${field}.role`, `must be at most ${EXPERT_TEXT_MAX.role} characters (got ${role.length})`);
    const unfit = role ? lineTextProblem(role) : null;
    if (unfit) problems.add(`${field}.role`, unfit);
    for (const [key, value] of [
      ['since', since],
      ['until', until],
    ] as const) {
      if (value && !isDay(value)) problems.add(`${field}.${key}`, `"${value}" is not a date as YYYY-MM-DD`);
    }
    if (since && until && isDay(since) && isDay(until) && until < since)
      problems.add(`${field}.until`, `${until} is before since (${since})`);
    return { institution, role: orNull(role), since: dayOf(since), until: dayOf(until) };
  });
}

/**
 * Turns one record into the input createExpert/updateExpert take, checking every cell's form on the way
 * without the graph: lengths, e-mail, phone, yes/no, languages, list syntax, levels, provenance, dates.
 * A field with a problem is left out of the input, so that only well-formed values reach the graph checks
 * (and none reaches Neo4j); its problems are added with the line.
 */
function rowInput(
  record: Record<string, string>,
  columns: ExpertColumn[],
  line: number,
  report: CsvProblem[],
): ExpertRow['input'] {
  const problems = new RowProblems();
  const has = (column: ExpertColumn) => columns.includes(column);
  for (const column of columns) {
    const length = record[column]?.length ?? 0;
    if (length > MAX_CELL) problems.add(column, `is ${length} characters long: at most ${MAX_CELL}`);
  }
  const cell = (column: ExpertColumn) => (problems.fields().has(column) ? '' : (record[column] ?? '').trim());
  const input: ExpertRow['input'] = { slug: cell('slug'), name: cell('name') };
  if (input.slug === '') {
    if (!problems.fields().has('slug')) problems.add('slug', 'is empty: every row needs the stable id of its expert');
  } else {
    const slugIssue = slugProblem(input.slug);
    if (slugIssue) problems.add('slug', slugIssue);
  }
  // The expert's own properties as their kind reads from a cell (the name, required, is read above).
  const ownProperties = input as Record<ExpertProperty, unknown>;
  for (const [field, { kind }] of EXPERT_PROPERTY_LIST) {
    if (field === 'name' || !has(field)) continue;
    switch (kind) {
      case 'name':
      case 'line':
      case 'text':
      case 'email':
      case 'phone':
        ownProperties[field] = orNull(cell(field));
        break;
      case 'yesNo': {
        const answer = cell(field).toLowerCase();
        if (YES.includes(answer)) ownProperties[field] = true;
        else if (NO.includes(answer)) ownProperties[field] = false;
        else problems.add(field, `"${record[field]}" is not yes or no`);
        break;
      }
      case 'languages':
        ownProperties[field] = items(cell(field));
        break;
    }
  }
  if (has('networks')) input.networks = items(cell('networks'));
  if (has('affiliations')) input.affiliations = affiliationItems(cell('affiliations'), problems);
  if (has('expertise')) input.expertise = levelItems(cell('expertise'), 'expertise', 'theme', problems);
  if (has('countryFocus')) input.countryFocus = levelItems(cell('countryFocus'), 'countryFocus', 'country', problems);
  // The expert's own properties, as createExpert checks them (name, lengths, e-mail, phone, languages).
  const properties = new InputProblems();
  const bad = problems.fields();
  checkedProperties(properties, Object.fromEntries(Object.entries(input).filter(([field]) => !bad.has(field))));
  for (const problem of properties.list) problems.add(problem.field, problem.message);

  report.push(...problems.list.map((problem) => ({ line, ...problem })));
  // The fields with a problem left out; the slug stays, as it names the row.
  const faulty = problems.fields();
  const kept = Object.entries(input).filter(([field]) => field === 'slug' || !faulty.has(field));
  return Object.fromEntries(kept) as ExpertRow['input'];
}

/**
 * The line (from 1) each record of a CSV text starts on, the header's first, counting lines as an editor does
 * (CRLF, LF and CR each end one). A record ends at the line break the file uses (its first one outside
 * quotes, as csv-parse detects it), and empty lines are skipped. csv-parse's own count (`info.lines`) is the
 * line a record ends on, and takes a CRLF inside a quoted cell for two lines: after a cell of several lines,
 * problems named the wrong line.
 */
function recordStartLines(text: string): number[] {
  const starts: number[] = [];
  let recordBreak: string | null = null;
  let line = 1;
  let quoted = false;
  let atRecordStart = true;
  for (let i = 0; i < text.length; i++) {
    const character = text.charAt(i);
    const crlf = character === '\r' && text[i + 1] === '\n';
    if (!quoted && (character === '\r' || character === '\n')) recordBreak ??= crlf ? '\r\n' : character;
    if (!quoted && recordBreak !== null && text.startsWith(recordBreak, i)) {
      line++;
      atRecordStart = true;
      // Where CR alone ends records, a CRLF's LF is the next record's first character, still one line break.
      if (crlf && recordBreak === '\r') {
        starts.push(line);
        atRecordStart = false;
        i++;
      } else i += recordBreak.length - 1;
      continue;
    }
    if (atRecordStart) starts.push(line);
    atRecordStart = false;
    // A quote inside a cell is doubled, so every quote toggles: csv-parse has refused the text if they do not pair.
    if (character === '"') quoted = !quoted;
    // A line break inside a cell, or one this file does not end records with: a line all the same (CRLF once).
    else if (character === '\n' || (character === '\r' && !crlf)) line++;
  }
  return starts;
}

/**
 * Parses an expert CSV; problems with the file's form or a cell's form come back with their line numbers.
 * `readable` is false when the file itself (its CSV or its header) is wrong, so rows could not be read.
 */
export function parseExpertCsv(text: string): { rows: ExpertRow[]; problems: CsvProblem[]; readable: boolean } {
  const problems: CsvProblem[] = [];
  let records: Array<{ record: Record<string, string>; line: number }>;
  try {
    const parsed = parse<Record<string, string>>(text, {
      columns: (header: string[]) => header.map((column) => column.trim()),
      bom: true,
      skip_empty_lines: true,
    });
    const lines = recordStartLines(text).slice(1);
    records = parsed.map((record, index) => ({ record, line: present(lines[index], `the line of row ${index + 1}`) }));
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      rows: [],
      problems: [{ line, field: 'file', message: `not valid CSV: ${(error as Error).message}` }],
      readable: false,
    };
  }
  const header = parse(text, { bom: true, to_line: 1 });
  const columns = (header[0] ?? []).map((column) => column.trim());
  const unknown = new Set(columns.filter((column) => !(column in EXPERT_COLUMNS)));
  for (const column of unknown) {
    problems.push({
      line: 1,
      field: column,
      message: `is not a known column: use ${Object.keys(EXPERT_COLUMNS).join(', ')}`,
    });
  }
  // CSV readers keep the last of two columns of one name: the first one's cells would be dropped without a word.
  const positions = new Map<string, number[]>();
  columns.forEach((column, index) => positions.set(column, [...(positions.get(column) ?? []), index + 1]));
  for (const [column, at] of positions) {
    if (at.length > 1)
      problems.push({
        line: 1,
        field: column,
        message: `appears ${at.length} times (columns ${at.join(', ')}): keep one of them`,
      });
  }
  for (const required of ['slug', 'name'] as const) {
    if (!columns.includes(required)) problems.push({ line: 1, field: required, message: 'column is missing' });
  }
  const firstTooMany = records[MAX_IMPORT_ROWS];
  if (firstTooMany) {
    problems.push({
      line: firstTooMany.line,
      field: 'file',
      message:
        `has ${records.length} rows; one import takes at most ${MAX_IMPORT_ROWS} ` +
        '(it is one transaction, all or nothing): ' +
        `split the file into files of at most ${MAX_IMPORT_ROWS} rows, each with the header row, ` +
        'and import them one after another',
    });
  }
  if (problems.length > 0) return { rows: [], problems, readable: false };

  const seen = new Map<string, number>();
  const rows = records.map(({ record, line }) => {
    const input = rowInput(record, columns as ExpertColumn[], line, problems);
    const earlier = seen.get(input.slug);
    if (input.slug && earlier !== undefined)
      problems.push({ line, field: 'slug', message: `"${input.slug}" is on line ${earlier} already` });
    seen.set(input.slug, line);
    return { line, input };
  });
  return { rows, problems, readable: true };
}
