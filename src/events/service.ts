import { canOrganise } from '../auth/policy.js';
import { checkedNetwork } from '../networks/resolve.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import type { RetireInput } from '../writes/mutation-fields.js';
import type { CreateEventInput, UpdateEventInput } from './inputs.js';
import { EXPERT_REFERENCES } from '../experts/resolve.js';
import { ForbiddenError, InputProblems, present } from '../errors.js';
import {
  auditedCreate,
  auditedRetire,
  auditedUpdate,
  slugOf,
  type Guards,
  type Kind,
} from '../writes/audited-writes.js';
import { inputRequired, inputText, TEXT_LIMITS } from '../writes/checks.js';
import { neo4jDateTime, type LinkWrite, type NodeWrite } from '../writes/node-repository.js';
import { checkedReferences, linkedIds, listed, subjectLinks } from '../writes/references.js';

/**
 * Events and who spoke at them. Speakers are stored as `(:Event)-[:FEATURED {topic}]->(:Expert)`, not as
 * the expert's `SPOKE_AT`: the programme is then part of the event's own state, so that one record per
 * change shows it before and after, a changed programme moves the event's version on, and organising an
 * event never writes to (or locks) experts that another secretariat curates.
 */
const EVENT: Kind = { label: 'Event', noun: 'event' };

/** The fields both create and update take (a new event has them all). */
type EventFields = Omit<UpdateEventInput, 'id' | 'expectedVersion'>;

const organiserRule = (network: string) =>
  `Events of ${network} are organised by its secretariat and by administrators.`;

function checkTimes(problems: InputProblems, startsAt: Date | null | undefined, endsAt: Date | null | undefined): void {
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) problems.add('endsAt', 'must be after startsAt');
}

async function checkEvent(queries: Queries, problems: InputProblems, input: EventFields) {
  const given = inputRequired(problems, 'network', input.network);
  const network = given === undefined ? undefined : await checkedNetwork(queries, problems, given, 'network');
  const speakers = input.speakers ?? [];
  const experts = await checkedReferences(
    queries,
    problems,
    EXPERT_REFERENCES,
    listed(
      'speakers',
      speakers.map((speaker) => speaker.expert),
      'expert',
    ),
  );
  const topics = speakers.map(
    (speaker, i) => inputText(problems, `speakers[${i}].topic`, speaker.topic, { max: TEXT_LIMITS.title }) ?? null,
  );
  const featured = experts.flatMap((expert, i) =>
    expert ? [{ id: expert.id, properties: { topic: topics[i] } }] : [],
  );
  const startsAt = inputRequired(problems, 'startsAt', input.startsAt);
  checkTimes(problems, startsAt, input.endsAt);
  const links: LinkWrite[] = [
    ...(network ? [{ type: 'ORGANISED_BY', to: 'Network' as const, targets: [{ id: network.id }] }] : []),
    ...(input.speakers !== undefined ? [{ type: 'FEATURED', to: 'Expert' as const, targets: featured }] : []),
    ...(await subjectLinks(queries, problems, input)),
  ];
  const write: NodeWrite = {
    properties: {
      kind: inputRequired(problems, 'kind', input.kind),
      title: inputText(problems, 'title', input.title, { required: true, max: TEXT_LIMITS.title, line: true }),
      summary: inputText(problems, 'summary', input.summary),
      startsAt: startsAt && neo4jDateTime(startsAt),
      endsAt: input.endsAt === undefined ? undefined : input.endsAt && neo4jDateTime(input.endsAt),
      location: inputText(problems, 'location', input.location, { max: TEXT_LIMITS.line, line: true }),
      online: input.online === undefined ? undefined : input.online === true,
    },
    links,
  };
  return { write, network: network ?? undefined };
}

function mayOrganise(viewer: Viewer, network: { id: string; name: string } | undefined): void {
  if (network && !canOrganise(viewer, network.id)) throw new ForbiddenError(organiserRule(network.name));
}

export async function createEvent(queries: Queries, viewer: Viewer, input: CreateEventInput): Promise<string> {
  const problems = new InputProblems();
  inputText(problems, 'note', input.note);
  const { write, network } = await checkEvent(queries, problems, { online: false, ...input });
  problems.throwIfAny('The event was not created');
  // The network is required: with no problem reported, it was found.
  const organiser = present(network, "the new event's network");
  mayOrganise(viewer, organiser);
  const id = slugOf(organiser.id, input.startsAt.toISOString().slice(0, 10), input.title);
  return auditedCreate(queries, viewer, EVENT, { generated: id }, write, input.note);
}

/** The viewer must organise the event's network now and, when it moves, the network it moves to. */
export async function updateEvent(queries: Queries, viewer: Viewer, input: UpdateEventInput): Promise<string> {
  const problems = new InputProblems();
  inputText(problems, 'note', input.note);
  const { write, network } = await checkEvent(queries, problems, input);
  problems.throwIfAny('The event was not changed');
  mayOrganise(viewer, network);
  return auditedUpdate(
    queries,
    viewer,
    EVENT,
    input,
    (current) => {
      // The times given against the ones kept, under the event's lock.
      const late = new InputProblems();
      checkTimes(
        late,
        input.startsAt ?? new Date(current.startsAt as string),
        input.endsAt !== undefined ? input.endsAt : current.endsAt ? new Date(current.endsAt as string) : null,
      );
      late.throwIfAny('The event was not changed');
      return write;
    },
    { authorize: organisesCurrent(viewer) },
  );
}

export const retireEvent = (queries: Queries, viewer: Viewer, input: RetireInput) =>
  auditedRetire(queries, viewer, EVENT, input, { authorize: organisesCurrent(viewer) });

/** Judged under the event's lock, on the network that organises it now. */
function organisesCurrent(viewer: Viewer): NonNullable<Guards['authorize']> {
  return (current) => {
    const [networkId] = linkedIds(current, 'ORGANISED_BY');
    if (!canOrganise(viewer, networkId ?? '')) throw new ForbiddenError(organiserRule(networkId ?? 'no network'));
  };
}
