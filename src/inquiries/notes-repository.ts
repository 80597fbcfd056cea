import type { InquiryWrite } from './write-repository.js';

/**
 * Writes for changeInquiry (src/inquiries/write-repository.ts) that add to an inquiry's record without changing its
 * status: an internal note, a message to the asker. Each is its own node, named `<inquiry id>#<kind><version it
 * creates>`, so that the inquiry's audited state (its links) changes and its version moves on.
 */
export const recordWrites = {
  note(text: string, at: string, by: string, byId: string): InquiryWrite {
    return {
      cypher: `CREATE (i)-[:HAS_NOTE]->(:InquiryNote {id: i.id + '#n' + (i.version + 1), text: $text,
                                                      at: datetime($at), by: $by, byId: $byId})`,
      params: { text, at, by, byId },
    };
  },
  askerMessage(
    message: { channel: string; at: string; summary: string },
    recordedAt: string,
    by: string,
    byId: string,
  ): InquiryWrite {
    return {
      cypher: `CREATE (i)-[:HAS_ASKER_MESSAGE]->(:AskerMessage {id: i.id + '#m' + (i.version + 1),
                                                                channel: $channel, at: datetime($at),
                                                                summary: $summary, by: $by, byId: $byId,
                                                                recordedAt: datetime($recordedAt)})`,
      params: { ...message, recordedAt, by, byId },
    };
  },
};
