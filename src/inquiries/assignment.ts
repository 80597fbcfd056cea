import { audited, type AuditedWork } from '../audit/service.js';
import { belongsToTeam, DESK_NETWORK_ID, handlesInquiry, worksInATeam } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { BadInputError, ConflictError, ForbiddenError, InputProblems, NotFoundError, present } from '../errors.js';
import { assignmentMessages as say } from '../messages/assignment.js';
import { idOf } from '../names/service.js';
import { personById, personInTeamById, teamMembers, type PersonRecord } from '../notifications/people-repository.js';
import { notify, rememberPerson } from '../notifications/service.js';
import { checkedText, TEXT_LIMITS } from '../writes/checks.js';
import { lockedForAssignment, setHandler, type AssignableInquiry } from './assignment-repository.js';
import type { InquiryRecord } from './model.js';
import { inquiriesByIds } from './repository.js';
import { isOpen } from './status.js';

/**
 * Who handles an inquiry: at most one person (a token subject and display name) of the team it is routed to. The
 * team is the desk for knowledge-security inquiries and a network's secretariat for the others; its members are
 * known from their tokens, which the API records as `Person`s when they act (`rememberPerson`, the same record the
 * notifications read), so that an assignee can be checked against the team by the rule the team's notifications
 * follow (`personInTeam`): someone never seen, or seen without the team's role, cannot be assigned.
 */

/** Which inquiry, at which version, and a note for the history. */
export interface AssignmentChange {
  id: string;
  expectedVersion: number;
  note?: string | null;
}

/** A colleague to give the inquiry to: their token subject and display name. */
export interface Assignee {
  assignee: string;
  assigneeName: string;
}

export const teamLabel = (teamId: string | null) => (teamId === null ? 'no team' : say.team(teamId, DESK_NETWORK_ID));

/**
 * Locks the inquiry and checks that the viewer handles it and read it at its current version; a conflict names the
 * version and the handler now, so that a handler who lost a race is told who won.
 */
export async function lockForChange(
  tx: AuditedWork,
  viewer: Viewer,
  id: string,
  expectedVersion: number,
  action: string,
): Promise<AssignableInquiry> {
  const current = await lockedForAssignment(tx, id);
  if (!current) throw new NotFoundError(`No inquiry has id "${id}".`);
  if (!handlesInquiry(viewer, current)) throw new ForbiddenError(say.notHandler(action));
  if (current.version !== expectedVersion) {
    throw new ConflictError(say.lostRace(current.version, expectedVersion, current.handlerName), {
      currentVersion: current.version,
      handler: holderOf(current),
    });
  }
  return current;
}

const holderOf = (inquiry: AssignableInquiry) =>
  inquiry.handlerId ? { id: inquiry.handlerId, name: inquiry.handlerName ?? inquiry.handlerId } : null;

/** What to do with the locked inquiry: give it to someone, to nobody, or leave it as it is. */
type Decision = { handler: { id: string; name: string } | null } | 'unchanged';

async function changeHandler(
  queries: Queries,
  viewer: Viewer,
  action: string,
  verb: string,
  change: AssignmentChange,
  note: string | null,
  decide: (current: AssignableInquiry, tx: AuditedWork) => Promise<Decision>,
  now: Date,
  notice: 'ASSIGNED' | 'HANDED_OVER' | null = null,
): Promise<InquiryRecord> {
  const id = idOf(change.id, 'Inquiry');
  await audited(queries, viewer, action, note, async (tx) => {
    await rememberPerson(tx.run, viewer, now);
    const current = await lockForChange(tx, viewer, id, change.expectedVersion, verb);
    const decision = await decide(current, tx);
    if (decision === 'unchanged') return;
    await setHandler(tx, id, decision.handler, now.toISOString());
    // The new handler hears of it (in their inbox, and by mail at once), unless they took it themselves.
    if (notice && decision.handler && decision.handler.id !== viewer.id)
      await notify(tx.run, { kind: notice, inquiryId: id, persons: [decision.handler.id], actor: viewer, at: now });
  });
  const [inquiry] = await inquiriesByIds(queries, [id]);
  if (inquiry === undefined || inquiry instanceof Error) throw new NotFoundError(`No inquiry has id "${change.id}".`);
  return inquiry;
}

function checkedNote(change: AssignmentChange, required: boolean, problems = new InputProblems()) {
  const note = checkedText(problems, 'note', change.note, { max: TEXT_LIMITS.text, required });
  return { note, problems };
}

/** A change of handler that takes an optional note and nothing else (claim, release): checked, then made. */
function changeWithNote(
  queries: Queries,
  viewer: Viewer,
  change: AssignmentChange,
  now: Date,
  how: { action: string; verb: string; notDone: string },
  decide: (current: AssignableInquiry) => Decision,
): Promise<InquiryRecord> {
  const { note, problems } = checkedNote(change, false);
  problems.throwIfAny(how.notDone);
  return changeHandler(
    queries,
    viewer,
    how.action,
    how.verb,
    change,
    note,
    (current) => Promise.resolve(decide(current)),
    now,
  );
}

function refuseIfClosed(current: AssignableInquiry): void {
  if (!isOpen(current.status)) throw new BadInputError(say.closed(current.status), { argument: 'input' });
}

