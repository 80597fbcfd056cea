/**
 * The domain's refusals, the same for every caller: the services throw them, the GraphQL layer gives each its
 * code once (`graphql/errors.ts`), and the command-line tools print their messages. They carry what a client
 * needs to act (a message that says what to do, the arguments and fields at fault, the version now stored),
 * and nothing of a transport.
 */

/**
 * `value`, which the code before made sure of (a check passed, a required input, a row its query always returns);
 * an Error naming `what` otherwise. That is a bug, not a refusal: clients get it as an internal error.
 */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}

/** What went wrong, in the domain's words; the GraphQL layer derives `extensions.code` from it. */
export type RefusalKind = 'BAD_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'IDEMPOTENCY_KEY_REUSED';

export abstract class DomainError extends Error {
  abstract readonly kind: RefusalKind;
  /** What a client needs beside the message, as named values (none for most refusals). */
  readonly details: object = {};
}

/** One problem with one field of an input, by its path (`expertise[1].level`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** What a bad input names beside its message, in the order a client reads them. */
export interface BadInputDetails {
  /** The argument at fault. */
  argument?: string;
  /** Every problem of an input, by field (see InputProblems). */
  fields?: FieldProblem[];
  /** The known names closest to one that matched nothing. */
  suggestions?: string[];
  /** The objects an ambiguous name stands for, to choose one of by id. */
  globalIds?: Array<{ type: string; id: string }>;
}

/** The input cannot be used as it is; nothing was done. */
export class BadInputError extends DomainError {
  override name = 'BadInputError';
  readonly kind = 'BAD_INPUT';

  constructor(
    message: string,
    override readonly details: BadInputDetails = {},
  ) {
    super(message);
  }
}

/** What was asked for by id does not exist, or no longer does (merged, erased, removed). */
export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
  readonly kind = 'NOT_FOUND';
}

/** The viewer may not do or see this; the message names who may. */
export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
  readonly kind = 'FORBIDDEN';
}

/** What a conflict names beside its message: the version now stored, and who holds an inquiry now. */
export interface ConflictDetails {
  currentVersion?: number;
  /** The inquiry's handler now (null: nobody), when a claim or assignment lost to another. */
  handler?: { id: string; name: string } | null;
}

/** The change was refused because the data moved on since the caller read it. */
export class ConflictError extends DomainError {
  override name = 'ConflictError';
  readonly kind = 'CONFLICT';

  constructor(
    message: string,
    override readonly details: ConflictDetails = {},
  ) {
    super(message);
  }
}

/** An operation key (a client's Idempotency-Key) came back with a different request: nothing was done. */
export class IdempotencyKeyReusedError extends DomainError {
  override name = 'IdempotencyKeyReusedError';
  readonly kind = 'IDEMPOTENCY_KEY_REUSED';

  constructor() {
    super(
      'The Idempotency-Key of this request was used before for a different request (another mutation, or other ' +
        'arguments): nothing was done. Send a fresh key (e.g. a new UUID) with each new request, and a key again ' +
        'only with the very same request.',
    );
  }
}

/** Collects every problem with an input, so that one answer names them all; nothing is written while any remain. */
export class InputProblems {
  readonly list: FieldProblem[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  /** Throws one BadInputError naming every problem, with `details.fields` listing them per field. */
  throwIfAny(what: string): void {
    if (this.list.length === 0) return;
    const details = this.list.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new BadInputError(`${what}: ${details}`, { fields: this.list });
  }
}
