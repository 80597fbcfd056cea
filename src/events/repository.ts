import type { Queries } from '../db/database.js';
import { alignToIds, nodesByIds } from '../db/nodes.js';
import { expertProjection, type ExpertRecord } from '../experts/model.js';
import { expertRelation } from '../experts/relations-repository.js';
import type { NetworkRecord } from '../networks/repository.js';
import { COUNTRY_FIELDS, type CountryRecord } from '../places/repository.js';
import { themeProjection, type ThemeRecord } from '../themes/model.js';
import { eventProjection, type EventRecord } from './model.js';

export interface SpeakerRecord {
  expert: ExpertRecord;
  topic: string | null;
}

/**
 * An event's relationships, fetched for a whole page in one round trip. Speakers hang off the event
 * (`(:Event)-[:FEATURED {topic}]->(:Expert)`), so that the programme is part of the event's own record.
 */
export interface EventLinks {
  network: NetworkRecord | null;
  themes: ThemeRecord[];
  countries: CountryRecord[];
  speakers: SpeakerRecord[];
}

export const eventsByIds = (queries: Queries, ids: readonly string[]) =>
  nodesByIds<EventRecord>(queries, 'Event', ids, eventProjection('n'));

export async function linksOfEvents(queries: Queries, ids: readonly string[]): Promise<EventLinks[]> {
  const rows = await queries.read<{ id: string } & EventLinks>(
    `UNWIND $ids AS id
     MATCH (v:Event {id: id})
     RETURN id,
       [(v)-[:ORGANISED_BY]->(n:Network) | n {.*}][0] AS network,
       [(v)-[:ABOUT]->(t:Theme) | ${themeProjection('t')}] AS themes,
       [(v)-[:CONCERNS]->(c:Country) | c {${COUNTRY_FIELDS}}] AS countries,
       [(v)-[f:FEATURED]->(e:Expert) | {expert: ${expertProjection('e')}, topic: f.topic}] AS speakers`,
    { ids },
  );
  const empty: EventLinks = { network: null, themes: [], countries: [], speakers: [] };
  return alignToIds<EventLinks>(ids, rows, (row) => row, empty).map((links) => ({
    ...links,
    themes: [...links.themes].sort((a, b) => a.name.localeCompare(b.name)),
    countries: [...links.countries].sort((a, b) => a.name.localeCompare(b.name)),
    speakers: [...links.speakers].sort((a, b) => a.expert.name.localeCompare(b.expert.name)),
  }));
}

/**
 * A page of current events from `from` on, optionally of one network, by start then id, after a
 * (startsAt, id) keyset cursor. The lower bound on startsAt lets Neo4j seek into its index.
 */
export async function pageOfEvents(
  queries: Queries,
  filter: { networkId: string | null; from: string | null },
  size: number,
  after: [string, string] | null,
): Promise<{ rows: EventRecord[]; total: number }> {
  const selected = `(n:Event)
     WHERE n.startsAt >= coalesce(datetime($from), datetime('0001-01-01T00:00:00Z'))
       AND n.retiredAt IS NULL
       AND ($networkId IS NULL OR EXISTS { (n)-[:ORGANISED_BY]->(:Network {id: $networkId}) })`;
  const [result] = await queries.read<{ rows: EventRecord[]; total: number }>(
    `CALL () {
       MATCH ${selected}
         AND n.startsAt >= coalesce(datetime($after[0]), datetime('0001-01-01T00:00:00Z'))
         AND ($after IS NULL OR n.startsAt > datetime($after[0])
              OR (n.startsAt = datetime($after[0]) AND n.id > $after[1]))
       WITH n ORDER BY n.startsAt, n.id LIMIT $limit
       RETURN collect(${eventProjection('n')}) AS rows
     }
     RETURN rows, COUNT { MATCH ${selected} } AS total`,
    { ...filter, after, limit: size + 1 },
  );
  return result ?? { rows: [], total: 0 };
}

/**
 * The latest `limit` current events an expert spoke at, newest first: a relation of Expert, read with the page's
 * others.
 */
export const EVENTS_SPOKEN_AT = expertRelation<EventRecord[], number>({
  name: 'events',
  expression: (limit) =>
    'COLLECT { MATCH (e)<-[:FEATURED]-(n:Event) WHERE n.retiredAt IS NULL ' +
    `WITH n ORDER BY n.startsAt DESC, n.id LIMIT ${limit} RETURN ${eventProjection('n')} }`,
  parse: (value) => value as EventRecord[],
  empty: [],
});
