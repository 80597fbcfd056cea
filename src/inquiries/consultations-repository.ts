import type { AuditedWork } from '../audit/service.js';
import { SET_CONSULTATION_OUTCOME, type ConsultationOutcomeFacts, type InquiryWrite } from './write-repository.js';

/** A consultation as stored, to check an outcome against (read under the inquiry's lock). */
export interface StoredConsultation {
  id: string;
  status: string;
}

/** The id a consultation is known by: its own, or (recorded before they had one) the inquiry's and the expert's. */
const CONSULTATION_ID = `coalesce(c.id, i.id + '#' + e.id)`;

export async function consultationOf(
  tx: AuditedWork,
  inquiryId: string,
  consultationId: string,
): Promise<StoredConsultation | null> {
  const [row] = await tx.run(
    `MATCH (i:Inquiry {id: $inquiryId})-[c:CONSULTED]->(e)
     WHERE ${CONSULTATION_ID} = $consultationId
     RETURN ${CONSULTATION_ID} AS id, coalesce(c.status, c.outcome) AS status`,
    { inquiryId, consultationId },
  );
  return (row as StoredConsultation | undefined) ?? null;
}

export const consultationWrites = {
  /** An expert asked, no answer yet: a new record (`<inquiry id>#c<version it creates>`), WAITING. */
  asked(expertId: string, channel: string, askedAt: string, by: string, note: string | null): InquiryWrite {
    return {
      cypher: `MATCH (e:Expert {id: $expertId})
               CREATE (i)-[:CONSULTED {id: i.id + '#c' + (i.version + 1), status: 'WAITING', channel: $channel,
                                       askedAt: datetime($askedAt), by: $by, note: $note}]->(e)`,
      params: { expertId, channel, askedAt, by, note },
    };
  },
  /** The outcome of one consultation; the others with the same expert stay as they were. */
  outcome(consultationId: string, outcome: ConsultationOutcomeFacts): InquiryWrite {
    return {
      cypher: `MATCH (i)-[c:CONSULTED]->(e) WHERE ${CONSULTATION_ID} = $consultationId
               SET c.id = $consultationId, c.askedAt = coalesce(c.askedAt, datetime($outcome.at)),
                   ${SET_CONSULTATION_OUTCOME}`,
      params: { consultationId, outcome },
    };
  },
};

/** Applies a write to the inquiry (already tracked and locked by the caller). */
export async function applyWrite(tx: AuditedWork, id: string, write: InquiryWrite): Promise<void> {
  await tx.run(`MATCH (i:Inquiry {id: $id}) ${write.cypher}`, { ...write.params, id });
}
