import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsv, decodeWindows1252, firstInvalidUtf8 } from '../../../src/experts/csv/decode.js';
import { MAX_IMPORT_ROWS, parseExpertCsv } from '../../../src/experts/csv/parse.js';

const latin1 = (text: string) => Uint8Array.from(Array.from(text, (c) => c.charCodeAt(0)));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeCsv (issue 18.7: a Latin-1 file imported "Jürgen" as "J�rgen")', () => {
  it('refuses bytes that are not UTF-8, naming the line, the byte and what to do', () => {
    const result = decodeCsv(latin1('slug,name\njan,Jan\njurgen,J\u00FCrgen M\u00FCller\n'));
    expect(result.text).toBeNull();
    expect(result.problems).toEqual([
      {
        line: 3,
        field: 'file',
        message: expect.stringMatching(
          /^is not UTF-8: byte 0xFC after "jurgen,J" is not valid UTF-8\. Save the file as UTF-8.*windows-1252/,
        ),
      },
    ]);
  });

  it('converts from the encoding the user names, and reads UTF-8 with or without a byte order mark', () => {
    expect(decodeCsv(latin1('slug,name\njurgen,J\u00FCrgen\n'), 'windows-1252')).toEqual({
      text: 'slug,name\njurgen,Jürgen\n',
      problems: [],
    });
    expect(decodeCsv(latin1('slug,name\njurgen,J\u00FCrgen\n'), 'iso-8859-1').text).toBe('slug,name\njurgen,Jürgen\n');
    // windows-1252 is not Latin-1 in 0x80–0x9F: the euro sign and curly quotes Excel writes.
    // (Node 20's own TextDecoder drops these bytes: nodejs/node#60888.)
    expect(decodeCsv(Uint8Array.from([0x80, 0x93, 0x94, 0x41, 0x9f, 0xff]), 'windows-1252').text).toBe('€“”AŸÿ');
    expect(decodeCsv(Uint8Array.from([0x92]), 'latin1').text).toBe('’');
    expect(decodeCsv(utf8('\uFEFFslug,name\njurgen,Jürgen\n')).text).toBe('slug,name\njurgen,Jürgen\n');
    expect(decodeCsv(utf8('slug,name\njurgen,Jürgen\n'), 'UTF-8').text).toBe('slug,name\njurgen,Jürgen\n');
    const utf16 = Uint8Array.from([
      0xff,
      0xfe,
      ...Array.from('slug,name\nj,Jü\n').flatMap((c) => [c.charCodeAt(0), 0]),
    ]);
    expect(decodeCsv(utf16, 'utf-16le').text).toBe('slug,name\nj,Jü\n');
    expect(decodeCsv(utf16).problems[0]!.message).toMatch(/is UTF-16 .*utf-16le/);
  });

  it('decodes windows-1252 byte for byte: ASCII and Latin-1 as themselves, 0x80–0x9F by the WHATWG table', () => {
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(all.length).toBe(256);
    for (let i = 0; i < 256; i++) if (i < 0x80 || i > 0x9f) expect(all.charCodeAt(i)).toBe(i);
    expect(all.slice(0x80, 0xa0)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ');
  });

  it(
    'refuses a UTF-8 file said to be in a single-byte encoding ' +
      '(it would become "JÃ¼rgen"), and an unknown encoding',
    () => {
      expect(decodeCsv(utf8('slug,name\njurgen,Jürgen\n'), 'windows-1252').problems).toEqual([
        { line: 2, field: 'file', message: 'is UTF-8, not windows-1252: leave out the encoding' },
      ]);
      // Plain ASCII is the same in both: nothing to refuse.
      expect(decodeCsv(utf8('slug,name\njan,Jan\n'), 'windows-1252').text).toBe('slug,name\njan,Jan\n');
      expect(decodeCsv(utf8('slug,name\n'), 'klingon').problems[0]!.message).toMatch(
        /^"klingon" is not an encoding this tool knows: use e\.g\. utf-8, windows-1252/,
      );
    },
  );

  it('refuses a file that carries U+FFFD from an earlier wrong decoding', () => {
    expect(decodeCsv(utf8('slug,name\njan,Jan\njurgen,J\uFFFDrgen\n')).problems).toEqual([
      { line: 3, field: 'file', message: expect.stringContaining('U+FFFD, the replacement character') },
    ]);
  });

  it('finds the first bad byte exactly where a strict UTF-8 decoder fails (overlong, surrogates, truncation)', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const valid = (bytes: Uint8Array) => {
      try {
        strict.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    const edgy = fc.constantFrom(
      0x00,
      0x41,
      0x7f,
      0x80,
      0xbf,
      0xc0,
      0xc1,
      0xc2,
      0xdf,
      0xe0,
      0xed,
      0xef,
      0xf0,
      0xf4,
      0xf5,
      0xff,
      0x9f,
      0xa0,
      0x8f,
      0x90,
    );
    const bytes = fc
      .array(fc.oneof(edgy, fc.integer({ min: 0, max: 255 })), { maxLength: 24 })
      .map((list) => Uint8Array.from(list));
    const text = fc.string({ unit: 'binary', maxLength: 20 }).map((s) => new TextEncoder().encode(s));
    fc.assert(
      fc.property(fc.oneof(bytes, text), (input) => {
        const bad = firstInvalidUtf8(input);
        if (bad === -1) return valid(input);
        // Everything before it is UTF-8, and it starts no well-formed sequence.
        return (
          !valid(input) &&
          valid(input.subarray(0, bad)) &&
          !valid(input.subarray(bad, bad + 4).subarray(0, Math.min(4, input.length - bad)))
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseExpertCsv: the file as a whole', () => {
  it('refuses duplicate columns, naming the column and its positions', () => {
    const { rows, problems, readable } = parseExpertCsv('slug,name,headline,name\njan,Jan,Chips,Jan de Vries\n');
    expect(readable).toBe(false);
    expect(rows).toEqual([]);
    expect(problems).toEqual([{ line: 1, field: 'name', message: 'appears 2 times (columns 2, 4): keep one of them' }]);
    // Spaces around a header do not make it another column.
    expect(parseExpertCsv('slug, name ,name\nj,J,J\n').problems).toEqual([
      { line: 1, field: 'name', message: 'appears 2 times (columns 2, 3): keep one of them' },
    ]);
  });

  it(`refuses a file of more than ${MAX_IMPORT_ROWS} rows up front, saying the limit and to split it`, () => {
    const file = (count: number) =>
      ['slug,name', ...Array.from({ length: count }, (_, i) => `e-${i},Expert ${i}`)].join('\n');
    expect(parseExpertCsv(file(MAX_IMPORT_ROWS)).readable).toBe(true);
    const { problems, readable } = parseExpertCsv(file(MAX_IMPORT_ROWS + 1));
    expect(readable).toBe(false);
    expect(problems).toEqual([
      {
        line: MAX_IMPORT_ROWS + 2,
        field: 'file',
        message:
          `has ${MAX_IMPORT_ROWS + 1} rows; one import takes at most ${MAX_IMPORT_ROWS} ` +
          '(it is one transaction, all or nothing): split the file into files of at most ' +
          `${MAX_IMPORT_ROWS} rows, each with the header row, and import them one after another`,
      },
    ]);
  });

  it('refuses control and bidi characters in name cells as createExpert does, leaving the field out of the row', () => {
    const { rows, problems } = parseExpertCsv(
      'slug,name,headline,affiliations\n' +
        'jan,"Jan\u202Eeilrahc",Chips\u0007,"leiden-asia-centre|Fel\u200Blow|2020-01-01|"\n',
    );
    expect(problems).toEqual([
      { line: 2, field: 'affiliations[0].role', message: expect.stringContaining('U+200B ZERO WIDTH SPACE') },
      { line: 2, field: 'name', message: expect.stringContaining('U+202E RIGHT-TO-LEFT OVERRIDE') },
      { line: 2, field: 'headline', message: expect.stringContaining('U+0007') },
    ]);
    expect(rows[0]!.input).toEqual({ slug: 'jan' });
  });
});
