import { present } from '../../errors.js';
import type { CsvProblem } from './parse.js';

/**
 * The bytes of an expert CSV as text. Without an encoding the file must be UTF-8 (a byte order mark is
 * fine): anything else is refused with the line of its first bad byte, never read with replacement
 * characters (a Latin-1 "Jürgen" became "J�rgen"). With an encoding (any label the WHATWG Encoding
 * standard knows, e.g. `windows-1252`, `iso-8859-1`, `utf-16le`) the bytes are converted from it.
 */
export function decodeCsv(
  bytes: Uint8Array,
  encoding?: string,
): { text: string; problems: [] } | { text: null; problems: CsvProblem[] } {
  const refuse = (line: number, message: string) => ({ text: null, problems: [{ line, field: 'file', message }] });
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding?.trim() || 'utf-8', { fatal: true });
  } catch {
    return refuse(
      1,
      `"${encoding}" is not an encoding this tool knows: use e.g. utf-8, windows-1252, iso-8859-1 or utf-16le`,
    );
  }
  const bad = firstInvalidUtf8(bytes);
  if (decoder.encoding === 'utf-8') {
    if (bad !== -1) return refuse(lineAt(bytes, bad), notUtf8(bytes, bad));
  } else if (bad === -1 && bytes.some((byte) => byte >= 0x80)) {
    // A UTF-8 file read as windows-1252 turns "Jürgen" into "JÃ¼rgen" without any error: refuse the mismatch instead.
    return refuse(
      lineAt(
        bytes,
        bytes.findIndex((byte) => byte >= 0x80),
      ),
      `is UTF-8, not ${decoder.encoding}: leave out the encoding`,
    );
  }
  let text: string;
  try {
    text = decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
  } catch {
    return refuse(1, `is not valid ${decoder.encoding}: give the encoding the file was saved in, or save it as UTF-8`);
  }
  // Left by an earlier wrong decoding: the characters it stands for are lost, and no import should store it.
  const replaced = text.indexOf('\uFFFD');
  if (replaced !== -1) {
    const line = text.slice(0, replaced).split('\n').length;
    return refuse(
      line,
      'contains U+FFFD, the replacement character left where text was once decoded with the wrong encoding (the ' +
        'original characters are lost): export the file again from its source',
    );
  }
  return { text, problems: [] };
}

/**
 * What bytes 0x80–0x9F stand for in windows-1252 (WHATWG Encoding index; the rest is Latin-1). Node 20.18.3
 * and later decode these bytes wrongly with TextDecoder (its Latin-1 fast path drops them: nodejs/node#60888,
 * #56542), and `latin1`, `iso-8859-1` and `ascii` all mean windows-1252 there, so this one is decoded here.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const codes = Array.from(bytes, (byte) =>
    byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte,
  );
  let text = '';
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode(...codes.slice(i, i + 8192));
  return text;
}

/** The line (from 1) a byte offset is on, counting line feeds as an editor does. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function notUtf8(bytes: Uint8Array, offset: number): string {
  const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return (
      'is UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8: save it as UTF-8, or give the encoding ' +
      '(utf-16le or utf-16be)'
    );
  }
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  const before = new TextDecoder('utf-8').decode(bytes.subarray(Math.max(lineStart, offset - 30), offset));
  return (
    `is not UTF-8: byte ${hex(present(bytes[offset], `byte ${offset}`))} after "${before}" is not valid UTF-8. ` +
    'Save the file as UTF-8 (in Excel: "CSV UTF-8"), ' +
    'or give the encoding it was saved in, e.g. windows-1252 (Excel\'s "CSV" on Western Windows) or iso-8859-1'
  );
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  // Each turn starts at a lead byte, until there is none (past the end).
  for (let lead = bytes[i]; lead !== undefined; lead = bytes[i]) {
    if (lead < 0x80) {
      i++;
      continue;
    }
    // The number of continuation bytes, and the range of the first one (no overlong forms, no surrogates, nothing past
    // U+10FFFF).
    let length: number;
    let [low, high] = [0x80, 0xbf];
    if (lead >= 0xc2 && lead <= 0xdf) length = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= length; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += length + 1;
  }
  return -1;
}
