/**
 * The project's own Cypher straight through neo4j-driver, without GraphQL: a minimal node:http server on a
 * driver of its own that answers as JSON, loaded by autocannon like the other targets (so HTTP and JSON
 * cost the same on every side). It imports the functions the API runs, so it follows the ranking
 * wherever it goes. Two modes:
 * - `page`: the reads of a whoKnows page, as the API sends them: the whoKnows service (name resolution and
 *   the ranking) and the relations of the page's experts. The difference to the API is the GraphQL layer
 *   (parsing, validation, limits, auth, resolvers, loaders).
 * - `ranking`: the ranking alone (`rankExperts`) for a question resolved beforehand: the "own
 *   ranking Cypher straight through the driver".
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Database, type QueryStats } from '../src/db/database.js';
import { EXPERT_AFFILIATIONS, EXPERT_EXPERTISE, EXPERT_NETWORKS } from '../src/experts/repository.js';
import { relationsOfExperts } from '../src/experts/relations-repository.js';
import { rankExperts, whoKnows } from '../src/whoknows/service.js';
import type { Question } from './questions.js';

export interface RawTarget {
  url: string;
  /** Queries sent since the last reset, and requests answered. */
  stats(): { roundTrips: number; requests: number };
  resetStats(): void;
  stop(): Promise<void>;
}

export const PAGE_SIZE = 20;

export type RawMode = 'page' | 'ranking';

/** The relations the bench's page selects (WHO_KNOWS_PAGE), by the field they fill. */
const PAGE_RELATIONS = {
  affiliations: EXPERT_AFFILIATIONS,
  networks: EXPERT_NETWORKS,
  expertise: EXPERT_EXPERTISE,
} as const;

/**
 * The reads of a whoKnows page without GraphQL: its experts come with the relations the API's page selects, in one
 * query.
 */
async function page(queries: ReturnType<Database['queries']>, question: Question) {
  const result = await whoKnows(queries, {
    about: question.about,
    country: question.country,
    first: PAGE_SIZE,
    language: 'en',
  });
  const fields = Object.entries(PAGE_RELATIONS);
  const values = await relationsOfExperts(
    queries,
    result.edges.flatMap((edge) =>
      fields.map(([, relation]) => ({ expertId: edge.node.id, relation: relation as never, param: undefined })),
    ),
  );
  return {
    ...result,
    edges: result.edges.map((edge, i) => ({
      ...edge,
      node: { ...edge.node, ...Object.fromEntries(fields.map(([field], j) => [field, values[i * fields.length + j]])) },
    })),
  };
}

/** POST {"question": "<key>", "mode": "page" | "ranking"} answers that question's first page. */
export async function startRaw(neo4jUri: string, questions: Question[]): Promise<RawTarget> {
  const database = await Database.connect(neo4jUri, undefined);
  const byKey = new Map(questions.map((q) => [q.key, q]));
  let counted: QueryStats = { roundTrips: 0, dbTimeMs: 0 };
  let requests = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const answer = async () => {
        const { question: key, mode } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          question: string;
          mode: RawMode;
        };
        const question = byKey.get(key);
        if (!question) throw new Error(`no question "${key}"`);
        const queries = database.queries(counted);
        const answer =
          mode === 'page'
            ? await page(queries, question)
            : await rankExperts(queries, question.subject, PAGE_SIZE, 'en');
        requests++;
        return JSON.stringify({ data: answer });
      };
      answer().then(
        (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(body),
        (error: unknown) =>
          res
            .writeHead(500, { 'content-type': 'application/json' })
            .end(JSON.stringify({ errors: [{ message: String(error) }] })),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    stats: () => ({ roundTrips: counted.roundTrips, requests }),
    resetStats() {
      counted = { roundTrips: 0, dbTimeMs: 0 };
      requests = 0;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
