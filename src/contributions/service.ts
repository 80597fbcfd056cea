import { canCurateContribution } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import type { RetireInput } from '../writes/mutation-fields.js';
import type { CreateContributionInput, UpdateContributionInput } from './inputs.js';
import { EXPERT_REFERENCES } from '../experts/resolve.js';
import { ForbiddenError, InputProblems, present } from '../errors.js';
import {
  auditedCreate,
  auditedRetire,
  auditedUpdate,
  isoDate,
  slugOf,
  type Guards,
  type Kind,
} from '../writes/audited-writes.js';
import { inputRequired, inputText, TEXT_LIMITS } from '../writes/checks.js';
import { neo4jDate, networksOfLinkedExperts, type ExistingNode, type NodeWrite } from '../writes/node-repository.js';
import { checkedReferences, listed, subjectLinks } from '../writes/references.js';

const CONTRIBUTION: Kind = { label: 'Contribution', noun: 'contribution' };

/** The fields both create and update take (a new contribution has them all). */
type ContributionFields = Omit<UpdateContributionInput, 'id' | 'expectedVersion'>;

const AUTHOR_RULE =
  'Contributions are curated by administrators and by the secretariats of a network one of the authors belongs to.';

async function checkContribution(queries: Queries, problems: InputProblems, input: ContributionFields) {
  let authors: ExistingNode[] | undefined;
  if (input.authors !== undefined) {
    if (!input.authors?.length) problems.add('authors', 'name at least one author');
    authors = (
      await checkedReferences(queries, problems, EXPERT_REFERENCES, listed('authors', input.authors ?? []))
    ).filter((a) => a !== null);
  }
  const given = inputRequired(problems, 'date', input.date);
  const date = given === undefined ? undefined : isoDate(given);
  const write: NodeWrite = {
    properties: {
      kind: inputRequired(problems, 'kind', input.kind),
      title: inputText(problems, 'title', input.title, { required: true, max: TEXT_LIMITS.title, line: true }),
      summary: inputText(problems, 'summary', input.summary),
      date: date === undefined ? undefined : neo4jDate(date),
      url: input.url === undefined ? undefined : (input.url?.href ?? null),
    },
    links: [
      ...(authors ? [{ type: 'BY', to: 'Expert' as const, targets: authors }] : []),
      ...(await subjectLinks(queries, problems, input)),
    ],
  };
  return { write, authors, date };
}

export async function createContribution(
  queries: Queries,
  viewer: Viewer,
  input: CreateContributionInput,
): Promise<string> {
  const problems = new InputProblems();
  inputText(problems, 'note', input.note);
  const { write, authors, date } = await checkContribution(queries, problems, input);
  problems.throwIfAny('The contribution was not created');
  // Authors and date are required: with no problem reported, both were given.
  const authorNetworks = present(authors, "the new contribution's authors").map((a) => a.networkIds);
  if (!canCurateContribution(viewer, authorNetworks)) throw new ForbiddenError(AUTHOR_RULE);
  // Not from an author's slug: that is made from a name, and would outlive the author's erasure.
  const id = slugOf(present(date, "the new contribution's date").slice(0, 4), input.title);
  return auditedCreate(queries, viewer, CONTRIBUTION, { generated: id }, write, input.note);
}

/**
 * The viewer must be able to curate the contribution as it is (its authors now) and as it will be (the new authors).
 */
export async function updateContribution(
  queries: Queries,
  viewer: Viewer,
  input: UpdateContributionInput,
): Promise<string> {
  const problems = new InputProblems();
  inputText(problems, 'note', input.note);
  const { write, authors } = await checkContribution(queries, problems, input);
  problems.throwIfAny('The contribution was not changed');
  if (
    authors &&
    !canCurateContribution(
      viewer,
      authors.map((a) => a.networkIds),
    )
  )
    throw new ForbiddenError(AUTHOR_RULE);
  return auditedUpdate(queries, viewer, CONTRIBUTION, input, () => write, { authorize: mayCurateCurrent(viewer) });
}

export const retireContribution = (queries: Queries, viewer: Viewer, input: RetireInput) =>
  auditedRetire(queries, viewer, CONTRIBUTION, input, { authorize: mayCurateCurrent(viewer) });

/** Judged under the contribution's lock, on the authors it has now. */
function mayCurateCurrent(viewer: Viewer): NonNullable<Guards['authorize']> {
  return async (current, tx) => {
    const authorNetworks = await networksOfLinkedExperts(tx.run, 'Contribution', current.id as string, 'BY');
    if (!canCurateContribution(viewer, authorNetworks)) throw new ForbiddenError(AUTHOR_RULE);
  };
}
