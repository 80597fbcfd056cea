// The pages' sessions: one random id in an HTTP-only cookie, shared by the tabs of a browser; the record (who, until
// when, the CSRF token) in Neo4j under the id's hash (session-repository.ts). A session stands for the same viewer a
// bearer token with its claims gives; it ends at its maximum age, after its idle time, or at sign-out.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/database.js';
import type { SessionConfig } from '../oidc-config.js';
import {
  deleteSession,
  findSession,
  insertPendingSignIn,
  insertSession,
  takePendingSignIn,
  touchSession,
  type PendingSignIn,
  type SessionKind,
  type SessionRecord,
} from './session-repository.js';
import type { Viewer } from './viewer.js';

/** A session's last request is written down at most this often (the idle timeout is in minutes). */
const TOUCH_EVERY_MS = 60_000;
/** How long a sign-in at the provider may take, from leaving to coming back. */
export const PENDING_SIGN_IN_MS = 10 * 60_000;

export const newSecret = (): string => randomBytes(32).toString('base64url');
const hashOf = (id: string): string => createHash('sha256').update(id).digest('hex');

/** Whether two secrets are equal, in constant time. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type SessionLookup =
  { found: true; session: SessionRecord; viewer: Viewer } | { found: false; why: 'unknown' | 'expired' | 'idle' };

/** Why a session is over at `now`, or null while it lasts. */
export function sessionOver(session: SessionRecord, now: number, idleMs: number): 'expired' | 'idle' | null {
  if (now >= session.expiresAt) return 'expired';
  if (now - session.lastSeenAt >= idleMs) return 'idle';
  return null;
}

export const viewerOfSession = (session: SessionRecord): Viewer => ({
  id: session.subject,
  name: session.name,
  roles: new Set(session.roles),
  networks: session.networks,
  ...(session.email ? { email: session.email } : {}),
});

export class Sessions {
  constructor(
    private readonly database: Database,
    readonly config: SessionConfig,
  ) {}

  private get queries() {
    return this.database.queries();
  }

  /** Starts a session for `viewer`; the id goes into the cookie, nowhere else. */
  async start(
    viewer: Viewer,
    kind: SessionKind,
    idToken: string | null = null,
  ): Promise<{ id: string; session: SessionRecord }> {
    const id = newSecret();
    const now = Date.now();
    const session: SessionRecord = {
      idHash: hashOf(id),
      subject: viewer.id,
      name: viewer.name,
      email: viewer.email ?? null,
      roles: [...viewer.roles].sort(),
      networks: [...viewer.networks].sort(),
      kind,
      csrfToken: newSecret(),
      idToken,
      createdAt: now,
      expiresAt: now + this.config.maxAgeMs,
      lastSeenAt: now,
    };
    await insertSession(this.queries, session);
    return { id, session };
  }

  /** The live session of a cookie's id; one over its time is deleted and reported as such. */
  async find(id: string): Promise<SessionLookup> {
    const idHash = hashOf(id);
    const session = await findSession(this.queries, idHash);
    if (!session) return { found: false, why: 'unknown' };
    const now = Date.now();
    const over = sessionOver(session, now, this.config.idleMs);
    if (over) {
      await deleteSession(this.queries, idHash);
      return { found: false, why: over };
    }
    if (now - session.lastSeenAt >= TOUCH_EVERY_MS) await touchSession(this.queries, idHash, now);
    return { found: true, session, viewer: viewerOfSession(session) };
  }

  /** Ends a session; its record when there was one. */
  end(id: string): Promise<SessionRecord | null> {
    return deleteSession(this.queries, hashOf(id));
  }

  /** Keeps what the callback must check (state, nonce, PKCE verifier) under a new random id for the browser. */
  async beginSignIn(pending: Omit<PendingSignIn, 'idHash' | 'expiresAt'>): Promise<string> {
    const id = newSecret();
    const { state, nonce, codeVerifier, returnTo } = pending;
    await insertPendingSignIn(this.queries, {
      ...{ state, nonce, codeVerifier, returnTo },
      idHash: hashOf(id),
      expiresAt: Date.now() + PENDING_SIGN_IN_MS,
    });
    return id;
  }

  /** The sign-in under way of a cookie's id, once; null when unknown, used or older than ten minutes. */
  async takeSignIn(id: string): Promise<PendingSignIn | null> {
    const pending = await takePendingSignIn(this.queries, hashOf(id));
    return pending && pending.expiresAt > Date.now() ? pending : null;
  }
}
