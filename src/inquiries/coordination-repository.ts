import type { AuditedWork } from '../audit/service.js';

/** A ministry's coordination line on an inquiry, as stored: null when it was never asked. */
export async function coordinationLineOf(
  tx: AuditedWork,
  inquiryId: string,
  ministryId: string,
): Promise<{ answeredAt: string | null } | null> {
  const [row] = await tx.run(
    `MATCH (:Inquiry {id: $inquiryId})-[k:COORDINATED_WITH]->(:Institution {id: $ministryId})
     RETURN k.answeredAt AS answeredAt`,
    { inquiryId, ministryId },
  );
  return (row as { answeredAt: string | null } | undefined) ?? null;
}

/** One line per ministry: asking it again keeps the line (and when it was first asked). */
export async function writeMinistryAsked(
  tx: AuditedWork,
  inquiryId: string,
  ministryId: string,
  askedAt: string,
  by: string,
): Promise<void> {
  await tx.run(
    `MATCH (i:Inquiry {id: $inquiryId}), (m:Institution {id: $ministryId})
     MERGE (i)-[k:COORDINATED_WITH]->(m)
     ON CREATE SET k.askedAt = datetime($askedAt), k.by = $by`,
    { inquiryId, ministryId, askedAt, by },
  );
}

export async function writeMinistryAnswer(
  tx: AuditedWork,
  inquiryId: string,
  ministryId: string,
  answer: { answeredAt: string; outcome: string; by: string },
): Promise<void> {
  await tx.run(
    `MATCH (:Inquiry {id: $inquiryId})-[k:COORDINATED_WITH]->(:Institution {id: $ministryId})
     SET k.answeredAt = datetime($answer.answeredAt), k.outcome = $answer.outcome, k.by = $answer.by`,
    { inquiryId, ministryId, answer: { ...answer } },
  );
}

export async function writeExpectedAnswer(tx: AuditedWork, inquiryId: string, at: string | null): Promise<void> {
  await tx.run(
    `MATCH (i:Inquiry {id: $inquiryId})
     SET i.expectedAnswerAt = CASE WHEN $at IS NULL THEN null ELSE datetime($at) END`,
    { inquiryId, at },
  );
}
