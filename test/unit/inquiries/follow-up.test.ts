import { describe, expect, it } from 'vitest';
import { followUpProblem } from '../../../src/inquiries/follow-up.js';

const AT = '2026-03-02T09:00:00.000Z';
const earlier = (receivedAt: string, followsUp: string[] = []) => ({ id: 'a', receivedAt, followsUp });

describe('followUpProblem', () => {
  it('accepts an inquiry received earlier or at the same moment', () => {
    expect(followUpProblem({ id: 'b', receivedAt: AT }, earlier('2026-03-01T09:00:00Z'))).toBeNull();
    expect(followUpProblem({ id: 'b', receivedAt: AT }, earlier(AT))).toBeNull();
    // The same moment written another way.
    expect(followUpProblem({ id: 'b', receivedAt: AT }, earlier('2026-03-02T10:00:00+01:00'))).toBeNull();
    // A new inquiry (no id yet), received at a Date.
    expect(followUpProblem({ id: null, receivedAt: new Date(AT) }, earlier(AT))).toBeNull();
  });

  it('refuses a later inquiry, even by a millisecond', () => {
    expect(followUpProblem({ id: 'b', receivedAt: AT }, earlier('2026-03-02T09:00:00.001Z'))).toMatch(
      /received before this one or at the same moment/,
    );
    expect(followUpProblem({ id: null, receivedAt: new Date(AT) }, earlier('2026-03-03T09:00:00Z'))).not.toBeNull();
  });

  it('refuses the inquiry itself', () => {
    expect(followUpProblem({ id: 'a', receivedAt: AT }, earlier(AT))).toMatch(/cannot follow itself up/);
  });

  it('refuses one that already follows this one up, directly or through others', () => {
    expect(followUpProblem({ id: 'b', receivedAt: AT }, earlier(AT, ['b']))).toMatch(/other way round/);
    expect(followUpProblem({ id: 'c', receivedAt: AT }, earlier(AT, ['b', 'c']))).toMatch(/other way round/);
    expect(followUpProblem({ id: 'c', receivedAt: AT }, earlier(AT, ['b']))).toBeNull();
  });
});
