import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputProblems } from '../../../src/errors.js';
import { checkedText, inputName, lineTextProblem } from '../../../src/writes/checks.js';

const BIDI = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** Letters, marks and digits of any script, with the spaces, hyphens, apostrophes and dots names use. */
const nameCharacter = fc
  .integer({ min: 0x20, max: 0x2ffff })
  .map((code) => String.fromCodePoint(code))
  .filter((character) => /^[\p{L}\p{M}\p{N} '’.-]$/u.test(character));
const ordinaryName = fc.string({ unit: nameCharacter, minLength: 1, maxLength: 40 });
/** C0 (tab and line breaks included), DEL and C1. */
const control = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }));

/** Puts `inserted` somewhere inside `text` (between code points). */
const withInside = (text: fc.Arbitrary<string>, inserted: fc.Arbitrary<number>) =>
  fc.tuple(text, inserted, fc.nat()).map(([base, code, at]) => {
    const characters = Array.from(base);
    const index = at % (characters.length + 1);
    return {
      code,
      text: [...characters.slice(0, index), String.fromCodePoint(code), ...characters.slice(index)].join(''),
    };
  });

describe('lineTextProblem (names and other one-line text)', () => {
  it('accepts any string of ordinary letters, marks, digits and name punctuation, in any script', () => {
    fc.assert(fc.property(ordinaryName, (name) => lineTextProblem(name) === null));
  });

  it('accepts real names, including those that need a joiner', () => {
    for (const name of [
      'Jürgen Müller',
      'Zoë O’Brien-Ünal',
      'Ягодка Ёжикова',
      '王小明',
      'محمد بن سلمان',
      'מרים',
      'नमस्ते',
      'می‌خواهم',
      'Dr. A. de Vries Jr.',
    ]) {
      expect(lineTextProblem(name), name).toBeNull();
    }
  });

  it('refuses any string with a bidi control character, naming its code point', () => {
    fc.assert(
      fc.property(withInside(ordinaryName, fc.constantFrom(...BIDI)), ({ code, text }) => {
        const problem = lineTextProblem(text);
        return problem !== null && problem.includes(hex(code)) && problem.includes('bidi');
      }),
    );
  });

  it('refuses any string with a control character (tabs and line breaks too), naming its code point', () => {
    fc.assert(
      fc.property(withInside(ordinaryName, control), ({ code, text }) => {
        const problem = lineTextProblem(text);
        return problem !== null && problem.includes(hex(code));
      }),
    );
  });

  it('names the character and where it is', () => {
    expect(lineTextProblem('Anna\u202Eeilrahc')).toBe(
      'contains U+202E RIGHT-TO-LEFT OVERRIDE at character 5, an invisible bidi ' +
        'control that makes text display in another order than it is stored: remove it',
    );
    expect(lineTextProblem('Anna\nSmith')).toMatch(
      /^contains U\+000A LINE FEED at character 5, a control character or line break/,
    );
    expect(lineTextProblem('Ann\u0085a')).toMatch(/^contains U\+0085 at character 4, a control character/);
    expect(lineTextProblem('Anna\u2028Smith')).toMatch(/U\+2028 LINE SEPARATOR/);
  });

  it('refuses invisible format characters but keeps the joiners', () => {
    expect(lineTextProblem('An\u200Bna')).toMatch(
      /U\+200B ZERO WIDTH SPACE at character 3, an invisible format character/,
    );
    expect(lineTextProblem('An\u00ADna')).toMatch(/U\+00AD SOFT HYPHEN/);
    expect(lineTextProblem('Anna\u{E0041}')).toMatch(/U\+E0041 at character 5, an invisible format character/);
    expect(lineTextProblem('An\uFEFFna')).toMatch(/U\+FEFF/);
    expect(lineTextProblem('👩🏽‍🔬 Anna')).toBeNull();
  });

  it('refuses the replacement character as a sign of a wrong decoding, and unpaired surrogates', () => {
    expect(lineTextProblem('J\uFFFDrgen')).toMatch(
      /U\+FFFD at character 2 \(the replacement character\).*wrong encoding/,
    );
    expect(lineTextProblem('x\uD800y')).toMatch(/U\+D800 at character 2, half of a surrogate pair/);
  });

  it('counts positions in characters, not UTF-16 units', () => {
    expect(lineTextProblem('😀\u202E')).toMatch(/at character 2,/);
  });
});

describe('checkedText with line: true, and inputName', () => {
  it('adds the problem under the field, beside the other problems, and keeps text that is fine', () => {
    const problems = new InputProblems();
    expect(checkedText(problems, 'name', '  Anna Smith  ', { max: 200, line: true })).toBe('Anna Smith');
    checkedText(problems, 'headline', 'a\u202Eb', { max: 1, line: true });
    inputName(problems, 'nameNl', 'Thema\tTwee');
    expect(problems.list.map((p) => p.field)).toEqual(['headline', 'headline', 'nameNl']);
    expect(problems.list[1]!.message).toMatch(/U\+202E/);
    expect(problems.list[2]!.message).toMatch(/U\+0009 TAB/);
  });

  it('leaves multi-line text alone unless asked', () => {
    const problems = new InputProblems();
    expect(checkedText(problems, 'bio', 'Line one\nline two', { max: 100 })).toBe('Line one\nline two');
    expect(problems.list).toEqual([]);
  });
});
