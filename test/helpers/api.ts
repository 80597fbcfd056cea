import { expect, inject } from 'vitest';
import { openAuthenticator, type TokenClaims } from '../../src/auth/tokens.js';
import type { Role } from '../../src/auth/viewer.js';
import { Database } from '../../src/db/database.js';
import { registerHooks } from '../../src/hooks.js';
import { ready } from './run-state.js';
import type { WorkerServer } from './worker-server.js';

/**
 * What a test reads an answer's `data` (or a part of it) as unless it says otherwise: the JSON as it came, its
 * shape being what the test's assertions check (eslint.config.js lets tests read it untyped).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one seam for tests' untyped JSON answers
export type UntypedData = any;

export interface GraphqlResponse<T = UntypedData> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }>;
  extensions?: { queryStats?: { roundTrips: number; dbTimeMs: number }; requestId?: string; replayed?: boolean };
}

let workerServer: WorkerServer | undefined;

/** Waits until the run's setup has started this worker's server (test/fresh-graph.ts, before each file). */
export async function awaitTestServer(): Promise<WorkerServer> {
  workerServer ??= (await ready('servers'))[Number(process.env.VITEST_POOL_ID) - 1]!;
  return workerServer;
}

/**
 * This worker's server (test/global-setup.ts): the app's URL and its Neo4j's Bolt address. No other running
 * worker has the same pool id, so no other test file uses it meanwhile.
 */
export function testServer(): WorkerServer {
  if (!workerServer) {
    throw new Error(
      "This worker's server is not known yet: a file that starts a Neo4j of its own (test/slow-first.ts) does not " +
        'wait for it; take it off that list to use the shared server',
    );
  }
  return workerServer;
}

const authenticator = openAuthenticator({
  kind: 'secret',
  secret: inject('authSecret'),
  issuer: 'expertise-graph',
  audience: 'expertise-graph',
  anonymous: 'viewer',
});

/** An edge of a connection in an answer, as far as a test reads it: its node (by default, the node's slug). */
export interface Edge<Node = { slug: string }> {
  node: Node;
}

/** A token signed with the test server's secret. */
export async function tokenFor(claims: TokenClaims, expiresIn?: string): Promise<string> {
  return (await authenticator).mint!(claims, expiresIn);
}

/** Who a test acts as: a role (secretariats of CKN unless a network is given), full claims, or nobody. */
export type Actor = Role | TokenClaims | null;

/** The claims of a test identity for a role; its subject is stable, so "their own" inquiries stay theirs. */
export function claimsOf(actor: Role | TokenClaims): TokenClaims {
  if (typeof actor !== 'string') return actor;
  return {
    subject: `test-${actor}`,
    name: `Test ${actor}`,
    roles: [actor],
    ...(actor === 'secretariat' ? { networks: ['ckn'] } : {}),
  };
}

/**
 * Posts an operation to the running app, as a client would. Acts as an administrator unless told
 * otherwise (`as: null` sends no token), so that tests of other things are not about permissions.
 */
export async function graphql<T = UntypedData>(
  query: string,
  variables: Record<string, unknown> = {},
  options: { as?: Actor; token?: string; headers?: Record<string, string> } = {},
): Promise<GraphqlResponse<T>> {
  const actor = options.as === undefined ? 'admin' : options.as;
  const token = options.token ?? (actor === null ? null : await tokenFor(claimsOf(actor)));
  const response = await fetch(`${testServer().appUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlResponse<T>;
}

/** A connection of the test's own, for writing fixtures. Close it in afterAll. */
export function connectTestDatabase(uri = testServer().neo4jUri): Promise<Database> {
  // The hooks every entry point registers, so fixtures written here keep derived data as the app does.
  registerHooks();
  return Database.connect(uri, undefined);
}

/** A prefix that keeps one test file's fixture ids apart from the seed and from other runs. */
export function fixturePrefix(name: string): string {
  return `fx-${name}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Removes a test file's fixtures: nodes whose id starts with its prefix, experts whose name starts with its name,
 * and their Change records.
 */
export async function removeFixtures(db: Database, prefix: string, expertName: string): Promise<void> {
  await db.queries().write(
    `MATCH (n) WHERE n.id STARTS WITH $p OR (n:Expert AND n.name STARTS WITH $name)
     OPTIONAL MATCH (c:Change {subjectId: n.id})
     DETACH DELETE n, c`,
    { p: prefix, name: expertName },
  );
}

/**
 * One page of a connection, as `walkPages` needs it: its total, its items, and the cursor of the next page
 * (null: the last).
 */
export interface WalkedPage<T> {
  totalCount: number;
  items: T[];
  next: string | null;
}

/** Every page of a connection, from the first, with the total the pages gave (each page must give the same). */
export async function walkPages<T>(
  pageAfter: (after: string | null) => Promise<WalkedPage<T>>,
): Promise<{ items: T[]; totalCount: number }> {
  const items: T[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  do {
    const page: WalkedPage<T> = await pageAfter(after);
    totals.add(page.totalCount);
    items.push(...page.items);
    after = page.next;
  } while (after !== null);
  expect([...totals]).toHaveLength(1);
  return { items, totalCount: [...totals][0]! };
}
