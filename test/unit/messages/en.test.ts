import { describe, expect, it } from 'vitest';
import { dayInWords } from '../../../src/messages/en.js';

describe('dayInWords', () => {
  it('writes the day in English words, in Dutch time', () => {
    expect(dayInWords('2026-03-03T10:00:00Z')).toBe('3 March 2026');
    expect(dayInWords('2026-05-04T22:30:00Z')).toBe('5 May 2026');
  });
});
