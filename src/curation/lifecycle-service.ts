import { audited, type AuditedWork } from '../audit/service.js';
import type { AuditedLabel, Run, Snapshot } from '../audit/repository.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { InputProblems } from '../graphql/errors.js';
import { idOf, resolveSubjects } from '../names/service.js';
import { nameKey } from '../text.js';
import { checkedText, slugProblem } from './checks.js';
import { resolveExperts } from './expert-ref.js';
import {
  createNode,
  existingNodes,
  freeId,
  retireNode,
  writeNode,
  type ExistingNode,
  type LinkedLabel,
  type LinkWrite,
  type NodeWrite,
} from './lifecycle-repository.js';

/** A kind of curated node: its label (also its GraphQL type name) and what messages call it. */
export interface Kind {
  label: AuditedLabel;
  noun: string;
}

/** What every update and retirement names: which node, and the version the caller read. */
export interface Existing {
  id: string;
  expectedVersion: number;
}

/** The checks a kind runs on the node as it is, inside the write transaction and under its lock. */
export interface Guards {
  /** Throws FORBIDDEN when the viewer may not change the node as it is now. */
  authorize?: (current: Snapshot, tx: AuditedWork) => Promise<void> | void;
  /** Runs after writing: a problem found there (say, a cycle another change just completed) undoes the whole change. */
  verify?: (run: Run) => Promise<void>;
}

const MAX_TEXT = 4000;
const MAX_NAME = 300;

/** A text field as given: undefined when omitted (keep what is there), null when cleared, else trimmed; a required one may not be empty. */
export function text(
  problems: InputProblems,
  field: string,
  value: string | null | undefined,
  limits: { required?: boolean; max?: number } = {},
): string | null | undefined {
  return value === undefined ? undefined : checkedText(problems, field, value, { required: limits.required, max: limits.max ?? MAX_TEXT });
}

/** A name or title: required, and short. */
export const name = (problems: InputProblems, field: string, value: string | null | undefined) =>
  text(problems, field, value, { required: true, max: MAX_NAME });

/** A field a node cannot do without (an enum, a date): given as null on an update, it is a problem. */
export function required<T>(problems: InputProblems, field: string, value: T | null | undefined): T | undefined {
  if (value === null) problems.add(field, 'may not be cleared');
  return value ?? undefined;
}

/** A new node's slug, not taken by another node of the kind (retired ones included). */
export async function newSlug(queries: Queries, problems: InputProblems, kind: Kind, value: string): Promise<string> {
  const slug = value.trim();
  const problem = slugProblem(slug);
  if (problem) problems.add('slug', problem);
  else if ((await existingNodes(queries, kind.label, [slug])).has(slug)) {
    problems.add('slug', `another ${kind.noun} already has the slug "${slug}": choose another, or update that one`);
  }
  return slug;
}

/** A Date scalar's value as YYYY-MM-DD. */
export const isoDate = (value: string | Date): string => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

