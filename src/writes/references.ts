import type { Snapshot } from '../audit/repository.js';
import type { Queries } from '../db/database.js';
import type { InputProblems } from '../errors.js';
import { idOf, resolveSubjects } from '../names/service.js';
import { existingNodes, type ExistingNode, type LinkedLabel, type LinkWrite } from './node-repository.js';

/** A reference to an existing node as given (a global id or slug), and where in the input it was given. */
export interface GivenReference {
  text: string;
  at: string;
}

/**
 * A kind of node an input may name: what messages call it, and how a reference to one is resolved (by id or slug unless
 * `resolve` says otherwise).
 */
export interface ReferenceKind {
  label: LinkedLabel;
  noun: string;
  /** The query that lists them, for the message when a reference names none. */
  list: string;
  resolve?: (queries: Queries, given: GivenReference[]) => Promise<Array<ExistingNode | null>>;
}

/**
 * Resolves references to existing nodes, adding a problem at each one's place in the input when it does
 * not exist, is retired, or is given twice. Returns, at each one's index, the node found or null.
 */
export async function checkedReferences(
  queries: Queries,
  problems: InputProblems,
  kind: ReferenceKind,
  given: GivenReference[],
): Promise<Array<ExistingNode | null>> {
  const found = kind.resolve ? await kind.resolve(queries, given) : await namedNodes(queries, kind.label, given);
  const seen = new Set<string>();
  // One node (or null) per reference given, in their order.
  return given.map(({ text, at }, index) => {
    const node = found[index];
    if (!node) {
      problems.add(at, `no ${kind.noun} has id "${text}": see the ${kind.list} query`);
      return null;
    }
    const problem = node.retired
      ? `${node.name} was retired: choose a current ${kind.noun}`
      : seen.has(node.id)
        ? `${node.name} is given twice`
        : null;
    seen.add(node.id);
    if (problem) problems.add(at, problem);
    return problem ? null : node;
  });
}

async function namedNodes(
  queries: Queries,
  label: LinkedLabel,
  given: GivenReference[],
): Promise<Array<ExistingNode | null>> {
  const ids = given.map(({ text }) => idOf(text, label));
  const found = await existingNodes(queries, label, ids);
  return ids.map((id) => found.get(id) ?? null);
}

/** Where each item of a list was given: `field[i]`, or `field[i].subfield`. */
export const listed = (field: string, texts: string[], subfield?: string): GivenReference[] =>
  texts.map((text, index) => ({ text, at: `${field}[${index}]${subfield ? `.${subfield}` : ''}` }));

/** The ABOUT and CONCERNS links of a contribution or event, for the lists given (a list left out is kept). */
export async function subjectLinks(
  queries: Queries,
  problems: InputProblems,
  input: { themes?: string[] | null; countries?: string[] | null },
): Promise<LinkWrite[]> {
  const subjects = await resolveSubjects(queries, problems, input.themes ?? [], input.countries ?? []);
  return [
    ...(input.themes !== undefined ? [{ type: 'ABOUT', to: 'Theme' as const, targets: subjects.themes }] : []),
    ...(input.countries !== undefined
      ? [{ type: 'CONCERNS', to: 'Country' as const, targets: subjects.countries }]
      : []),
  ];
}

/** The ids a node links to by `type`, from its snapshot. */
export function linkedIds(current: Snapshot, type: string): string[] {
  const links = (current[`→${type}`] as Array<string | { to: string }> | undefined) ?? [];
  return links.map((link) => (typeof link === 'string' ? link : link.to));
}
