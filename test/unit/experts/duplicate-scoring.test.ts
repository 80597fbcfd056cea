import { describe, expect, it } from 'vitest';
import { likelyDuplicates } from '../../../src/experts/duplicates/scoring.js';

describe('scoring likely duplicates', () => {
  const expert = (
    id: string,
    name: string,
    extra: Partial<{ email: string; institutions: Array<{ id: string; name: string }> }> = {},
  ) => ({
    id,
    name,
    email: extra.email ?? null,
    institutions: extra.institutions ?? [],
  });

  it('says why, in plain words, and adds the points up', () => {
    const [pair] = likelyDuplicates([
      expert('b', 'J. de Vries', { email: 'jdv@example.org', institutions: [{ id: 'i', name: 'Leiden University' }] }),
      expert('a', 'Jan de Vries', { email: 'jdv@example.org', institutions: [{ id: 'i', name: 'Leiden University' }] }),
    ]);
    expect(pair?.expertIds).toEqual(['a', 'b']);
    expect(pair?.reasons.map((r) => r.text)).toEqual([
      'The same surname, Vries',
      '"J. de Vries" fits within "Jan de Vries"',
      'Both affiliated with Leiden University',
      'The same e-mail address',
    ]);
    expect(pair?.score).toBe(8);
  });

  it('takes the strongest likeness of the given names', () => {
    const likeness = (a: string, b: string) =>
      likelyDuplicates([expert('a', a), expert('b', b)])[0]?.reasons[1]?.text ?? null;
    expect(likeness('Anna Smit', 'ánna smit')).toBe('The same name, "Anna Smit"');
    expect(likeness('Maria Smit', 'Anna Maria Smit')).toBe('"Maria Smit" fits within "Anna Maria Smit"');
    expect(likeness('Katarzyna Nowak', 'Katarzina Nowak')).toBe('The names differ by one letter');
    expect(likeness('Pieter Smit', 'Anna Smit')).toBeNull();
  });

  it('counts a shared first initial only with a shared institution', () => {
    const leiden = [{ id: 'i', name: 'Leiden University' }];
    expect(likelyDuplicates([expert('a', 'Pieter Smit'), expert('b', 'Paul Smit')])).toEqual([]);
    const [pair] = likelyDuplicates([
      expert('a', 'Pieter Smit', { institutions: leiden }),
      expert('b', 'Paul Smit', { institutions: leiden }),
    ]);
    expect(pair?.reasons.map((r) => r.text)).toEqual([
      'The same surname, Smit',
      'The same first initial, P.',
      'Both affiliated with Leiden University',
    ]);
  });
});
