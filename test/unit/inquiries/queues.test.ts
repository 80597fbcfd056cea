import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../src/errors.js';
import { dueSoonBy, luceneAllTerms, MAX_DUE_WITHIN_WORKING_DAYS } from '../../../src/inquiries/queues.js';
import { INQUIRY_QUEUES, QUEUE_PREDICATES } from '../../../src/inquiries/queues-repository.js';
import { filterPredicate, type InquiryFilter } from '../../../src/inquiries/repository.js';

describe('luceneAllTerms', () => {
  it('needs every word, each escaped, so that Lucene syntax is only text', () => {
    expect(luceneAllTerms('Belarus sanctions')).toBe('+belarus +sanctions');
    expect(luceneAllTerms('title:x* (a OR "b")')).toBe('+title\\:x\\* +\\(a +or +\\"b\\"\\)');
    expect(luceneAllTerms('  ')).toBe('');
  });

  it('leaves out the boosted parts of Dutch compounds but keeps an escaped caret', () => {
    const query = luceneAllTerms('havenkranen a^b');
    expect(query.split(' ')).toEqual(['+havenkranen', '+a\\^b']);
  });
});

describe('dueSoonBy', () => {
  // Friday 4 December 2026, 10:00 in Amsterdam.
  const friday = new Date('2026-12-04T09:00:00Z');

  it('is the end of today for 0 and skips the weekend for 1', () => {
    expect(dueSoonBy(friday, 0).toISOString()).toBe('2026-12-04T22:59:59.999Z');
    expect(dueSoonBy(friday, 1).toISOString()).toBe('2026-12-07T22:59:59.999Z');
    expect(dueSoonBy(friday, null).toISOString()).toBe('2026-12-07T22:59:59.999Z');
  });

  it('refuses a negative, fractional or too distant horizon', () => {
    for (const days of [-1, 1.5, MAX_DUE_WITHIN_WORKING_DAYS + 1])
      expect(() => dueSoonBy(friday, days)).toThrow(BadInputError);
  });
});

describe('queue predicates', () => {
  it('exist for every queue, each limited to open inquiries', () => {
    for (const queue of INQUIRY_QUEUES)
      expect(QUEUE_PREDICATES[queue]).toMatch(/\$openStatuses|status = 'COORDINATING'/);
  });
});

describe('the list filter', () => {
  const none: InquiryFilter = {
    queue: null,
    handlerId: null,
    askedById: null,
    partnerId: null,
    partnerFlagged: null,
    answeredById: null,
    riskCategories: null,
    dueFrom: null,
    dueBefore: null,
    textIds: null,
    filedBy: null,
    statuses: null,
    kind: null,
    networkId: null,
    themeId: null,
    countryIds: null,
    overdue: null,
    receivedFrom: null,
    receivedBefore: null,
  };

  it('holds only the conditions asked (one plan per combination, each small), and always the viewer’s access', () => {
    const bare = filterPredicate(none);
    expect(bare).not.toMatch(/\$kind|\$queue|\$openStatuses/);
    expect(bare).toContain('$viewer');
    const some = filterPredicate({ ...none, kind: 'EXPERTISE_REQUEST', overdue: false, queue: 'MINE' });
    expect(some).toContain('i.kind = $kind');
    expect(some).toContain('= $overdue');
    expect(some).toContain(QUEUE_PREDICATES.MINE);
    expect(some).not.toContain('$statuses');
  });

  it('has a condition for every field but the queue, each reading its own parameter', () => {
    for (const field of Object.keys(none).filter((name) => name !== 'queue'))
      expect(filterPredicate({ ...none, [field]: 'x' })).toContain(`$${field}`);
  });
});
