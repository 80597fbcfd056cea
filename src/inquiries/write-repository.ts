import type { AuditedWork } from '../audit/service.js';
import type { Params } from '../db/database.js';
import { obj, optStr, parseRows, RowShapeError, str, type Parser } from '../db/rows.js';
import { present } from '../errors.js';
import type { ConsultationOutcome } from './repository.js';
import type { InquiryKind, Visibility } from './model.js';
import { INQUIRY_STATUSES, type InquiryStatus } from './status.js';

/** What came of a consultation, and who recorded it when. */
export interface ConsultationOutcomeFacts {
  outcome: ConsultationOutcome;
  at: string;
  by: string;
  note: string | null;
  referredTo: string | null;
}

/**
 * Records an outcome on a consultation `c` (new, or asked earlier), from the parameter `$outcome`
 * (`ConsultationOutcomeFacts`); a note given earlier stays unless a new one is.
 */
export const SET_CONSULTATION_OUTCOME = `c.status = $outcome.outcome, c.outcome = $outcome.outcome,
  c.at = datetime($outcome.at), c.by = $outcome.by, c.note = coalesce($outcome.note, c.note),
  c.referredTo = $outcome.referredTo`;

export interface NewInquiry {
  id: string;
  kind: InquiryKind;
  question: string;
  context: string | null;
  contactName: string | null;
  contactEmail: string | null;
  riskCategories: string[];
  receivedAt: string;
  dueAt: string;
  askedBy: string;
  routedTo: string;
  partner: string | null;
  themeIds: string[];
  countryIds: string[];
  followUpOf: string | null;
  filedBy: string;
  by: string;
  note: string | null;
}

export async function createInquiry(tx: AuditedWork, inquiry: NewInquiry): Promise<void> {
  await tx.run(
    `CREATE (i:Inquiry {id: $id, kind: $kind, question: $question, context: $context, contactName: $contactName,
                        contactEmail: $contactEmail, riskCategories: $riskCategories, status: 'RECEIVED',
                        filedBy: $filedBy, receivedAt: datetime($receivedAt), dueAt: datetime($dueAt),
                        visibility: 'INTERNAL', version: 1})
     CREATE (i)-[:HAS_STATUS_CHANGE]->(:StatusChange {id: $id + '#1', status: 'RECEIVED', at: i.receivedAt, by: $by,
                                                       note: $note})
     WITH i
     CALL (i) { MATCH (n:Institution {id: $askedBy}) CREATE (i)-[:ASKED_BY]->(n) }
     CALL (i) { MATCH (n:Network {id: $routedTo}) CREATE (i)-[:ROUTED_TO]->(n) }
     CALL (i) { MATCH (n:Institution {id: $partner}) CREATE (i)-[:CONCERNS_PARTNER]->(n) }
     CALL (i) { MATCH (n:Inquiry {id: $followUpOf}) CREATE (i)-[:FOLLOW_UP_OF]->(n) }
     CALL (i) { UNWIND $themeIds AS themeId MATCH (t:Theme {id: themeId}) CREATE (i)-[:ABOUT]->(t) }
     CALL (i) { UNWIND $countryIds AS countryId MATCH (c:Country {id: countryId}) CREATE (i)-[:CONCERNS]->(c) }`,
    { ...inquiry },
  );
}

/** The state a change is checked against, read under the inquiry's write lock. */
export interface LockedInquiry {
  id: string;
  status: InquiryStatus;
  answerSummary: string | null;
  receivedAt: string;
  routedTo: string | null;
}

const inquiryStatus: Parser<InquiryStatus> = (value, at) => {
  const status = str(value, at);
  if (!(INQUIRY_STATUSES as readonly string[]).includes(status))
    throw new RowShapeError(`${at}: expected an inquiry status, got "${status}"`);
  return status as InquiryStatus;
};

const lockedInquiry: Parser<LockedInquiry> = obj({
  id: str,
  status: inquiryStatus,
  answerSummary: optStr,
  receivedAt: str,
  routedTo: optStr,
});

