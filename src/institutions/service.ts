import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import type { RetireInput } from '../writes/mutation-fields.js';
import type { CreateInstitutionInput, UpdateInstitutionInput } from './inputs.js';
import { InputProblems } from '../errors.js';
import type { LinkWrite, NodeWrite } from '../writes/node-repository.js';
import { auditedCreate, auditedRetire, auditedUpdate, newSlug, type Kind } from '../writes/audited-writes.js';
import { inputName, inputRequired, inputText } from '../writes/checks.js';
import { INSTITUTION_PROPERTY_LIST, institutionTextLimits, MAX_OTHER_NAMES } from './model.js';
import { checkedReferences } from '../writes/references.js';
import { idOf } from '../names/service.js';

const INSTITUTION: Kind = { label: 'Institution', noun: 'institution' };

/** The fields both create and update take (a new institution has them all). */
type InstitutionFields = Omit<UpdateInstitutionInput, 'id' | 'expectedVersion'>;

const INSTITUTION_REFERENCE = { label: 'Institution', noun: 'institution', list: 'institutions' } as const;

async function institutionWrite(
  queries: Queries,
  problems: InputProblems,
  input: InstitutionFields,
  id: string | null,
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
  if (input.parent === null) links.push({ type: 'PART_OF', to: 'Institution', targets: [] });
  else if (input.parent !== undefined) {
    const [found] = await checkedReferences(queries, problems, INSTITUTION_REFERENCE, [
      { text: input.parent, at: 'parent' },
    ]);
    if (found && found.id === id) problems.add('parent', 'an institution cannot be part of itself: give another');
    else if (found) links.push({ type: 'PART_OF', to: 'Institution', targets: [{ id: found.id }] });
  }
  return { properties: checkedInstitutionProperties(problems, input), links };
}

/** The institution's own properties given, checked by their kind in the model. */
function checkedInstitutionProperties(problems: InputProblems, input: InstitutionFields): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [field, { kind }] of INSTITUTION_PROPERTY_LIST) {
    const value = input[field];
    switch (kind) {
      case 'name':
        properties[field] = inputName(problems, field, value as string | null | undefined);
        break;
      case 'abbreviation':
      case 'place':
      case 'otherName':
        properties[field] = inputText(problems, field, value as string | null | undefined, institutionTextLimits(kind));
        break;
      case 'institutionKind':
        properties[field] = inputRequired(problems, field, value);
        break;
      case 'names':
        properties[field] = otherNames(problems, field, value as string[] | null | undefined);
        break;
      case 'url':
        properties[field] = value === undefined ? undefined : ((value as URL | null)?.href ?? null);
        break;
    }
  }
  return properties;
}

/** A list of other names: each one line, none twice, at most MAX_OTHER_NAMES; null clears the list. */
function otherNames(problems: InputProblems, field: string, value: string[] | null | undefined) {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (value.length > MAX_OTHER_NAMES)
    problems.add(field, `has ${value.length} names; the limit is ${MAX_OTHER_NAMES}: keep the ones people use`);
  const names = value.map((name, index) =>
    inputText(problems, `${field}[${index}]`, name, institutionTextLimits('otherName')),
  );
  return [...new Set(names.filter((name): name is string => typeof name === 'string' && name.length > 0))];
}

export async function createInstitution(
  queries: Queries,
  viewer: Viewer,
  input: CreateInstitutionInput,
): Promise<string> {
  const problems = new InputProblems();
  inputText(problems, 'note', input.note);
  const slug = await newSlug(queries, problems, INSTITUTION, input.slug);
  const write = await institutionWrite(queries, problems, input, null);
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
  const write = await institutionWrite(queries, problems, input, idOf(input.id, 'Institution'));
  problems.throwIfAny('The institution was not changed');
  return auditedUpdate(queries, viewer, INSTITUTION, input, () => write);
}

export const retireInstitution = (queries: Queries, viewer: Viewer, input: RetireInput) =>
  auditedRetire(queries, viewer, INSTITUTION, input);
