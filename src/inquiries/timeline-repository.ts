import type { Queries } from '../db/database.js';
import { alignToIds } from '../db/nodes.js';
import { MAX_LAST } from '../graphql/paging.js';
import { institutionProjection, type InstitutionRecord } from '../institutions/model.js';

export interface NoteRecord {
  id: string;
  text: string;
  at: string;
  by: string | null;
}

export interface AskerMessageRecord {
  id: string;
  channel: string;
  at: string;
  summary: string;
  by: string | null;
}

export interface EditRecord {
  id: string;
  at: string;
  by: string | null;
  fields: string[];
  note: string | null;
}

export interface CoordinationRecord {
  ministry: InstitutionRecord;
  askedAt: string | null;
  answeredAt: string | null;
  outcome: string | null;
  by: string | null;
}

/** What the handlers recorded on an inquiry beside its status changes, for a whole page in one round trip. */
export interface InquiryRecords {
  notes: NoteRecord[];
  askerMessages: AskerMessageRecord[];
  edits: EditRecord[];
  coordinations: CoordinationRecord[];
  duplicateOf: string | null;
}

const byTime = <T extends { at: string }>(list: T[]) => [...list].sort((a, b) => a.at.localeCompare(b.at));

/**
 * Their notes, messages to the asker and edits (each list the newest MAX_LAST, the most the API gives of one), with
 * the ministries' lines and the inquiry it duplicates.
 */
export async function recordsOfInquiries(queries: Queries, ids: readonly string[]): Promise<InquiryRecords[]> {
  const rows = await queries.read<{ id: string } & InquiryRecords>(
    `UNWIND $ids AS id
     MATCH (i:Inquiry {id: id})
     RETURN id,
       COLLECT { MATCH (i)-[:HAS_NOTE]->(n:InquiryNote)
                 WITH n ORDER BY n.at DESC LIMIT $max RETURN n {.id, .text, .at, .by} } AS notes,
       COLLECT { MATCH (i)-[:HAS_ASKER_MESSAGE]->(m:AskerMessage)
                 WITH m ORDER BY m.at DESC LIMIT $max RETURN m {.id, .channel, .at, .summary, .by} } AS askerMessages,
       COLLECT { MATCH (i)-[:HAS_EDIT]->(e:InquiryEdit)
                 WITH e ORDER BY e.at DESC LIMIT $max RETURN e {.id, .at, .by, .fields, .note} } AS edits,
       [(i)-[k:COORDINATED_WITH]->(m:Institution) |
          {ministry: ${institutionProjection('m')}, askedAt: k.askedAt, answeredAt: k.answeredAt,
           outcome: k.outcome, by: k.by}]
         AS coordinations,
       [(i)-[:DUPLICATE_OF]->(d:Inquiry) | d.id][0] AS duplicateOf`,
    { ids, max: MAX_LAST },
  );
  const empty: InquiryRecords = { notes: [], askerMessages: [], edits: [], coordinations: [], duplicateOf: null };
  return alignToIds<InquiryRecords>(ids, rows, (row) => row, empty).map((records) => ({
    ...records,
    notes: byTime(records.notes),
    askerMessages: byTime(records.askerMessages),
    edits: byTime(records.edits),
    coordinations: [...records.coordinations].sort(
      (a, b) => (a.askedAt ?? '').localeCompare(b.askedAt ?? '') || a.ministry.name.localeCompare(b.ministry.name),
    ),
  }));
}
