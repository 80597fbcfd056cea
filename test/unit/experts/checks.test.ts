import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkedProperties, EXPERT_TEXT_MAX } from '../../../src/experts/checks.js';
import { PROPERTY_KINDS } from '../../../src/experts/model.js';
import type { ExpertFieldsInput } from '../../../src/experts/inputs.js';
import { InputProblems } from '../../../src/errors.js';

const check = (input: ExpertFieldsInput) => {
  const problems = new InputProblems();
  const properties = checkedProperties(problems, input);
  return { properties, problems: problems.list };
};

describe("checkedProperties: an expert's own properties, checked without the graph", () => {
  it('sets only the fields given, so that an update leaves the others as they are', () => {
    expect(check({})).toEqual({ properties: {}, problems: [] });
    expect(check({ headline: 'Chips', bioNl: null })).toEqual({
      properties: { headline: 'Chips', bioNl: null },
      problems: [],
    });
  });

  it('stores the name trimmed with its surname key, and refuses an empty one', () => {
    expect(check({ name: '  Jan de Vries ' }).properties).toEqual({ name: 'Jan de Vries', surnameKey: 'vries' });
    expect(check({ name: ' ' })).toEqual({
      properties: {},
      problems: [{ field: 'name', message: 'must not be empty' }],
    });
    expect(check({ name: null }).problems).toEqual([{ field: 'name', message: 'must not be empty' }]);
  });

  it('keeps the headlines on one line and lets the bios have paragraphs', () => {
    expect(check({ headline: 'a\nb', headlineNl: 'a\u202Eb' }).problems.map((p) => p.field)).toEqual([
      'headline',
      'headlineNl',
    ]);
    expect(check({ bio: 'one\n\ntwo', bioNl: 'een\ntwee' })).toEqual({
      properties: { bio: 'one\n\ntwo', bioNl: 'een\ntwee' },
      problems: [],
    });
  });

  it('caps each text at its own length', () => {
    const at = (length: number) => 'x'.repeat(length);
    const { note } = EXPERT_TEXT_MAX;
    const [name, headline, bio] = [
      PROPERTY_KINDS.name.text.max,
      PROPERTY_KINDS.line.text.max,
      PROPERTY_KINDS.text.text.max,
    ];
    expect(
      check({ name: at(name), headline: at(headline), headlineNl: at(headline), bio: at(bio), note: at(note) })
        .problems,
    ).toEqual([]);
    const { problems } = check({
      name: at(name + 1),
      headline: at(headline + 1),
      headlineNl: at(headline + 1),
      bio: at(bio + 1),
      bioNl: at(bio + 1),
      note: at(note + 1),
    });
    expect(problems.map((p) => p.field)).toEqual(['name', 'headline', 'headlineNl', 'bio', 'bioNl', 'note']);
    expect(problems[0]!.message).toBe(`must be at most ${name} characters (got ${name + 1})`);
  });

  it('checks the note but does not store it as a property (it goes with the change record)', () => {
    expect(check({ note: 'Checked by phone' })).toEqual({ properties: {}, problems: [] });
  });

  it('stores a phone number in E.164 and refuses one without its country code or with too few digits', () => {
    expect(check({ phone: ' +31 (6) 1234-5678 ' }).properties).toEqual({ phone: '+31612345678' });
    expect(check({ phone: '' }).properties).toEqual({ phone: null });
    expect(check({ phone: '0612345678' }).problems).toEqual([
      { field: 'phone', message: '"0612345678" needs its country code and 7 to 15 digits, e.g. "+31 6 12345678"' },
    ]);
    expect(check({ phone: '+123456' }).problems).toHaveLength(1);
    expect(check({ phone: '+0123456789' }).problems).toHaveLength(1);
    expect(check({ phone: '+1 2' }).problems).toEqual([{ field: 'phone', message: expect.stringMatching(/phone/i) }]);
    expect(check({ phone: '+1234567' }).problems).toEqual([]);
    expect(check({ phone: `+1${'2'.repeat(14)}` }).problems).toEqual([]);
    expect(check({ phone: `+1${'2'.repeat(15)}` }).problems).toHaveLength(1);
  });

  it('checks the e-mail address and stores consent as a plain yes or no', () => {
    expect(check({ email: ' jan@example.org ', contactConsent: null }).properties).toEqual({
      email: 'jan@example.org',
      contactConsent: false,
    });
    expect(check({ contactConsent: true }).properties).toEqual({ contactConsent: true });
    expect(check({ email: 'jan at example.org' }).problems.map((p) => p.field)).toEqual(['email']);
  });

  it('takes languages as ISO 639-1 codes, lower-cased, each once', () => {
    expect(check({ languages: [' NL ', 'en', 'zh'] }).properties).toEqual({ languages: ['nl', 'en', 'zh'] });
    expect(check({ languages: null }).properties).toEqual({ languages: [] });
    const { properties, problems } = check({ languages: ['nl', 'dutch', 'xx', 'iw', 'NL', 'nld'] });
    expect(properties).toEqual({ languages: ['nl'] });
    expect(problems).toEqual([
      {
        field: 'languages[1]',
        message: '"dutch" is not an ISO 639-1 language code: use two letters, e.g. "nl", "en" or "zh"',
      },
      { field: 'languages[2]', message: expect.stringContaining('"xx" is not an ISO 639-1 language code') },
      { field: 'languages[3]', message: '"iw" is a withdrawn code: use "he"' },
      { field: 'languages[4]', message: 'repeats languages[0]: give each only once' },
      { field: 'languages[5]', message: expect.stringContaining('"nld" is not an ISO 639-1') },
    ]);
  });

  it('refuses any one-line text holding a control or bidi character, naming the field it is in', () => {
    const unfit = fc.oneof(
      fc.integer({ min: 0, max: 0x1f }),
      fc.integer({ min: 0x7f, max: 0x9f }),
      fc.constantFrom(0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069),
    );
    const field = fc.constantFrom('name', 'headline', 'headlineNl');
    const word = fc.string({ unit: fc.constantFrom(...Array.from('abcdefghij XYZ-.')), maxLength: 10 });
    fc.assert(
      fc.property(field, word, unfit, word, (name, before, code, after) => {
        // A character trimming removes (a tab or line feed at either end) would leave nothing to refuse.
        const text = `x${before}${String.fromCodePoint(code)}${after}x`;
        const { problems, properties } = check({ [name]: text });
        expect(problems).toEqual([{ field: name, message: expect.stringMatching(/^contains U\+/) }]);
        // The text comes back as given, to be dropped by the caller with the rest when a problem is reported.
        expect(properties[name]).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('names, for every problem, a field the input gave', () => {
    const anyText = fc.option(fc.string({ maxLength: 8 }), { nil: undefined });
    const input = fc.record(
      {
        name: anyText,
        email: anyText,
        phone: anyText,
        headline: anyText,
        headlineNl: anyText,
        bio: anyText,
        bioNl: anyText,
        note: anyText,
        languages: fc.option(fc.array(fc.string({ maxLength: 3 }), { maxLength: 4 }), { nil: undefined }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(input, (given) => {
        for (const { field } of check(given).problems) {
          const top = field.replace(/\[\d+\]$/, '');
          expect(Object.keys(given)).toContain(top);
          if (field !== top) expect(Number(field.slice(top.length + 1, -1))).toBeLessThan(given.languages!.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
