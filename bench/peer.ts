/**
 * The peer: what a team would have built with the Neo4j GraphQL Library (@neo4j/graphql 7) over the same
 * store, served by an ApolloServer of its own in this process (Apollo's standalone HTTP server on a free
 * port). Its closest equivalent of a whoKnows page: experts who declare expertise in the theme or a
 * narrower one (ids worked out beforehand) and focus on one of the countries, with their affiliations,
 * networks and themes and the totalCount, first 20 by name; free text through its @fulltext query on our
 * English profile index. There is no ranking: the library has no way to express one without custom Cypher.
 *
 * The driver it gets is wrapped to count the queries it sends (round trips) and keep the last one, so
 * that its PROFILE can be taken like ours.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { PEER_TYPE_DEFS } from './peer-schema.js';
import type { Question } from './questions.js';

export interface CapturedQuery {
  cypher: string;
  params: Record<string, unknown>;
}

export interface Peer {
  url: string;
  /** Queries the library has sent since the last `resetCount`. */
  queriesSent(): number;
  resetCount(): void;
  /** The last query the library sent, as sent. */
  lastQuery(): CapturedQuery | null;
  stop(): Promise<void>;
}

const EXPERT_FIELDS = `id name headline
  affiliationsConnection { edges { properties { role until } node { name } } }
  networks { acronym }
  expertiseConnection { edges { properties { level } node { name } } }`;

const BY_THEME = `query ($where: ExpertWhere, $first: Int) {
  expertsConnection(first: $first, where: $where, sort: [{ name: ASC }]) { totalCount
    edges { node { ${EXPERT_FIELDS} } } }
}`;

const BY_TEXT = `query ($phrase: String!, $where: ExpertIndexWhere, $first: Int) {
  expertsByProfile(phrase: $phrase, where: $where, first: $first,
    sort: [{ score: DESC }]) { totalCount edges { score node { ${EXPERT_FIELDS} } } }
}`;

/** The peer's operation for a question, and where its page of experts is in the answer. */
export function peerRequest(
  question: Question,
  first = 20,
): { query: string; variables: Record<string, unknown>; field: string } {
  const inCountries = question.countryIds ? { countryFocus: { some: { id: { in: question.countryIds } } } } : {};
  if (question.themeIds) {
    return {
      query: BY_THEME,
      variables: { first, where: { expertise: { some: { id: { in: question.themeIds } } }, ...inCountries } },
      field: 'expertsConnection',
    };
  }
  return {
    query: BY_TEXT,
    variables: { first, phrase: question.about, where: question.countryIds ? { node: inCountries } : null },
    field: 'expertsByProfile',
  };
}

/** A driver whose sessions count and keep every query the library runs through them. */
function countingDriver(driver: Driver, onQuery: (query: CapturedQuery) => void): Driver {
  const wrapTx = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, property, receiver) {
        if (property !== 'run') return Reflect.get(target, property, receiver) as unknown;
        return (cypher: string, params: Record<string, unknown> = {}) => {
          onQuery({ cypher, params });
          return target.run(cypher, params);
        };
      },
    });
  const wrapSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, property, receiver) {
        if (property === 'executeRead' || property === 'executeWrite') {
          return (work: (tx: ManagedTransaction) => unknown, config?: unknown) =>
            (target[property] as (w: (tx: ManagedTransaction) => unknown, c?: unknown) => unknown).call(
              target,
              (tx) => work(wrapTx(tx)),
              config,
            );
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  return new Proxy(driver, {
    get(target, property, receiver) {
      if (property === 'session')
        return (config?: Parameters<Driver['session']>[0]) => wrapSession(target.session(config));
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export async function startPeer(neo4jUri: string): Promise<Peer> {
  const driver = neo4j.driver(neo4jUri);
  let sent = 0;
  let last: CapturedQuery | null = null;
  const counted = countingDriver(driver, (query) => {
    sent++;
    last = query;
  });
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver: counted }).getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return {
    url: url.replace('localhost', '127.0.0.1'),
    queriesSent: () => sent,
    resetCount: () => void (sent = 0),
    lastQuery: () => last,
    async stop() {
      await server.stop();
      await driver.close();
    },
  };
}
