import { INQUIRY_VISIBLE, inquiryViewerParams } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import { FLAGGED } from '../screening/repository.js';
import { alignToIds, nodesByIds } from '../db/nodes.js';
import { MAX_LAST } from '../graphql/paging.js';
import { expertProjection, type ExpertRecord } from '../experts/model.js';
import { isErasedExpertId } from '../experts/repository.js';
import { institutionProjection, type InstitutionRecord } from '../institutions/model.js';
import type { NetworkRecord } from '../networks/repository.js';
import { COUNTRY_FIELDS, type CountryRecord } from '../places/repository.js';
import { themeProjection, type ThemeRecord } from '../themes/model.js';
import { QUEUE_PREDICATES, queueParams, type InquiryQueue } from './queues-repository.js';
import { inquiryProjection, type InquiryKind, type InquiryRecord } from './model.js';
import { OPEN_STATUSES, type InquiryStatus } from './status.js';

export type ConsultationOutcome = 'ANSWERED' | 'DECLINED' | 'REFERRED';

export interface StatusChangeRecord {
  status: InquiryStatus;
  at: string;
  by: string | null;
  note: string | null;
  ministryIds: string[];
}

export interface ConsultationRecord {
  /** `<inquiry id>#c<version>`; `<inquiry id>#<expert id>` for one recorded before consultations had ids. */
  id: string;
  /** Null once the expert was erased on request: the consultation still counts. */
  expert: ExpertRecord | null;
  /** WAITING until the outcome is recorded; then the outcome. */
  status: ConsultationOutcome | 'WAITING';
  /** Null while waiting. */
  outcome: ConsultationOutcome | null;
  channel: string | null;
  askedAt: string | null;
  note: string | null;
  at: string | null;
  by: string | null;
  referredTo: string | null;
}

/** An inquiry's relationships, fetched for a whole page in one round trip. */
export interface InquiryLinks {
  askedBy: InstitutionRecord | null;
  routedTo: NetworkRecord | null;
  partner: InstitutionRecord | null;
  themes: ThemeRecord[];
  countries: CountryRecord[];
  /** Recognised in the question and context (src/inquiries/tagging.ts), beyond those given. */
  inferredPartner: InstitutionRecord | null;
  inferredThemes: ThemeRecord[];
  inferredCountries: CountryRecord[];
  followUpOf: string | null;
  followUps: string[];
  consultations: ConsultationRecord[];
  history: StatusChangeRecord[];
}

export const inquiriesByIds = (queries: Queries, ids: readonly string[]) =>
  nodesByIds<InquiryRecord>(queries, 'Inquiry', ids, inquiryProjection('n'));

export async function linksOfInquiries(queries: Queries, ids: readonly string[]): Promise<InquiryLinks[]> {
  const institution = institutionProjection('n');
  const rows = await queries.read<{ id: string } & InquiryLinks>(
    `UNWIND $ids AS id
     MATCH (i:Inquiry {id: id})
     RETURN id,
       [(i)-[:ASKED_BY]->(n:Institution) | ${institution}][0] AS askedBy,
       [(i)-[:ROUTED_TO]->(n:Network) | n {.*}][0] AS routedTo,
       [(i)-[r:CONCERNS_PARTNER]->(n:Institution) WHERE r.inferred IS NULL | ${institution}][0] AS partner,
       [(i)-[r:ABOUT]->(t:Theme) WHERE r.inferred IS NULL | ${themeProjection('t')}] AS themes,
       [(i)-[r:CONCERNS]->(c:Country) WHERE r.inferred IS NULL | c {${COUNTRY_FIELDS}}] AS countries,
       [(i)-[r:CONCERNS_PARTNER {inferred: true}]->(n:Institution) | ${institution}][0] AS inferredPartner,
       [(i)-[r:ABOUT {inferred: true}]->(t:Theme) | ${themeProjection('t')}] AS inferredThemes,
       [(i)-[r:CONCERNS {inferred: true}]->(c:Country) | c {${COUNTRY_FIELDS}}] AS inferredCountries,
       [(i)-[:FOLLOW_UP_OF]->(f:Inquiry) | f.id][0] AS followUpOf,
       [(f:Inquiry)-[:FOLLOW_UP_OF]->(i) | f.id] AS followUps,
       COLLECT {
         MATCH (i)-[c:CONSULTED]->(e) WHERE e:Expert OR e:ErasedExpert
         WITH c, e, coalesce(c.id, i.id + '#' + e.id) AS consultationId
         ORDER BY coalesce(c.askedAt, c.at) DESC LIMIT $maxConsultations
         RETURN {id: consultationId, expert: CASE WHEN e:Expert THEN ${expertProjection('e')} END,
           status: coalesce(c.status, c.outcome), outcome: c.outcome, channel: c.channel,
           askedAt: coalesce(c.askedAt, c.at), note: c.note, at: c.at, by: c.by,
           referredTo: CASE WHEN ${isErasedExpertId('c.referredTo')} THEN null ELSE c.referredTo END}
       } AS consultations,
       [(i)-[:HAS_STATUS_CHANGE]->(s:StatusChange) | s {.*, ministryIds: coalesce(s.ministryIds, [])}] AS history`,
    // The newest MAX_LAST consultations: the most Inquiry.consultations and timeline give.
    { ids, maxConsultations: MAX_LAST },
  );
  const empty: InquiryLinks = {
    askedBy: null,
    routedTo: null,
    partner: null,
    themes: [],
    countries: [],
    inferredPartner: null,
    inferredThemes: [],
    inferredCountries: [],
    followUpOf: null,
    followUps: [],
    consultations: [],
    history: [],
  };
  return alignToIds<InquiryLinks>(ids, rows, (row) => row, empty).map((links) => ({
    ...links,
    themes: [...links.themes].sort((a, b) => a.name.localeCompare(b.name)),
    countries: [...links.countries].sort((a, b) => a.name.localeCompare(b.name)),
    inferredThemes: [...links.inferredThemes].sort((a, b) => a.name.localeCompare(b.name)),
    inferredCountries: [...links.inferredCountries].sort((a, b) => a.name.localeCompare(b.name)),
    consultations: [...links.consultations].sort(
      (a, b) => (a.askedAt ?? '').localeCompare(b.askedAt ?? '') || a.id.localeCompare(b.id),
    ),
    history: [...links.history].sort((a, b) => a.at.localeCompare(b.at)),
  }));
}

