import fc from 'fast-check';
import { EmailAddressResolver } from 'graphql-scalars';
import { describe, expect, it } from 'vitest';
import { InputProblems } from '../../../src/errors.js';
import {
  checkedScalar,
  checkedText,
  firstFreeSlug,
  inputName,
  inputRequired,
  inputText,
  isRepeat,
  slugFromName,
  slugProblem,
} from '../../../src/writes/checks.js';

// lineTextProblem and checkedText's `line` option: line-text.test.ts.

const fields = (problems: InputProblems) => problems.list.map((p) => p.field);

describe('checkedText', () => {
  it('trims, turns blank into null, and refuses blank only when required', () => {
    const problems = new InputProblems();
    expect(checkedText(problems, 'headline', '  Chips  ', { max: 10 })).toBe('Chips');
    expect(checkedText(problems, 'headline', ' \n\t ', { max: 10 })).toBeNull();
    expect(checkedText(problems, 'headline', null, { max: 10 })).toBeNull();
    expect(problems.list).toEqual([]);
    expect(checkedText(problems, 'name', '   ', { max: 10, required: true })).toBeNull();
    expect(checkedText(problems, 'name', undefined, { max: 10, required: true })).toBeNull();
    expect(problems.list).toEqual([
      { field: 'name', message: 'must not be empty' },
      { field: 'name', message: 'must not be empty' },
    ]);
  });

  it('refuses text exactly when its trimmed length passes the limit, under the field, saying both lengths', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.integer({ min: 1, max: 20 }), (text, max) => {
        const problems = new InputProblems();
        const checked = checkedText(problems, 'bio', text, { max });
        const trimmed = text.trim();
        expect(checked).toBe(trimmed === '' ? null : trimmed);
        if (trimmed.length > max) {
          expect(problems.list).toEqual([
            { field: 'bio', message: `must be at most ${max} characters (got ${trimmed.length})` },
          ]);
        } else expect(problems.list).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('inputText, inputName and inputRequired (the shared reference-data mutations)', () => {
  it('keeps an omitted field undefined (left as it is), a cleared one null, and caps text at 4000 by default', () => {
    const problems = new InputProblems();
    expect(inputText(problems, 'description', undefined)).toBeUndefined();
    expect(inputText(problems, 'description', null)).toBeNull();
    expect(inputText(problems, 'description', ' x ')).toBe('x');
    expect(inputText(problems, 'description', 'x'.repeat(4000))).toHaveLength(4000);
    expect(problems.list).toEqual([]);
    inputText(problems, 'description', 'x'.repeat(4001));
    inputText(problems, 'summary', 'x'.repeat(11), { max: 10 });
    expect(fields(problems)).toEqual(['description', 'summary']);
  });

  it('takes a name as required, one line, at most 300 characters', () => {
    const problems = new InputProblems();
    expect(inputName(problems, 'name', 'x'.repeat(300))).toHaveLength(300);
    expect(inputName(problems, 'name', undefined)).toBeUndefined();
    expect(problems.list).toEqual([]);
    inputName(problems, 'name', null);
    inputName(problems, 'nameNl', 'x'.repeat(301));
    inputName(problems, 'title', 'a\tb');
    expect(problems.list).toEqual([
      { field: 'name', message: 'must not be empty' },
      { field: 'nameNl', message: 'must be at most 300 characters (got 301)' },
      { field: 'title', message: expect.stringContaining('U+0009 TAB') },
    ]);
  });

  it('refuses clearing a required field but lets it be omitted', () => {
    const problems = new InputProblems();
    expect(inputRequired(problems, 'kind', 'ARTICLE')).toBe('ARTICLE');
    expect(inputRequired<string>(problems, 'kind', undefined)).toBeUndefined();
    expect(problems.list).toEqual([]);
    expect(inputRequired(problems, 'date', null)).toBeUndefined();
    expect(problems.list).toEqual([{ field: 'date', message: 'may not be cleared' }]);
  });
});

describe('checkedScalar', () => {
  it("checks text by the scalar's rules, reporting its message under the field, and passes blank as null", () => {
    const problems = new InputProblems();
    expect(checkedScalar(problems, 'email', EmailAddressResolver, ' jan@example.org ')).toBe('jan@example.org');
    expect(checkedScalar(problems, 'email', EmailAddressResolver, '  ')).toBeNull();
    expect(checkedScalar(problems, 'email', EmailAddressResolver, null)).toBeNull();
    expect(problems.list).toEqual([]);
    expect(checkedScalar(problems, 'email', EmailAddressResolver, 'jan@')).toBeNull();
    expect(problems.list).toEqual([{ field: 'email', message: expect.stringMatching(/email/i) }]);
  });

  it('still reports a scalar that throws something other than an Error', () => {
    const refusing = {
      parseValue: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the case under test: a non-Error thrown
        throw 'no';
      },
    };
    const problems = new InputProblems();
    expect(checkedScalar(problems, 'phone', refusing as never, ' 12 ')).toBeNull();
    expect(problems.list).toEqual([{ field: 'phone', message: '"12" is not valid' }]);
  });
});

describe('slugs', () => {
  it('takes lower-case letters, digits and single hyphens, at most 80 characters', () => {
    for (const slug of ['jan', 'jan-de-vries', 'a1-2b', 'x'.repeat(80)]) expect(slugProblem(slug), slug).toBeNull();
    for (const slug of ['', 'Jan', 'jan--vries', '-jan', 'jan-', 'jan vries', 'jürgen', 'jan_vries']) {
      expect(slugProblem(slug), slug).toMatch(/^use lower-case letters/);
    }
    expect(slugProblem('x'.repeat(81))).toBe('must be at most 80 characters');
  });

  it('makes a slug from a name without accents, case or punctuation', () => {
    expect(slugFromName('Jörg van der Berg-Ünal', 'expert')).toBe('jorg-van-der-berg-unal');
    expect(slugFromName('  Dr. A. O’Brien & Sons ', 'expert')).toBe('dr-a-o-brien-and-sons');
    expect(slugFromName('王小明', 'expert')).toBe('expert');
    expect(slugFromName('', 'institution')).toBe('institution');
  });

  it('makes a valid slug of any name, with room left for a -NN suffix', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (name) => {
        const slug = slugFromName(name, 'expert');
        expect(slugProblem(slug)).toBeNull();
        expect(slug.length).toBeLessThanOrEqual(76);
        expect(slugProblem(`${slug}-99`)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('gives the base, or the lowest free -N after it', () => {
    expect(firstFreeSlug('jan', [])).toBe('jan');
    expect(firstFreeSlug('jan', ['jan', 'jan-2', 'jan-4'])).toBe('jan-3');
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 12 }), (numbers) => {
        const taken = numbers.map((n) => (n === 1 ? 'jan' : `jan-${n}`));
        const slug = firstFreeSlug('jan', taken);
        const n = slug === 'jan' ? 1 : Number(slug.slice(4));
        expect(taken).not.toContain(slug);
        for (let lower = 1; lower < n; lower++) expect(numbers).toContain(lower);
      }),
      { numRuns: 200 },
    );
  });
});

describe('isRepeat', () => {
  it('reports each later repeat of a key against the entry that first named it', () => {
    const problems = new InputProblems();
    const seen = new Map<string, number>();
    const keys = ['nl', 'en', 'nl', 'zh', 'en', 'nl'];
    const repeats = keys.map((key, index) => isRepeat(problems, seen, key, `languages[${index}]`, index, 'languages'));
    expect(repeats).toEqual([false, false, true, false, true, true]);
    expect(problems.list).toEqual([
      { field: 'languages[2]', message: 'repeats languages[0]: give each only once' },
      { field: 'languages[4]', message: 'repeats languages[1]: give each only once' },
      { field: 'languages[5]', message: 'repeats languages[0]: give each only once' },
    ]);
  });
});
