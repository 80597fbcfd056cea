import { describe, expect, it } from 'vitest';
import { moveRefusal, statusAfter, statusAfterEdit, type FaqMove } from '../../../src/faq/lifecycle.js';
import type { FaqStatus } from '../../../src/faq/model.js';

const STATUSES: FaqStatus[] = ['DRAFT', 'IN_REVIEW', 'PUBLISHED', 'RETIRED'];
const MOVES: FaqMove[] = ['submit', 'publish', 'sendBack', 'retire'];

describe('an FAQ article’s lifecycle', () => {
  it('goes draft → in review → published → retired, and back to draft from review', () => {
    const allowed = STATUSES.flatMap((from) =>
      MOVES.filter((move) => moveRefusal(from, move) === null).map((move) => `${from} ${move} → ${statusAfter(move)}`),
    );
    expect(allowed).toEqual([
      'DRAFT submit → IN_REVIEW',
      'DRAFT retire → RETIRED',
      'IN_REVIEW publish → PUBLISHED',
      'IN_REVIEW sendBack → DRAFT',
      'IN_REVIEW retire → RETIRED',
      'PUBLISHED retire → RETIRED',
    ]);
  });

  it('says what to do when a move does not fit', () => {
    expect(moveRefusal('DRAFT', 'publish')).toMatch(/submit it for review first/);
    expect(moveRefusal('RETIRED', 'retire')).toMatch(/retired already/);
  });

  it('sends an edited published article back to draft, unless only its review date changed', () => {
    expect(statusAfterEdit('PUBLISHED', true)).toBe('PUBLISHED');
    expect(statusAfterEdit('PUBLISHED', false)).toBe('DRAFT');
    expect(statusAfterEdit('IN_REVIEW', false)).toBe('IN_REVIEW');
    expect(statusAfterEdit('RETIRED', true)).toBe('REFUSED');
  });
});