/** A write to apply to the locked inquiry `i` (a code constant) with its parameters. */
export interface InquiryWrite {
  cypher: string;
  params: Params;
}

/**
 * Changes an inquiry only if nobody changed it since `expectedVersion`: tracking takes the node's write
 * lock before it reads the version (so two concurrent changes cannot both see the same version), and
 * records the change. `decide` checks the locked state and returns the write, or throws to change nothing.
 */
export async function changeInquiry(
  tx: AuditedWork,
  id: string,
  expectedVersion: number,
  decide: (current: LockedInquiry) => InquiryWrite,
): Promise<void> {
  await tx.track('Inquiry', id, { expectedVersion, noun: 'inquiry' });
  const write = decide(await readLocked(tx, id));
  await tx.run(`MATCH (i:Inquiry {id: $id}) ${write.cypher}`, { ...write.params, id });
}

/** The inquiry's state to check a change against; call it after tracking the inquiry (under its lock). */
export async function readLocked(tx: AuditedWork, id: string): Promise<LockedInquiry> {
  const rows = await tx.run(
    `MATCH (i:Inquiry {id: $id})
     RETURN i {.id, .status, .answerSummary, .receivedAt, routedTo: [(i)-[:ROUTED_TO]->(r:Network) | r.id][0]}
            AS inquiry`,
    { id },
  );
  // track() has just found it under its lock.
  const [locked] = parseRows(rows, obj({ inquiry: lockedInquiry }));
  return present(locked, `inquiry "${id}"`).inquiry;
}

/** Writes for changeInquiry; a status change is recorded as `<inquiry id>#<version it creates>`. */
export const writes = {
  status(
    status: InquiryStatus,
    at: string,
    by: string,
    note: string | null,
    ministryIds: string[],
    closing: { reason: string | null; duplicateOf: string | null } = { reason: null, duplicateOf: null },
  ): InquiryWrite {
    // Closing records why (src/inquiries/closing.ts); any other status clears the reason and the duplicate link.
    return {
      cypher: `SET i.status = $status,
                   i.closedAt = CASE WHEN $status = 'CLOSED' THEN datetime($at) ELSE null END,
                   i.closingReason = CASE WHEN $status = 'CLOSED' THEN $closingReason ELSE null END
               CREATE (i)-[:HAS_STATUS_CHANGE]->(:StatusChange {id: i.id + '#' + (i.version + 1), status: $status,
                                                                 at: datetime($at), by: $by, note: $note,
                                                                 ministryIds: $ministryIds,
                                                                 closingReason: $closingReason,
                                                                 duplicateOf: $duplicateOf})
               WITH i
               CALL (i) {
                 UNWIND $ministryIds AS ministryId MATCH (m:Institution {id: ministryId})
                 MERGE (i)-[c:COORDINATED_WITH]->(m) ON CREATE SET c.askedAt = datetime($at), c.by = $by
               }
               CALL (i) { MATCH (i)-[old:DUPLICATE_OF]->() DELETE old }
               CALL (i) { MATCH (original:Inquiry {id: $duplicateOf}) CREATE (i)-[:DUPLICATE_OF]->(original) }`,
      params: {
        status,
        at,
        by,
        note,
        ministryIds,
        closingReason: status === 'CLOSED' ? closing.reason : null,
        duplicateOf: status === 'CLOSED' ? closing.duplicateOf : null,
      },
    };
  },
  answer(answerSummary: string, visibility: Visibility, at: string, by: string, note: string | null): InquiryWrite {
    return {
      cypher: `SET i.status = 'ANSWERED', i.answerSummary = $answerSummary, i.visibility = $visibility,
                   i.answeredAt = datetime($at), i.closedAt = null
               CREATE (i)-[:HAS_STATUS_CHANGE]->(:StatusChange {id: i.id + '#' + (i.version + 1), status: 'ANSWERED',
                                                                 at: datetime($at), by: $by, note: $note,
                                                                 ministryIds: []})`,
      params: { answerSummary, visibility, at, by, note },
    };
  },
  /** An expert asked and answered at once (`consultExpert`). */
  consultation(expertId: string, outcome: ConsultationOutcomeFacts): InquiryWrite {
    return {
      // Every consultation is its own record: asking the same expert again keeps the earlier one.
      cypher: `MATCH (e:Expert {id: $expertId})
               CREATE (i)-[c:CONSULTED {id: i.id + '#c' + (i.version + 1), askedAt: datetime($outcome.at)}]->(e)
               SET ${SET_CONSULTATION_OUTCOME}`,
      params: { expertId, outcome },
    };
  },
  followUp(earlierId: string): InquiryWrite {
    return {
      cypher: `MATCH (earlier:Inquiry {id: $earlierId})
               OPTIONAL MATCH (i)-[old:FOLLOW_UP_OF]->()
               DELETE old
               MERGE (i)-[:FOLLOW_UP_OF]->(earlier)`,
      params: { earlierId },
    };
  },
};