/** Takes the inquiry: the viewer becomes its handler, unless someone already is (CONFLICT naming them). */
export async function claimInquiry(
  queries: Queries,
  viewer: Viewer,
  change: AssignmentChange,
  now = new Date(),
): Promise<InquiryRecord> {
  const how = { action: 'claimInquiry', verb: 'claim', notDone: 'The inquiry was not claimed' };
  return changeWithNote(queries, viewer, change, now, how, (current) => {
    refuseIfClosed(current);
    if (current.routedTo === null || !belongsToTeam(viewer, current.routedTo))
      throw new ForbiddenError(say.claimNotMember(teamLabel(current.routedTo)));
    const holder = holderOf(current);
    if (holder?.id === viewer.id) return 'unchanged';
    if (holder) throw new ConflictError(say.heldBy(holder.name), { currentVersion: current.version, handler: holder });
    return { handler: { id: viewer.id, name: viewer.name } };
  });
}

/** The assignee's fields checked; the problems collected with the note's. */
function checkedAssignee(problems: InputProblems, input: Assignee): { id: string; name: string } {
  const id = checkedText(problems, 'assignee', input.assignee, { max: TEXT_LIMITS.line, required: true, line: true });
  const name = checkedText(problems, 'assigneeName', input.assigneeName, {
    max: TEXT_LIMITS.name,
    required: true,
    line: true,
  });
  return { id: id ?? '', name: name ?? '' };
}

/** Refuses an assignee not known as a member of the inquiry's team (by the rule its notifications follow). */
async function checkAssignee(tx: AuditedWork, current: AssignableInquiry, assignee: { id: string; name: string }) {
  const known = await personInTeamById(tx.run, assignee.id, current.routedTo);
  if (!known) throw new BadInputError(say.unknownAssignee(assignee.id), { argument: 'assignee' });
  if (!known.member)
    throw new BadInputError(say.assigneeNotMember(assignee.name, teamLabel(current.routedTo)), {
      argument: 'assignee',
    });
}

/** Gives the inquiry to a colleague of its team (or to oneself), whoever had it. */
export async function assignInquiry(
  queries: Queries,
  viewer: Viewer,
  change: AssignmentChange & Assignee,
  now = new Date(),
): Promise<InquiryRecord> {
  const { note, problems } = checkedNote(change, false);
  const assignee = checkedAssignee(problems, change);
  problems.throwIfAny('The inquiry was not assigned');
  return changeHandler(
    queries,
    viewer,
    'assignInquiry',
    'assign',
    change,
    note,
    async (current, tx) => {
      refuseIfClosed(current);
      await checkAssignee(tx, current, assignee);
      return current.handlerId === assignee.id && current.handlerName === assignee.name
        ? 'unchanged'
        : { handler: assignee };
    },
    now,
    'ASSIGNED',
  );
}

/** Passes the inquiry from its handler (the viewer) to a colleague of its team, with a note saying where it stands. */
export async function handOverInquiry(
  queries: Queries,
  viewer: Viewer,
  change: AssignmentChange & Assignee,
  now = new Date(),
): Promise<InquiryRecord> {
  const { note, problems } = checkedNote(change, true);
  const assignee = checkedAssignee(problems, change);
  if (assignee.id === viewer.id) problems.add('assignee', say.handOverToSelf);
  problems.throwIfAny('The inquiry was not handed over');
  return changeHandler(
    queries,
    viewer,
    'handOverInquiry',
    'hand over',
    change,
    present(note, 'the hand-over note'),
    async (current, tx) => {
      refuseIfClosed(current);
      if (current.handlerId !== viewer.id) throw new ForbiddenError(say.handOverNotHolder(current.handlerName));
      await checkAssignee(tx, current, assignee);
      return { handler: assignee };
    },
    now,
    'HANDED_OVER',
  );
}

/** Leaves the inquiry without a handler: by its handler, or an administrator. */
export async function releaseInquiry(
  queries: Queries,
  viewer: Viewer,
  change: AssignmentChange,
  now = new Date(),
): Promise<InquiryRecord> {
  const how = { action: 'releaseInquiry', verb: 'release', notDone: 'The inquiry was not released' };
  return changeWithNote(queries, viewer, change, now, how, (current) => {
    if (current.handlerId === null) throw new BadInputError(say.releaseNotHolder(null), { argument: 'input' });
    if (current.handlerId !== viewer.id && !viewer.roles.has('admin'))
      throw new ForbiddenError(say.releaseNotHolder(current.handlerName));
    return { handler: null };
  });
}

/** The most handlers listed: the members of three teams are far fewer. */
export const MAX_HANDLERS_LISTED = 500;

/** The people who work in a team, by name; with a team (id or global id), only its members. */
export async function handlersOfTeam(queries: Queries, team: string | null): Promise<PersonRecord[]> {
  const problems = new InputProblems();
  const given = checkedText(problems, 'team', team, { max: TEXT_LIMITS.line, line: true });
  problems.throwIfAny('No handlers were listed');
  const teamId = given === null ? null : idOf(given, 'Network');
  return teamMembers((cypher, params) => queries.read(cypher, params), teamId, MAX_HANDLERS_LISTED);
}

/**
 * Records the viewer as a person from their token, so that colleagues can assign inquiries of their teams to them
 * (and they hear of their teams' inquiries) before they have acted on one; the desk page does it on sign-in. Refused
 * for those in no team.
 */
export async function registerHandler(queries: Queries, viewer: Viewer): Promise<PersonRecord> {
  if (!worksInATeam(viewer)) throw new ForbiddenError(say.notTeamWorker);
  return queries.writeTransaction(async (run) => {
    await rememberPerson(run, viewer);
    return present(await personById(run, viewer.id), 'the person just recorded');
  });
}
