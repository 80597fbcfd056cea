import type { ConsultationRecord, StatusChangeRecord } from './repository.js';
import type { InquiryRecords } from './timeline-repository.js';

export const TIMELINE_KINDS = [
  'STATUS_CHANGE',
  'NOTE',
  'ASKER_MESSAGE',
  'EDIT',
  'CONSULTATION_ASKED',
  'CONSULTATION_ANSWERED',
  'MINISTRY_ASKED',
  'MINISTRY_ANSWERED',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** One line of an inquiry's whole story, for a handler reading it top to bottom. */
export interface TimelineEntry {
  kind: TimelineKind;
  at: string;
  by: string | null;
  /** In plain words: the status, the note, what the asker was told, the fields changed, the outcome. */
  summary: string;
}

const joined = (...parts: Array<string | null | undefined>) => parts.filter(Boolean).join(': ');

/** Everything that happened to an inquiry, oldest first (ties in the order the kinds are listed). */
export function timelineOf(
  history: StatusChangeRecord[],
  consultations: ConsultationRecord[],
  records: InquiryRecords,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...history.map((s) => ({
      kind: 'STATUS_CHANGE' as const,
      at: s.at,
      by: s.by,
      summary: joined(s.status, s.note),
    })),
    ...records.notes.map((n) => ({ kind: 'NOTE' as const, at: n.at, by: n.by, summary: n.text })),
    ...records.askerMessages.map((m) => ({
      kind: 'ASKER_MESSAGE' as const,
      at: m.at,
      by: m.by,
      summary: joined(m.channel, m.summary),
    })),
    ...records.edits.map((e) => ({
      kind: 'EDIT' as const,
      at: e.at,
      by: e.by,
      summary: joined(`changed ${e.fields.join(', ')}`, e.note),
    })),
    ...consultations.flatMap((c) => {
      const expert = c.expert?.name ?? 'an erased expert';
      const asked = c.askedAt
        ? [{ kind: 'CONSULTATION_ASKED' as const, at: c.askedAt, by: c.by, summary: joined(expert, c.channel) }]
        : [];
      const answered =
        c.status !== 'WAITING' && c.at
          ? [{ kind: 'CONSULTATION_ANSWERED' as const, at: c.at, by: c.by, summary: joined(expert, c.status, c.note) }]
          : [];
      return [...asked, ...answered];
    }),
    ...records.coordinations.flatMap((line) => [
      ...(line.askedAt
        ? [{ kind: 'MINISTRY_ASKED' as const, at: line.askedAt, by: line.by, summary: line.ministry.name }]
        : []),
      ...(line.answeredAt
        ? [
            {
              kind: 'MINISTRY_ANSWERED' as const,
              at: line.answeredAt,
              by: line.by,
              summary: joined(line.ministry.name, line.outcome),
            },
          ]
        : []),
    ]),
  ];
  const order = (kind: TimelineKind) => TIMELINE_KINDS.indexOf(kind);
  return entries.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime() || order(a.kind) - order(b.kind));
}

/** When the asker was last sent a message; null if never. */
export function lastAskerMessageAt(records: InquiryRecords): string | null {
  return records.askerMessages.reduce<string | null>(
    (latest, m) => (latest === null || new Date(m.at) > new Date(latest) ? m.at : latest),
    null,
  );
}
