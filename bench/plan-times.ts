/**
 * How long Neo4j takes to plan each query text that the outage test's requests send (a list read, whoKnows on a
 * theme in a country and on free text, recordInquiry, updateInstitution), with its plan cache empty as after a
 * restart: `npx tsx bench/plan-times.ts`. The texts are captured from the app's own requests, then Neo4j is
 * restarted and each text planned by EXPLAIN, one at a time. With PLAN_DIR the graph and the texts are kept there
 * and a second run only restarts Neo4j and plans (to compare settings or query changes quickly).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import neo4j, { Driver, Session } from 'neo4j-driver';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { startEmbeddedNeo4j } from '../src/db/embedded/neo4j.js';
import { createLogger } from '../src/logging.js';
import { signedToken } from './tokens.js';

const WHO_KNOWS = `query ($about: String!, $country: String) {
  whoKnows(about: $about, country: $country, first: 10) { totalCount edges { score reasons { text } node { name } } }
}`;
const REQUESTS: Array<[string, string, Record<string, unknown>]> = [
  ['list', `{ institutions(first: 1) { totalCount } }`, {}],
  ['whoKnows theme+country', WHO_KNOWS, { about: 'halfgeleiders', country: 'Taiwan' }],
  ['whoKnows free text', WHO_KNOWS, { about: 'port cranes maritime logistics' }],
  [
    'recordInquiry',
    `mutation ($input: RecordInquiryInput!) { recordInquiry(input: $input) { inquiry { id } } }`,
    {
      input: {
        kind: 'EXPERTISE_REQUEST',
        question: 'plan: who knows about semiconductor export controls?',
        askedBy: 'tu-delft',
        routedTo: 'ckn',
        themes: ['halfgeleiders'],
      },
    },
  ],
  [
    'updateInstitution',
    `mutation ($input: UpdateInstitutionInput!) { updateInstitution(input: $input) { version acronym } }`,
    { input: { id: 'clingendael', acronym: 'CLX', expectedVersion: 1 } },
  ],
];

interface Captured {
  texts: Array<[string, unknown]>;
  byRequest: Array<[string, string[]]>;
}

const heap = process.env.NEO4J_HEAP ?? '512m';
const port = 20000 + Math.floor(Math.random() * 20000);
const keep = process.env.PLAN_DIR;
const dataDir = keep ?? (await mkdtemp(path.join(os.tmpdir(), 'plan-times-')));
const textsFile = path.join(dataDir, 'texts.json');
const startNeo4j = () => startEmbeddedNeo4j({ dataDir, port, heap, pageCache: '64m', log: () => {} });

/** Replaces a method of `prototype` by one that first hands its first two arguments to `note`. */
function noteCalls(prototype: object, name: string, note: (first: unknown, second: unknown) => void): void {
  const method: unknown = Reflect.get(prototype, name);
  if (typeof method !== 'function') throw new Error(`No method ${name} to note the calls of`);
  Reflect.set(prototype, name, function (this: unknown, ...args: unknown[]) {
    note(args[0], args[1]);
    return (method as (...args: unknown[]) => unknown).apply(this, args);
  });
}

/** Runs the requests through the app on a seeded graph and records the Cypher texts each sent. */
async function capture(): Promise<Captured> {
  const texts = new Map<string, unknown>();
  let capturing = false;
  const note = (cypher: unknown, params: unknown) => {
    if (capturing && typeof cypher === 'string' && !cypher.startsWith('EXPLAIN')) texts.set(cypher, params);
  };
  noteCalls(Session.prototype, 'run', note);
  noteCalls(Driver.prototype, 'executeQuery', note);

  const db = await startNeo4j();
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    SEED_ON_START: '1',
    NEO4J_URI: db.uri,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    AUTH_ANONYMOUS: 'viewer',
    LOG_LEVEL: 'warn',
    REQUEST_TIMEOUT_MS: '600000',
  });
  const app = await startApp(config, createLogger('warn'));
  const token = await signedToken(config.auth, { subject: 'plans', name: 'Plans', roles: ['admin'] });
  const byRequest: Array<[string, string[]]> = [];
  capturing = true;
  for (const [name, query, variables] of REQUESTS) {
    const before = new Set(texts.keys());
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) console.error(name, JSON.stringify(body.errors).slice(0, 300));
    byRequest.push([name, [...texts.keys()].filter((text) => !before.has(text))]);
  }
  capturing = false;
  await app.stop();
  await db.stop();
  return { texts: [...texts], byRequest };
}

if (keep) mkdirSync(keep, { recursive: true });
const captured = existsSync(textsFile) ? (JSON.parse(readFileSync(textsFile, 'utf8')) as Captured) : await capture();
writeFileSync(textsFile, JSON.stringify(captured));
/** The captured parameters as the driver sent them: integers come back from JSON as {low, high}. */
const revive = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(revive);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length === 2 && 'low' in value && 'high' in value)
    return neo4j.int(new neo4j.types.Integer(value.low as number, value.high as number));
  return Object.fromEntries(entries.map(([key, item]) => [key, revive(item)]));
};
const params = new Map(captured.texts.map(([text, sent]) => [text, revive(sent)] as const));

const startedAt = Date.now();
const db = await startNeo4j();
console.log(`Neo4j started in ${Date.now() - startedAt} ms`);
const driver = neo4j.driver(db.uri);
/** Plans every text once; `prefix` makes each a text Neo4j has not seen (planned again on a warm JVM). */
async function planAll(prefix: string): Promise<void> {
  let total = 0;
  for (const [name, list] of captured.byRequest) {
    for (const text of list) {
      const session = driver.session();
      const started = performance.now();
      await session
        .run(`EXPLAIN ${prefix}${text}`, (params.get(text) ?? {}) as Record<string, unknown>)
        .catch((error: unknown) => console.log('  failed:', String(error).slice(0, 120)));
      const ms = performance.now() - started;
      total += ms;
      await session.close();
      const opening = text.replace(/\s+/g, ' ').slice(0, 80);
      console.log(
        `${name.padEnd(24)} ${ms.toFixed(0).padStart(6)} ms ${String(text.length).padStart(6)} chars  ${opening}`,
      );
    }
  }
  console.log(`all texts: ${total.toFixed(0)} ms`);
}
console.log('-- first plans after the start (cold JVM, empty plan cache):');
await planAll('');
console.log('-- the same texts again as new texts (warm JVM):');
await planAll('/* again */ ');
await driver.close();
await db.stop();
if (!keep) await rm(dataDir, { recursive: true, force: true });
