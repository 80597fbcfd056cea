import type { AuditedWork } from '../audit/service.js';
import { linkInferred, type InferredLinks } from './write-repository.js';

/** An inquiry's intake fields as given (not the inferred links), read under its lock. */
export interface Intake {
  kind: string;
  question: string;
  context: string | null;
  contactName: string | null;
  contactEmail: string | null;
  askedBy: string | null;
  partner: string | null;
  themeIds: string[];
  countryIds: string[];
  riskCategories: string[];
}

export async function intakeOf(tx: AuditedWork, id: string): Promise<Intake> {
  const [row] = await tx.run(
    `MATCH (i:Inquiry {id: $id})
     RETURN i.kind AS kind, i.question AS question, i.context AS context, i.contactName AS contactName,
            i.contactEmail AS contactEmail, coalesce(i.riskCategories, []) AS riskCategories,
            [(i)-[:ASKED_BY]->(n:Institution) | n.id][0] AS askedBy,
            [(i)-[r:CONCERNS_PARTNER]->(n:Institution) WHERE r.inferred IS NULL | n.id][0] AS partner,
            [(i)-[r:ABOUT]->(t:Theme) WHERE r.inferred IS NULL | t.id] AS themeIds,
            [(i)-[r:CONCERNS]->(c:Country) WHERE r.inferred IS NULL | c.id] AS countryIds`,
    { id },
  );
  // The caller tracked it: it exists.
  return row as unknown as Intake;
}

/**
 * Writes the intake as edited, replaces the given links, links the concepts recognised in its (new) text as
 * inferred in place of the old ones, and records the edit (`<inquiry id>#e<version it creates>`) for the timeline.
 */
export async function writeIntake(
  tx: AuditedWork,
  id: string,
  intake: Intake,
  inferred: Omit<InferredLinks, 'id'>,
  edit: { at: string; by: string; byId: string; fields: string[]; note: string | null },
): Promise<void> {
  await tx.run(
    `MATCH (i:Inquiry {id: $id})
     SET i.kind = $intake.kind, i.question = $intake.question, i.context = $intake.context,
         i.contactName = $intake.contactName, i.contactEmail = $intake.contactEmail,
         i.riskCategories = $intake.riskCategories
     WITH i
     CALL (i) { MATCH (i)-[r:ASKED_BY|CONCERNS_PARTNER|ABOUT|CONCERNS]->() DELETE r }
     CALL (i) { MATCH (n:Institution {id: $intake.askedBy}) CREATE (i)-[:ASKED_BY]->(n) }
     CALL (i) { MATCH (n:Institution {id: $intake.partner}) CREATE (i)-[:CONCERNS_PARTNER]->(n) }
     CALL (i) { UNWIND $intake.themeIds AS themeId MATCH (t:Theme {id: themeId}) CREATE (i)-[:ABOUT]->(t) }
     CALL (i) {
       UNWIND $intake.countryIds AS countryId MATCH (c:Country {id: countryId}) CREATE (i)-[:CONCERNS]->(c)
     }
     CREATE (i)-[:HAS_EDIT]->(:InquiryEdit {id: i.id + '#e' + (i.version + 1), at: datetime($edit.at),
                                            by: $edit.by, byId: $edit.byId, fields: $edit.fields,
                                            note: $edit.note})`,
    { id, intake: { ...intake }, edit: { ...edit } },
  );
  await linkInferred(tx.run, [{ id, ...inferred }]);
}

/** Moves the receipt time and the due date that follows it, and records the correction for the timeline. */
export async function writeReceipt(
  tx: AuditedWork,
  id: string,
  receipt: { receivedAt: string; dueAt: string },
  edit: { at: string; by: string; byId: string; note: string },
): Promise<void> {
  await tx.run(
    `MATCH (i:Inquiry {id: $id})
     SET i.receivedAt = datetime($receipt.receivedAt), i.dueAt = datetime($receipt.dueAt)
     CREATE (i)-[:HAS_EDIT]->(:InquiryEdit {id: i.id + '#e' + (i.version + 1), at: datetime($edit.at),
                                            by: $edit.by, byId: $edit.byId, fields: ['receivedAt', 'dueAt'],
                                            note: $edit.note})`,
    { id, receipt: { ...receipt }, edit: { ...edit } },
  );
}
