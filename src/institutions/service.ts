import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import type { RetireInput } from '../writes/mutation-fields.js';
import type { CreateInstitutionInput, UpdateInstitutionInput } from './inputs.js';
import { InputProblems } from '../errors.js';
import type { LinkWrite, NodeWrite } from '../writes/node-repository.js';
import { auditedCreate, auditedRetire, auditedUpdate, newSlug, type Kind } from '../writes/audited-writes.js';
import { inputName, inputRequired, inputText, TEXT_LIMITS } from '../writes/checks.js';
import { checkedReferences } from '../writes/references.js';

const INSTITUTION: Kind = { label: 'Institution', noun: 'institution' };

/** The fields both create and update take (a new institution has them all). */
type InstitutionFields = Omit<UpdateInstitutionInput, 'id' | 'expectedVersion'>;

async function institutionWrite(
  queries: Queries,
  problems: InputProblems,
  input: InstitutionFields,
): Promise<NodeWrite> {
  const links: LinkWrite[] = [];
  const country = inputRequired(problems, 'country', input.country);
  if (country !== undefined) {
    const [found] = await checkedReferences(
      queries,
      problems,
      { label: 'Country', noun: 'country', list: 'countries' },
      [{ text: country, at: 'country' }],
    );
    if (found) links.push({ type: 'LOCATED_IN', to: 'Country', targets: [{ id: found.id }] });
  }
  return {
    properties: {
      name: inputName(problems, 'name', input.name),
      nameNl: inputName(problems, 'nameNl', input.nameNl),
      acronym: inputText(problems, 'acronym', input.acronym, { max: TEXT_LIMITS.abbreviation, line: true }),
      kind: inputRequired(problems, 'kind', input.kind),
      city: inputText(problems, 'city', input.city, { max: TEXT_LIMITS.name, line: true }),
      url: input.url === undefined ? undefined : (input.url?.href ?? null),
    },
    links,
  };
}

export async function createInstitution(
  queries: Queries,
  viewer: Viewer,
  input: CreateInstitutionInput,
): Promise<string> {
  const problems = new InputProblems();
  inputText(problems, 'note', input.note);
  const slug = await newSlug(queries, problems, INSTITUTION, input.slug);
  const write = await institutionWrite(queries, problems, input);
  problems.throwIfAny('The institution was not created');
  return auditedCreate(queries, viewer, INSTITUTION, { given: slug }, write, input.note);
}

export async function updateInstitution(
  queries: Queries,
  viewer: Viewer,
  input: UpdateInstitutionInput,
): Promise<string> {
  const problems = new InputProblems();
  inputText(problems, 'note', input.note);
  const write = await institutionWrite(queries, problems, input);
  problems.throwIfAny('The institution was not changed');
  return auditedUpdate(queries, viewer, INSTITUTION, input, () => write);
}

export const retireInstitution = (queries: Queries, viewer: Viewer, input: RetireInput) =>
  auditedRetire(queries, viewer, INSTITUTION, input);
