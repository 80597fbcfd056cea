import { randomUUID } from 'node:crypto';
import type { Viewer } from '../auth/viewer.js';
import { describeViewer } from '../auth/viewer.js';
import type { Queries, Run } from '../db/database.js';
import { ConflictError, IdempotencyKeyReusedError, NotFoundError } from '../errors.js';
import {
  changedFields,
  committedResult,
  lockSubject,
  moveVersionOn,
  recordOperation,
  redactHistory,
  snapshotOf,
  unlockSubject,
  versionOf,
  writeChanges,
  type AuditedLabel,
  type ChangeRow,
  type Snapshot,
} from './repository.js';

export interface TrackOptions {
  /**
   * The version the caller read: CONFLICT if the subject moved on meanwhile. (Every real change moves the version on by
   * one.)
   */
  expectedVersion?: number;
  /** Record the change without the values before and after (erasure of personal data). */
  withoutData?: boolean;
  /** What the subject is called in messages, e.g. "expert". */
  noun?: string;
}

/** A write transaction whose every change to a tracked subject is recorded in the same transaction. */
export interface AuditedWork {
  /** Runs a statement in the transaction; a plain function (no `this`), so it can be passed on as `tx.run`. */
  run: Run;
  /**
   * Takes the subject's state before this operation changes it (under its write lock), so that the
   * record can show before and after. Call it for every subject the operation changes, before changing it.
   */
  track(label: AuditedLabel, id: string, options?: TrackOptions): Promise<Snapshot | null>;
  /** Removes the values kept in the subject's earlier records (erasure on request). */
  redactHistory(id: string): Promise<void>;
}

interface Tracked {
  label: AuditedLabel;
  id: string;
  before: Snapshot | null;
  options: TrackOptions;
}

/** Work that keeps data derived from a label's subjects in step with them, given the ids of those that changed. */
export type ChangeHook = (run: Run, ids: string[]) => Promise<void>;

const changeHooks = new Map<AuditedLabel, ChangeHook[]>();

/**
 * Registers derived-data upkeep (e.g. likely duplicate pairs of experts): every audited transaction that
 * changed subjects of `label` calls it once, in the same transaction, with their ids (including subjects
 * that no longer exist under the label, merged or erased), after the work and before the records are written.
 */
export function onChange(label: AuditedLabel, hook: ChangeHook): void {
  changeHooks.set(label, [...(changeHooks.get(label) ?? []), hook]);
}

/**
 * One subject an audited transaction changed: its state before and after (null: absent, or no longer under its label).
 */
export interface SubjectChange {
  label: AuditedLabel;
  id: string;
  before: Snapshot | null;
  after: Snapshot | null;
  fields: string[];
}

/**
 * Work that needs every change of a transaction at once, whatever the labels (e.g. to take its locks in one stable
 * order).
 */
export type TransactionHook = (run: Run, changes: SubjectChange[]) => Promise<void>;

const transactionHooks: TransactionHook[] = [];

/**
 * Registers derived-data upkeep that looks at all of a transaction's changes together: every audited
 * transaction that changed anything calls it once, in the same transaction, after the `onChange` hooks.
 */
export function onTransactionChanges(hook: TransactionHook): void {
  transactionHooks.push(hook);
}

/**
 * Runs `work` as one all-or-nothing transaction and records, in it, who changed which subject how:
 * if any statement fails, neither the change nor its record is written. A subject whose state did not
 * change gets no record and keeps its version.
 *
 * Idempotent under retries: the operation's key (made once per call, or derived from the client's
 * Idempotency-Key) is stored with the change and its result. When the driver runs the transaction again
 * because a commit's acknowledgement was lost, or the client sends the request again with the same key, the
 * stored result comes back instead of the work being done twice or failing (CONFLICT on a version it moved
 * on itself, a duplicate id). `work`'s result must therefore be plain JSON; ids and times it makes belong
 * in it (or are made in Cypher) so that a replay answers with the same ones.
 *
 * The key is bound to its request: the fingerprint of the mutation field and its arguments (or, outside GraphQL,
 * the action) is stored with it, and a request that finds the key stored for a different request is refused with
 * IDEMPOTENCY_KEY_REUSED, neither answered from the store nor done.
 */