export interface InquiryFilter {
  /** A work queue (src/inquiries/queues-repository.ts), or null. */
  queue: InquiryQueue | null;
  /** Handled by this token subject. */
  handlerId: string | null;
  askedById: string | null;
  partnerId: string | null;
  /** true: about a partner a screening list holds (a confirmed flag); false: about none such. */
  partnerFlagged: boolean | null;
  /** Answered with this expert's help (a consultation of them that came out ANSWERED). */
  answeredById: string | null;
  /** Naming any of these risk categories (given or recognised). */
  riskCategories: string[] | null;
  dueFrom: string | null;
  dueBefore: string | null;
  /** Among these ids (the hits of a free-text filter), or null. */
  textIds: string[] | null;
  /** Filed by this token subject. */
  filedBy: string | null;
  statuses: InquiryStatus[] | null;
  kind: InquiryKind | null;
  networkId: string | null;
  themeId: string | null;
  countryIds: string[] | null;
  overdue: boolean | null;
  receivedFrom: string | null;
  receivedBefore: string | null;
}

/** Open and past its due moment; the same rule as `overdue` on the type (open: `$openStatuses`). */
const OVERDUE = `(i.status IN $openStatuses AND i.dueAt < datetime())`;

/**
 * Each filter's condition on `i`, in the query only when the filter is set. Neo4j plans a text once per types of
 * its parameters (a null and a string are two plans), so one text with every condition made a plan of the whole
 * filter for each combination in use, each slow to make; one made of the conditions asked is small.
 */
const FILTER_CONDITIONS: Record<Exclude<keyof InquiryFilter, 'queue'>, string> = {
  statuses: 'i.status IN $statuses',
  kind: 'i.kind = $kind',
  networkId: 'EXISTS { (i)-[:ROUTED_TO]->(:Network {id: $networkId}) }',
  themeId: 'EXISTS { (i)-[:ABOUT]->(:Theme)-[:BROADER*0..10]->(:Theme {id: $themeId}) }',
  countryIds: 'EXISTS { (i)-[:CONCERNS]->(c:Country) WHERE c.id IN $countryIds }',
  overdue: `${OVERDUE} = $overdue`,
  receivedFrom: 'i.receivedAt >= datetime($receivedFrom)',
  receivedBefore: 'i.receivedAt < datetime($receivedBefore)',
  dueFrom: 'i.dueAt >= datetime($dueFrom)',
  dueBefore: 'i.dueAt < datetime($dueBefore)',
  handlerId: 'i.handlerId = $handlerId',
  filedBy: 'i.filedBy = $filedBy',
  askedById: 'EXISTS { (i)-[:ASKED_BY]->(:Institution {id: $askedById}) }',
  partnerId: 'EXISTS { (i)-[:CONCERNS_PARTNER]->(:Institution {id: $partnerId}) }',
  partnerFlagged: `EXISTS { (i)-[:CONCERNS_PARTNER]->(p:Institution) WHERE ${FLAGGED('p')} } = $partnerFlagged`,
  answeredById: "EXISTS { (i)-[:CONSULTED {outcome: 'ANSWERED'}]->(:Expert {id: $answeredById}) }",
  riskCategories:
    'any(r IN coalesce(i.riskCategories, []) + coalesce(i.inferredRiskCategories, []) WHERE r IN $riskCategories)',
  textIds: 'i.id IN $textIds',
};

