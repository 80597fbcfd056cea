import { describe, expect, it } from 'vitest';
import { csvFileName, csvText, UTF8_BOM } from '../../../web/src/lib/csv.js';

/** The lines of a CSV text, without its BOM. */
const body = (text: string) => {
  expect(text.startsWith(UTF8_BOM)).toBe(true);
  return text.slice(UTF8_BOM.length);
};

describe('CSV for spreadsheets', () => {
  it('starts with the UTF-8 byte order mark and ends each row with CRLF', () => {
    expect(
      csvText([
        ['name', 'why'],
        ['Li Wei', 'Halfgeleiders in Oost-Azië'],
      ]),
    ).toBe(`${UTF8_BOM}name,why\r\nLi Wei,Halfgeleiders in Oost-Azië\r\n`);
  });

  it('quotes a field with the separator, a quote or a line break, and doubles its quotes', () => {
    expect(body(csvText([['Delft, TU', 'the "Taiwan" desk', 'two\nlines', 'cr\rhere', 'plain']]))).toBe(
      '"Delft, TU","the ""Taiwan"" desk","two\nlines","cr\rhere",plain\r\n',
    );
  });

  it('with a semicolon (a spreadsheet set to Dutch), quotes at semicolons and leaves commas alone', () => {
    expect(body(csvText([['Delft, TU', 'a; b']], ';'))).toBe('Delft, TU;"a; b"\r\n');
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    expect(body(csvText([['=HYPERLINK("http://x")', '+31 6', '-1', '@SUM(A1)', 'a=b']]))).toBe(
      `"'=HYPERLINK(""http://x"")",'+31 6,'-1,'@SUM(A1),a=b\r\n`,
    );
  });

  it('keeps empty fields and rows', () => {
    expect(body(csvText([['', 'x', '']]))).toBe(',x,\r\n');
    expect(body(csvText([]))).toBe('');
  });

  it('names the file after the question', () => {
    expect(csvFileName('Wie weet iets van halfgeleiders in Oost-Azië?')).toBe(
      'experts-wie-weet-iets-van-halfgeleiders-in-oost-azie.csv',
    );
    expect(csvFileName('???')).toBe('experts.csv');
  });
});
