import { changedFields, snapshotOf, type Snapshot } from '../audit/repository.js';
import { audited, type AuditedWork } from '../audit/service.js';
import { canCurateExpert } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { ForbiddenError, InputProblems } from '../errors.js';
import { auditedRetire, type Guards, type Kind } from '../writes/audited-writes.js';
import { firstFreeSlug, slugFromName, slugProblem } from '../writes/checks.js';
import { checkedWrite } from './checks.js';
import type { CreateExpertInput, ExpertFieldsInput, RetireExpertInput, UpdateExpertInput } from './inputs.js';
import { expertNamed } from './resolve.js';
import {
  createExpert as createNode,
  currentExpert,
  updateExpert as writeExpert,
  type CurrentExpert,
  type ExpertWrite,
} from './write-repository.js';

/** The refusal of a change to an expert outside the viewer's networks (checked under the expert's lock). */
function notTheirExpert(current: CurrentExpert) {
  const networks = current.networks.map((n) => n.acronym).join(', ') || 'no network';
  return new ForbiddenError(
    `Only administrators and the secretariats of the expert's networks (${networks}) may change this expert.`,
  );
}

/*
 * The steps of creating and changing an expert, taken inside an audited transaction by createExpert and
 * updateExpert one expert at a time, and by the CSV import for every row of a file.
 */

/**
 * Checks a new expert's input; a secretariat's new expert joins its own networks unless `networks` says
 * otherwise. `slugBase` asks which expert ids start with it (taken slugs).
 */
export function checkNewExpert(
  queries: Queries,
  viewer: Viewer,
  input: ExpertFieldsInput,
  problems: InputProblems,
  now: Date,
  slugBase: string,
) {
  const networks = input.networks ?? [...viewer.networks];
  return checkedWrite(queries, viewer, { ...input, networks }, null, problems, now, slugBase);
}

/**
 * Checks a change to the expert `id` against its current state (read under its lock), and whether the viewer may curate
 * it.
 */
export async function checkExpertChange(
  tx: AuditedWork,
  queries: Queries,
  viewer: Viewer,
  id: string,
  input: ExpertFieldsInput,
  problems: InputProblems,
  now: Date,
): Promise<{ write: ExpertWrite; current: CurrentExpert; mayCurate: boolean }> {
  const current = await currentExpert(tx, id);
  const mayCurate = canCurateExpert(
    viewer,
    current.networks.map((n) => n.id),
  );
  const { write } = await checkedWrite(queries, viewer, input, current, problems, now);
  return { write, current, mayCurate };
}

/** Writes a new expert, tracked for the history. */
export async function insertExpert(tx: AuditedWork, id: string, write: ExpertWrite): Promise<void> {
  await tx.track('Expert', id, { noun: 'expert' });
  await createNode(tx, id, write);
}

/**
 * Writes a checked change to an expert tracked already. Given `before` (what tracking returned), it also
 * says whether anything changed; without it nothing more is read.
 */
export async function changeExpert(
  tx: AuditedWork,
  id: string,
  write: ExpertWrite,
  before?: Snapshot | null,
): Promise<boolean | undefined> {
  await writeExpert(tx, id, write);
  return before === undefined ? undefined : changedFields(before, await snapshotOf(tx.run, 'Expert', id)).length > 0;
}

/**
 * Creates an expert. Every problem with the input is reported at once; nothing is written while any remain.
 */
export async function createExpert(
  queries: Queries,
  viewer: Viewer,
  input: CreateExpertInput,
  now = new Date(),
): Promise<string> {
  const problems = new InputProblems();
  const givenSlug = input.slug?.trim() || null;
  const slugIssue = givenSlug && slugProblem(givenSlug);
  if (slugIssue) problems.add('slug', slugIssue);
  const slugBase = givenSlug ?? slugFromName(input.name, 'expert');
  const { write, takenSlugs } = await checkNewExpert(queries, viewer, input, problems, now, slugBase);
  if (givenSlug && takenSlugs.includes(givenSlug))
    problems.add('slug', `"${givenSlug}" is taken: choose another, or leave slug out to have one made from the name`);
  problems.throwIfAny('The expert was not created');
  const id = givenSlug ?? firstFreeSlug(slugBase, takenSlugs);
  await audited(queries, viewer, 'createExpert', input.note?.trim() || null, (tx) => insertExpert(tx, id, write));
  return id;
}

/**
 * Changes the fields given (a list given replaces the whole list) if the expert is still at
 * `expectedVersion`; otherwise CONFLICT. An old id of a merged expert changes the kept expert, at its version. A change
 * that changes nothing leaves no record and no new version.
 */
export async function updateExpert(
  queries: Queries,
  viewer: Viewer,
  input: UpdateExpertInput,
  now = new Date(),
): Promise<string> {
  const { id } = await expertNamed(queries, input.id);
  await audited(queries, viewer, 'updateExpert', input.note?.trim() || null, async (tx) => {
    await tx.track('Expert', id, { expectedVersion: input.expectedVersion, noun: 'expert' });
    const problems = new InputProblems();
    const { write, current, mayCurate } = await checkExpertChange(tx, queries, viewer, id, input, problems, now);
    if (!mayCurate) throw notTheirExpert(current);
    problems.throwIfAny('The expert was not updated');
    await changeExpert(tx, id, write);
  });
  return id;
}

/** Experts as the retire kernel takes them: an old id of a merged expert names the kept one. */
const EXPERT: Kind = {
  label: 'Expert',
  noun: 'expert',
  resolveId: async (queries, given) => (await expertNamed(queries, given)).id,
};

/** Administrators and the secretariats of the expert's networks, as they are under the expert's lock. */
const curatesExpert =
  (viewer: Viewer): NonNullable<Guards['authorize']> =>
  async (current, tx) => {
    const expert = await currentExpert(tx, String(current.id));
    if (
      !canCurateExpert(
        viewer,
        expert.networks.map((n) => n.id),
      )
    )
      throw notTheirExpert(expert);
  };

/** Takes an expert out of lists, searches and whoKnows; the expert keeps resolving by id, marked retired. */
export async function retireExpert(queries: Queries, viewer: Viewer, input: RetireExpertInput): Promise<string> {
  return auditedRetire(queries, viewer, EXPERT, input, { authorize: curatesExpert(viewer) });
}