/** The filter as one predicate on `i`: the conditions set, the queue's, and what the viewer may see. */
export function filterPredicate(filter: InquiryFilter): string {
  const set = (Object.keys(FILTER_CONDITIONS) as Array<keyof typeof FILTER_CONDITIONS>).filter(
    (name) => filter[name] !== null,
  );
  return [
    ...set.map((name) => FILTER_CONDITIONS[name]),
    ...(filter.queue === null ? [] : [QUEUE_PREDICATES[filter.queue]]),
    INQUIRY_VISIBLE,
  ].join('\n  AND ');
}

/** How a list is ordered: first come, first served (by receipt), or soonest due first; then by id. */
export type InquiryOrder = 'RECEIVED' | 'DUE';
const ORDER_KEY: Record<InquiryOrder, string> = { RECEIVED: 'i.receivedAt', DUE: 'i.dueAt' };

/**
 * A page of inquiries in `order` (first come, first served by default), then by id, after a (moment, id) cursor.
 * `now` and `dueSoonBy` are the moments the queues are decided at.
 */
export async function pageOfInquiries(
  queries: Queries,
  viewer: Viewer,
  filter: InquiryFilter,
  page: { size: number; after: [string, string] | null; order: InquiryOrder; now: Date; dueSoonBy: Date },
): Promise<{ rows: InquiryRecord[]; total: number }> {
  const { size, after, order } = page;
  const key = ORDER_KEY[order];
  const matches = filterPredicate(filter);
  const [result] = await queries.read<{ rows: InquiryRecord[]; total: number }>(
    `CALL () {
       MATCH (i:Inquiry)
       WHERE ${matches}${
         after === null
           ? ''
           : ` AND (${key} > datetime($after[0]) OR (${key} = datetime($after[0]) AND i.id > $after[1]))`
       }
       WITH i ORDER BY ${key}, i.id LIMIT $limit
       RETURN collect(${inquiryProjection('i')}) AS rows
     }
     RETURN rows, COUNT { MATCH (i:Inquiry) WHERE ${matches} } AS total`,
    {
      ...filter,
      ...inquiryViewerParams(viewer),
      ...queueParams(page.now, page.dueSoonBy),
      openStatuses: OPEN_STATUSES,
      after,
      limit: size + 1,
    },
  );
  return result ?? { rows: [], total: 0 };
}

/**
 * Which of the referenced institutions, networks and inquiries exist: all checked in one round trip (experts:
 * src/experts/resolve.ts).
 */
export async function existingReferences(
  queries: Queries,
  refs: Partial<{ institutionIds: string[]; networkIds: string[]; inquiryIds: string[] }>,
): Promise<ExistingReferences> {
  const [row] = await queries.read<ExistingReferences>(
    `CALL () {
       UNWIND $institutionIds AS id MATCH (n:Institution {id: id}) RETURN collect(n {.id, .name, .kind}) AS institutions
     }
     CALL () {
       UNWIND $networkIds AS id MATCH (n:Network {id: id})
       RETURN collect(n {.id, .name, kind: coalesce(n.kind, 'KNOWLEDGE_NETWORK')}) AS networks
     }
     CALL () {
       UNWIND $inquiryIds AS id MATCH (n:Inquiry {id: id})
       RETURN collect(n {.id, .receivedAt, followsUp: [(n)-[:FOLLOW_UP_OF*1..100]->(f:Inquiry) | f.id]}) AS inquiries
     }
     RETURN institutions, networks, inquiries`,
    { institutionIds: [], networkIds: [], inquiryIds: [], ...refs },
  );
  return row ?? { institutions: [], networks: [], inquiries: [] };
}

export interface ExistingReferences {
  institutions: Array<{ id: string; name: string; kind: string }>;
  networks: Array<{ id: string; name: string; kind: string }>;
  /** With the inquiries each follows up, directly or through others (a link back would make a loop). */
  inquiries: Array<{ id: string; receivedAt: string; followsUp: string[] }>;
}