export async function audited<T>(
  queries: Queries,
  viewer: Viewer,
  action: string,
  note: string | null,
  work: (tx: AuditedWork) => Promise<T>,
): Promise<T> {
  // Not the action: a key sent with another mutation must find the first one's record, to be refused.
  const operationId = queries.operationKey(viewer.id);
  // Made once, outside the transaction: the driver's own retry of it (a lost commit acknowledgement) must match.
  const request = queries.boundRequest ?? `action:${action}`;
  let attempts = 0;
  return queries.writeTransaction(async (run) => {
    attempts += 1;
    const done = await committedResult(run, operationId);
    if (done) {
      if (done.request !== request) throw new IdempotencyKeyReusedError();
      // Found on the first attempt, it is the client's earlier request; on a later one, the driver's retry of this
      // request's own commit whose acknowledgement was lost, which the client never saw.
      if (attempts === 1) queries.replayed = true;
      return done.value as T;
    }
    const tracked = new Map<string, Tracked>();
    const tx: AuditedWork = {
      run,
      async track(label, id, options = {}) {
        const key = `${label}:${id}`;
        const known = tracked.get(key);
        if (known) return known.before;
        await lockSubject(run, label, id);
        const before = await snapshotOf(run, label, id);
        if (options.expectedVersion !== undefined) {
          const noun = options.noun ?? label.toLowerCase();
          if (before === null) throw new NotFoundError(`No ${noun} has id "${id}".`);
          const version = await versionOf(run, label, id);
          if (version !== options.expectedVersion) {
            throw new ConflictError(
              `Someone else changed this ${noun} since you read it (you had version ${options.expectedVersion}, ` +
                `it is now at ${version}): reload it, check the change, and try again.`,
              { currentVersion: version },
            );
          }
        }
        tracked.set(key, { label, id, before, options });
        return before;
      },
      redactHistory: (id) => redactHistory(run, id),
    };

    const result = await work(tx);

    const changes: ChangeRow[] = [];
    const subjectChanges: SubjectChange[] = [];
    const changedIds = new Map<AuditedLabel, string[]>();
    for (const { label, id, before, options } of tracked.values()) {
      await unlockSubject(run, label, id);
      const after = await snapshotOf(run, label, id);
      const fields = changedFields(before, after);
      if (fields.length === 0) continue;
      changedIds.set(label, [...(changedIds.get(label) ?? []), id]);
      subjectChanges.push({ label, id, before, after, fields });
      // Any real change to an existing subject moves its version on, also one another subject's operation made (a merge
      // moving an inquiry's consultation), so that a client holding the old version gets CONFLICT instead of
      // overwriting.
      if (before !== null && after !== null) {
        await moveVersionOn(run, label, id);
      }
      changes.push({
        id: randomUUID(),
        operationId,
        action,
        subjectLabel: label,
        subjectId: id,
        actorId: viewer.id,
        actorName: viewer.name,
        actorRoles: describeViewer(viewer),
        fields,
        before: options.withoutData || before === null ? null : JSON.stringify(before),
        after: options.withoutData || after === null ? null : JSON.stringify(after),
        note,
        redacted: options.withoutData ?? false,
      });
    }
    for (const [label, ids] of changedIds) for (const hook of changeHooks.get(label) ?? []) await hook(run, ids);
    if (subjectChanges.length > 0) for (const hook of transactionHooks) await hook(run, subjectChanges);
    if (changes.length > 0) {
      await writeChanges(run, changes);
      await recordOperation(run, {
        id: operationId,
        action,
        actorId: viewer.id,
        result: JSON.stringify({ value: result ?? null }),
        request,
      });
    }
    return result;
  });
}
