import { describe, expect, it } from 'vitest';
import type { SubjectChange } from '../../../src/audit/service.js';
import { signatureDelta } from '../../../src/whoknows/standings/state-repository.js';

const change = (
  label: SubjectChange['label'],
  before: SubjectChange['before'],
  after: SubjectChange['after'],
): SubjectChange => ({
  label,
  id: 'x',
  before,
  after,
  fields: [],
});

describe('what an audited change adds to the standings signature', () => {
  it('counts a new expert, its claims and focus', () => {
    const created = change('Expert', null, {
      id: 'x',
      '→EXPERT_IN': [
        { to: 'a', level: 3 },
        { to: 'b', level: 2 },
      ],
      '→FOCUSES_ON': [{ to: 'CN', level: 4 }],
    });
    expect(signatureDelta([created])).toEqual({ nExpert: 1, rExpertEXPERT_IN: 2, rExpertFOCUSES_ON: 1 });
  });

  it('counts a retirement, and an expert merged away (no longer an expert) with the links it had', () => {
    const retired = change('Expert', { id: 'x' }, { id: 'x', retiredAt: '2026-01-01T00:00:00Z' });
    const merged = change('Expert', { id: 'y', '→EXPERT_IN': ['a'] }, null);
    expect(signatureDelta([retired, merged])).toEqual({ retiredExpert: 1, nExpert: -1, rExpertEXPERT_IN: -1 });
  });

  it('counts a contribution losing an author and a theme moving, and nothing for a change of text', () => {
    const reauthored = change(
      'Contribution',
      { id: 'k', title: 'A', '→BY': ['x', 'y'] },
      { id: 'k', title: 'B', '→BY': ['x'] },
    );
    const moved = change('Theme', { id: 't', '→BROADER': ['p'] }, { id: 't', '→BROADER': ['p', 'q'] });
    const renamed = change('Institution', { id: 'i', name: 'A' }, { id: 'i', name: 'B' });
    expect(signatureDelta([reauthored, moved, renamed])).toEqual({ rContributionBY: -1, rThemeBROADER: 1 });
  });
});
