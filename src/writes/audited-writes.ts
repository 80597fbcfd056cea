import { audited, type AuditedWork } from '../audit/service.js';
import type { AuditedLabel, Snapshot } from '../audit/repository.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries, Run } from '../db/database.js';
import { InputProblems, present } from '../errors.js';
import { idOf } from '../names/service.js';
import { nameKey } from '../text.js';
import { inputText, slugProblem } from './checks.js';
import { createNode, existingNodes, freeId, retireNode, writeNode, type NodeWrite } from './node-repository.js';

/** A kind of curated node: its label (also its GraphQL type name) and what messages call it. */
export interface Kind {
  label: AuditedLabel;
  noun: string;
  /** The stored id an input's id names, when that is more than decoding it (e.g. an old id of a merged expert). */
  resolveId?: (queries: Queries, given: string) => Promise<string>;
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
export const isoDate = (value: string | Date): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : value;

/** A readable id made of words, e.g. "ckn-2025-03-04-chip-controls-briefing". */
export function slugOf(...parts: string[]): string {
  return parts
    .map((part) => nameKey(part).split(' ').slice(0, 6).join('-'))
    .filter((part) => part.length > 0)
    .join('-')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** Creates a node (under a free variant of `id` when the id is generated) and writes it; returns its id. */
export async function auditedCreate(
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

/** A node's state before a change: track() refuses one that does not exist (NOT_FOUND) or moved on (CONFLICT). */
async function currentState(tx: AuditedWork, kind: Kind, id: string, expectedVersion: number): Promise<Snapshot> {
  const current = await tx.track(kind.label, id, { expectedVersion, noun: kind.noun });
  return present(current, `the ${kind.noun} "${id}"`);
}

/**
 * Writes a change to a node still at `expectedVersion` (NOT_FOUND or CONFLICT otherwise): `write` turns
 * the node's current state into what to write. Returns the node's id.
 */
export async function auditedUpdate(
  queries: Queries,
  viewer: Viewer,
  kind: Kind,
  change: Existing & { note?: string | null },
  write: (current: Snapshot) => NodeWrite,
  guards: Guards = {},
): Promise<string> {
  const id = idOf(change.id, kind.label);
  await audited(queries, viewer, `update${kind.label}`, change.note ?? null, async (tx) => {
    const current = await currentState(tx, kind, id, change.expectedVersion);
    await guards.authorize?.(current, tx);
    await writeNode(tx.run, kind.label, id, write(current));
    await guards.verify?.(tx.run);
  });
  return id;
}

/** Retires a node still at `expectedVersion`, with the reason as the note of its record. Returns its id. */
export async function auditedRetire(
  queries: Queries,
  viewer: Viewer,
  kind: Kind,
  retirement: Existing & { reason: string },
  guards: Pick<Guards, 'authorize'> = {},
): Promise<string> {
  const problems = new InputProblems();
  const reason = inputText(problems, 'reason', retirement.reason, { required: true });
  problems.throwIfAny(`The ${kind.noun} was not retired`);
  // Required: with no problem reported, it was given.
  const note = present(reason, 'the reason');
  const id = kind.resolveId ? await kind.resolveId(queries, retirement.id) : idOf(retirement.id, kind.label);
  await audited(queries, viewer, `retire${kind.label}`, note, async (tx) => {
    const current = await currentState(tx, kind, id, retirement.expectedVersion);
    await guards.authorize?.(current, tx);
    // Stored as a datetime, which a snapshot holds as its ISO text.
    if (current.retiredAt) problems.add('id', `the ${kind.noun} was retired already (${current.retiredAt as string})`);
    problems.throwIfAny(`The ${kind.noun} was not retired`);
    await retireNode(tx.run, kind.label, id, note);
  });
  return id;
}
