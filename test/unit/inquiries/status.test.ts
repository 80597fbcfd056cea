import { describe, expect, it } from 'vitest';
import {
  INQUIRY_STATUSES,
  isOpen,
  OPEN_STATUSES,
  refusedAnswer,
  refusedTransition,
  type Transition,
} from '../../../src/inquiries/status.js';

const move = (change: Partial<Transition> & Pick<Transition, 'from' | 'to'>): string | null =>
  refusedTransition({ note: null, ministryCount: 0, answered: false, ...change });

describe('open statuses', () => {
  it('are the statuses before an answer or a close', () => {
    expect(INQUIRY_STATUSES.filter(isOpen)).toEqual(['RECEIVED', 'IN_PROGRESS', 'COORDINATING']);
    expect(OPEN_STATUSES).toEqual(['RECEIVED', 'IN_PROGRESS', 'COORDINATING']);
  });
  it('do not include ANSWERED, CLOSED or an unknown status', () => {
    expect(isOpen('ANSWERED')).toBe(false);
    expect(isOpen('CLOSED')).toBe(false);
    expect(isOpen('received')).toBe(false);
  });
});

describe('refusedTransition', () => {
  it('allows the ordinary moves', () => {
    expect(move({ from: 'RECEIVED', to: 'IN_PROGRESS' })).toBeNull();
    expect(move({ from: 'IN_PROGRESS', to: 'COORDINATING', ministryCount: 1 })).toBeNull();
    expect(move({ from: 'COORDINATING', to: 'IN_PROGRESS' })).toBeNull();
    expect(move({ from: 'ANSWERED', to: 'CLOSED', answered: true })).toBeNull();
  });
  it('sends ANSWERED to answerInquiry, whatever the current status', () => {
    for (const from of INQUIRY_STATUSES) expect(move({ from, to: 'ANSWERED' })).toMatch(/through answerInquiry/);
  });
  it('refuses staying where it is', () => {
    expect(move({ from: 'IN_PROGRESS', to: 'IN_PROGRESS' })).toBe('The inquiry is already IN_PROGRESS.');
  });
  it('refuses a move the status does not allow, naming the ones it does', () => {
    expect(move({ from: 'IN_PROGRESS', to: 'RECEIVED' })).toBe(
      'An inquiry cannot go from IN_PROGRESS to RECEIVED; from IN_PROGRESS it can go to COORDINATING or CLOSED.',
    );
    expect(move({ from: 'CLOSED', to: 'COORDINATING', note: 'why', ministryCount: 1 })).toMatch(
      /cannot go from CLOSED to COORDINATING/,
    );
  });
  it('needs ministries to coordinate', () => {
    expect(move({ from: 'RECEIVED', to: 'COORDINATING' })).toMatch(/give ministries/);
  });
  it('needs a reason to reopen a closed or an answered inquiry', () => {
    expect(move({ from: 'CLOSED', to: 'IN_PROGRESS' })).toMatch(/^Reopening a closed inquiry needs a reason/);
    expect(move({ from: 'ANSWERED', to: 'IN_PROGRESS', answered: true })).toMatch(
      /^Reopening an answered inquiry needs a reason/,
    );
    expect(move({ from: 'CLOSED', to: 'IN_PROGRESS', note: 'the asker came back' })).toBeNull();
  });
  it('needs a reason to close an inquiry without an answer, but not one with an answer', () => {
    expect(move({ from: 'RECEIVED', to: 'CLOSED' })).toMatch(/without an answer needs a reason/);
    expect(move({ from: 'RECEIVED', to: 'CLOSED', note: 'withdrawn' })).toBeNull();
    expect(move({ from: 'IN_PROGRESS', to: 'CLOSED', answered: true })).toBeNull();
  });
});

describe('refusedAnswer', () => {
  it('refuses answering a closed inquiry only', () => {
    expect(refusedAnswer('CLOSED')).toMatch(/reopen it/);
    for (const from of INQUIRY_STATUSES.filter((s) => s !== 'CLOSED')) expect(refusedAnswer(from)).toBeNull();
  });
});