/** What an inquiry's text was recognised to concern beyond what was given with it (src/inquiries/tagging.ts). */
export interface InferredLinks {
  id: string;
  themeIds: string[];
  countryIds: string[];
  partnerId: string | null;
  riskCategories: string[];
}

/**
 * Links inquiries to the themes, countries and partner recognised in their text, marked `inferred: true`
 * so that they stay apart from the ones given (the Inquiry fields show those; similarity and evidence use
 * both), and stores the recognised risk categories beside the given ones.
 */
export async function linkInferred(
  run: (cypher: string, params?: Params) => Promise<unknown>,
  rows: InferredLinks[],
): Promise<void> {
  if (rows.length === 0) return;
  await run(
    `UNWIND $rows AS row
     MATCH (i:Inquiry {id: row.id})
     SET i.inferredRiskCategories = row.riskCategories
     WITH i, row
     CALL (i, row) {
       UNWIND row.themeIds AS themeId MATCH (t:Theme {id: themeId}) MERGE (i)-[:ABOUT {inferred: true}]->(t)
     }
     CALL (i, row) {
       UNWIND row.countryIds AS countryId MATCH (c:Country {id: countryId}) MERGE (i)-[:CONCERNS {inferred: true}]->(c)
     }
     CALL (i, row) {
       UNWIND CASE WHEN row.partnerId IS NULL THEN [] ELSE [row.partnerId] END AS partnerId
       MATCH (p:Institution {id: partnerId}) MERGE (i)-[:CONCERNS_PARTNER {inferred: true}]->(p)
     }`,
    { rows },
  );
}

/** An inquiry never tagged, with the concepts given with it (not the inferred ones). */
export interface UntaggedInquiry {
  id: string;
  question: string | null;
  context: string | null;
  themeIds: string[];
  countryIds: string[];
  partnerId: string | null;
  riskCategories: string[];
}

/** Up to `batch` inquiries that were never tagged (recorded before tagging existed, seeded, or imported). */
export async function untaggedInquiries(
  run: (cypher: string, params?: Params) => Promise<unknown>,
  batch: number,
): Promise<UntaggedInquiry[]> {
  return (await run(
    `MATCH (i:Inquiry) WHERE i.inferredRiskCategories IS NULL
         WITH i LIMIT ${batch}
         RETURN i.id AS id, i.question AS question, i.context AS context,
                coalesce(i.riskCategories, []) AS riskCategories,
                [(i)-[r:ABOUT]->(t:Theme) WHERE r.inferred IS NULL | t.id] AS themeIds,
                [(i)-[r:CONCERNS]->(c:Country) WHERE r.inferred IS NULL | c.id] AS countryIds,
                [(i)-[r:CONCERNS_PARTNER]->(p:Institution) WHERE r.inferred IS NULL | p.id][0] AS partnerId`,
  )) as UntaggedInquiry[];
}
