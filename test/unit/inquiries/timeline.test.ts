import { describe, expect, it } from 'vitest';
import type { ConsultationRecord } from '../../../src/inquiries/repository.js';
import { lastAskerMessageAt, timelineOf } from '../../../src/inquiries/timeline.js';
import type { InquiryRecords } from '../../../src/inquiries/timeline-repository.js';

const none: InquiryRecords = { notes: [], askerMessages: [], edits: [], coordinations: [], duplicateOf: null };
const ministry = {
  id: 'min-ezk',
  name: 'Ministry of Economic Affairs',
} as InquiryRecords['coordinations'][0]['ministry'];

describe('an inquiry’s timeline', () => {
  it('puts every kind of record in time order, a consultation as asked and answered', () => {
    const consultation: ConsultationRecord = {
      id: 'q#c3',
      expert: null,
      status: 'ANSWERED',
      outcome: 'ANSWERED',
      channel: 'PHONE',
      askedAt: '2026-03-02T10:00:00Z',
      at: '2026-03-04T09:00:00Z',
      note: 'Fine',
      by: 'Desk',
      referredTo: null,
    };
    const timeline = timelineOf(
      [{ status: 'RECEIVED', at: '2026-03-02T08:00:00Z', by: 'Officer', note: null, ministryIds: [] }],
      [consultation],
      {
        ...none,
        notes: [{ id: 'q#n2', text: 'Called', at: '2026-03-02T09:00:00Z', by: 'Desk' }],
        askerMessages: [{ id: 'q#m4', channel: 'EMAIL', at: '2026-03-03T09:00:00Z', summary: 'Told', by: 'Desk' }],
        coordinations: [{ ministry, askedAt: '2026-03-02T11:00:00Z', answeredAt: null, outcome: null, by: 'Desk' }],
      },
    );
    expect(timeline.map((e) => e.kind)).toEqual([
      'STATUS_CHANGE',
      'NOTE',
      'CONSULTATION_ASKED',
      'MINISTRY_ASKED',
      'ASKER_MESSAGE',
      'CONSULTATION_ANSWERED',
    ]);
    expect(timeline[5]!.summary).toBe('an erased expert: ANSWERED: Fine');
    expect(timeline[4]!.summary).toBe('EMAIL: Told');
  });

  it('shows a waiting consultation as asked only', () => {
    const waiting: ConsultationRecord = {
      id: 'q#c2',
      expert: null,
      status: 'WAITING',
      outcome: null,
      channel: 'EMAIL',
      askedAt: '2026-03-02T10:00:00Z',
      at: null,
      note: null,
      by: 'Desk',
      referredTo: null,
    };
    expect(timelineOf([], [waiting], none).map((e) => e.kind)).toEqual(['CONSULTATION_ASKED']);
  });

  it('knows when the asker was last told something', () => {
    expect(lastAskerMessageAt(none)).toBeNull();
    const messages = ['2026-03-03T09:00:00Z', '2026-03-05T09:00:00Z', '2026-03-04T09:00:00Z'].map((at, i) => ({
      id: `q#m${i}`,
      channel: 'PHONE',
      at,
      summary: 'x',
      by: null,
    }));
    expect(lastAskerMessageAt({ ...none, askerMessages: messages })).toBe('2026-03-05T09:00:00Z');
  });
});
