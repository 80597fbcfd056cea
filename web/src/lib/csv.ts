// CSV as spreadsheets read it (RFC 4180): a field with the separator, a quote or a line break is quoted, quotes
// doubled, lines end in CRLF; a UTF-8 byte order mark first, without which Excel reads UTF-8 as the local code page.

/** What Excel takes for UTF-8. */
export const UTF8_BOM = '\uFEFF';

/**
 * A spreadsheet runs a cell that starts with one of these as a formula ("=HYPERLINK(…)" in a name from the API):
 * such a cell gets a leading apostrophe, which the spreadsheet shows as text and does not run (OWASP's advice).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: string, separator: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The rows (the first one the header) as the text of a CSV file, the BOM first. `separator` is a comma, or a
 * semicolon for a spreadsheet set to Dutch, which takes the comma for decimals and a semicolon between fields.
 */
export function csvText(rows: ReadonlyArray<readonly string[]>, separator: ',' | ';' = ','): string {
  return UTF8_BOM + rows.map((row) => row.map((value) => field(value, separator)).join(separator) + '\r\n').join('');
}

/** A file name of a question's words: "experts-semiconductors-in-taiwan.csv". */
export function csvFileName(question: string): string {
  const words = question
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `experts${words ? `-${words}` : ''}.csv`;
}