/** A readable id made of words, e.g. "ckn-2025-03-04-chip-controls-briefing". */
export function slugOf(...parts: string[]): string {
  return parts
    .map((part) => nameKey(part).split(' ').slice(0, 6).join('-'))
    .filter((part) => part.length > 0)
    .join('-')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** A reference to an existing node as given (a global id or slug), and where in the input it was given. */
export interface GivenReference {
  text: string;
  at: string;
}

/**
 * Resolves references to existing nodes, adding a problem at each one's place in the input when it does
 * not exist, is retired, or is given twice. Returns, at each one's index, the node found or null.
 */
export async function references(
  queries: Queries,
  problems: InputProblems,
  kind: { label: LinkedLabel; noun: string; list: string },
  given: GivenReference[],
): Promise<Array<ExistingNode | null>> {
  const found = kind.label === 'Expert' ? await namedExperts(queries, given) : await namedNodes(queries, kind.label, given);
  const seen = new Set<string>();
  return found.map((node, index) => {
    const { text, at } = given[index]!;
    const problem = !node
      ? `no ${kind.noun} has id "${text}": see the ${kind.list} query`
      : node.retired
        ? `${node.name} was retired: choose a current ${kind.noun}`
        : seen.has(node.id)
          ? `${node.name} is given twice`
          : null;
    if (node) seen.add(node.id);
    if (problem) problems.add(at, problem);
    return problem ? null : node!;
  });
}

async function namedNodes(queries: Queries, label: LinkedLabel, given: GivenReference[]): Promise<Array<ExistingNode | null>> {
  const ids = given.map(({ text }) => idOf(text, label));
  const found = await existingNodes(queries, label, ids);
  return ids.map((id) => found.get(id) ?? null);
}

/** Experts as every input names them (src/curation/expert-ref.ts): an old id of a merged expert gives the kept one. */
async function namedExperts(queries: Queries, given: GivenReference[]): Promise<Array<ExistingNode | null>> {
  const experts = await resolveExperts(queries, given.map(({ text }) => text));
  return experts.map((expert) =>
    expert && !expert.erased ? { id: expert.id, name: expert.name ?? expert.id, retired: expert.retired, networkIds: expert.networkIds } : null,
  );
}

/** Where each item of a list was given: `field[i]`, or `field[i].subfield`. */
export const listed = (field: string, texts: string[], subfield?: string): GivenReference[] =>
  texts.map((text, index) => ({ text, at: `${field}[${index}]${subfield ? `.${subfield}` : ''}` }));

/** Experts, as references take them. */
export const EXPERTS = { label: 'Expert', noun: 'expert', list: 'experts' } as const;

/** The ABOUT and CONCERNS links of a contribution or event, for the lists given (a list left out is kept). */
export async function subjectLinks(
  queries: Queries,
  problems: InputProblems,
  input: { themes?: string[] | null; countries?: string[] | null },
): Promise<LinkWrite[]> {
  const subjects = await resolveSubjects(queries, problems, input.themes ?? [], input.countries ?? []);
  return [
    ...(input.themes !== undefined ? [{ type: 'ABOUT', to: 'Theme' as const, targets: subjects.themes }] : []),
    ...(input.countries !== undefined ? [{ type: 'CONCERNS', to: 'Country' as const, targets: subjects.countries }] : []),
  ];
}

/** The ids a node links to by `type`, from its snapshot. */
export function linkedIds(current: Snapshot, type: string): string[] {
  const links = (current[`→${type}`] as Array<string | { to: string }> | undefined) ?? [];
  return links.map((link) => (typeof link === 'string' ? link : link.to));
}

/** Creates a node (under a free variant of `id` when the id is generated) and writes it; returns its id. */
export async function create(
  queries: Queries,
  viewer: Viewer,
  kind: Kind,
  id: { given: string } | { generated: string },
  write: NodeWrite,
  note: string | null | undefined,
): Promise<string> {
  return audited(queries, viewer, `create${kind.label}`, note ?? null, async (tx) => {
    const newId = 'given' in id ? id.given : await freeId(tx.run, kind.label, id.generated);
    await tx.track(kind.label, newId);
    await createNode(tx.run, kind.label, newId);
    await writeNode(tx.run, kind.label, newId, write);
    return newId;
  });
}

/**
 * Writes a change to a node still at `expectedVersion` (NOT_FOUND or CONFLICT otherwise): `write` turns
 * the node's current state into what to write. Returns the node's id.
 */
export async function update(
  queries: Queries,
  viewer: Viewer,
  kind: Kind,
  change: Existing & { note?: string | null },
  write: (current: Snapshot) => NodeWrite,
  guards: Guards = {},
): Promise<string> {
  const id = idOf(change.id, kind.label);
  await audited(queries, viewer, `update${kind.label}`, change.note ?? null, async (tx) => {
    const current = (await tx.track(kind.label, id, { expectedVersion: change.expectedVersion, noun: kind.noun }))!;
    await guards.authorize?.(current, tx);
    await writeNode(tx.run, kind.label, id, write(current));
    await guards.verify?.(tx.run);
  });
  return id;
}

/** Retires a node still at `expectedVersion`, with the reason as the note of its record. Returns its id. */
export async function retire(
  queries: Queries,
  viewer: Viewer,
  kind: Kind,
  retirement: Existing & { reason: string },
  guards: Pick<Guards, 'authorize'> = {},
): Promise<string> {
  const problems = new InputProblems();
  const reason = text(problems, 'reason', retirement.reason, { required: true });
  problems.throwIfAny(`The ${kind.noun} was not retired`);
  const id = idOf(retirement.id, kind.label);
  await audited(queries, viewer, `retire${kind.label}`, reason!, async (tx) => {
    const current = (await tx.track(kind.label, id, { expectedVersion: retirement.expectedVersion, noun: kind.noun }))!;
    await guards.authorize?.(current, tx);
    if (current.retiredAt) problems.add('id', `the ${kind.noun} was retired already (${String(current.retiredAt)})`);
    problems.throwIfAny(`The ${kind.noun} was not retired`);
    await retireNode(tx.run, kind.label, id, reason!);
  });
  return id;
}
