import { audited } from '../audit/service.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { BadInputError, InputProblems, NotFoundError, present } from '../errors.js';
import { assignmentMessages as say } from '../messages/assignment.js';
import { idOf } from '../names/service.js';
import { checkedText, TEXT_LIMITS } from '../writes/checks.js';
import { rememberPerson } from '../notifications/service.js';
import { lockForChange, teamLabel, type AssignmentChange } from './assignment.js';
import type { InquiryKind, InquiryRecord } from './model.js';
import { inquiriesByIds } from './repository.js';
import { reroute, teams } from './routing-repository.js';
import { isOpen } from './status.js';

/** Where a reroute goes, and why. */
export interface RerouteChange extends AssignmentChange {
  to: string;
  reason: string;
}

/** The kind of question a team answers: the desk knowledge-security questions, the networks expertise requests. */
const kindFor = (teamKind: string): InquiryKind => (teamKind === 'DESK' ? 'KNOWLEDGE_SECURITY' : 'EXPERTISE_REQUEST');

/**
 * Moves an open inquiry to another team (the desk, CKN or REKA). It keeps its slug, receipt, due moment, history and
 * thread; the team it leaves keeps read access (no longer write access); its handler is cleared (the new team claims
 * it); its kind follows the new team; the reroute and its reason are recorded on it (`reroutes`) and in the audit.
 */
export async function rerouteInquiry(
  queries: Queries,
  viewer: Viewer,
  change: RerouteChange,
  now = new Date(),
): Promise<InquiryRecord> {
  const problems = new InputProblems();
  const reason = checkedText(problems, 'reason', change.reason, { max: TEXT_LIMITS.text, required: true });
  const to = checkedText(problems, 'to', change.to, { max: TEXT_LIMITS.line, required: true, line: true });
  const known = await teams(queries);
  const target = to === null ? undefined : known.find((team) => team.id === idOf(to, 'Network'));
  if (to !== null && !target)
    problems.add(
      'to',
      say.unknownTeam(
        to,
        known.map((team) => team.id),
      ),
    );
  problems.throwIfAny('The inquiry was not rerouted');
  const team = present(target, 'the team to reroute to');
  const why = present(reason, 'the reason');
  const id = idOf(change.id, 'Inquiry');
  await audited(queries, viewer, 'rerouteInquiry', why, async (tx) => {
    await rememberPerson(tx.run, viewer);
    const current = await lockForChange(tx, viewer, id, change.expectedVersion, 'reroute');
    if (!isOpen(current.status)) throw new BadInputError(say.rerouteClosed(current.status), { argument: 'input' });
    if (current.routedTo === team.id) throw new BadInputError(say.sameTeam(teamLabel(team.id)), { argument: 'input' });
    await reroute(tx, {
      id,
      to: team.id,
      kind: kindFor(team.kind),
      at: now.toISOString(),
      by: viewer.name,
      byId: viewer.id,
      reason: why,
    });
  });
  const [inquiry] = await inquiriesByIds(queries, [id]);
  if (inquiry === undefined || inquiry instanceof Error) throw new NotFoundError(`No inquiry has id "${change.id}".`);
  return inquiry;
}
