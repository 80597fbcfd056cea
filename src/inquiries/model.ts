/**
 * An inquiry, declared once. Its own properties are listed here with the kind of value each one holds and who
 * writes it (the intake, which a handler may correct with editInquiry; the receipt, which only an administrator may
 * correct; or the handling, which the services write as the inquiry moves); from that follow the record type every
 * read returns, the one projection every read of an inquiry uses, and the compile-time tie to editInquiry's input.
 * Its relationships (asking institution, team, themes, countries, partner) are read beside it (`linksOfInquiries`).
 */
import type { RiskCategory } from '../names/service.js';
import type { InquiryStatus } from './status.js';

/** What sort of question an inquiry is, with what each means (the GraphQL enum's descriptions). */
export const INQUIRY_KINDS = {
  EXPERTISE_REQUEST: 'A request for knowledge or experts, to a knowledge network (CKN or REKA).',
  KNOWLEDGE_SECURITY: 'A question about the risks of international cooperation, to the knowledge security desk.',
} as const;
export type InquiryKind = keyof typeof INQUIRY_KINDS;

/** Who may see an inquiry's answer when it is found again (the GraphQL enum's descriptions). */
export const VISIBILITIES = {
  INTERNAL: 'Only those handling it.',
  SHAREABLE: 'Anyone who later asks a similar question may read the answer and see who gave it.',
} as const;
export type Visibility = keyof typeof VISIBILITIES;

/** The kinds of value an inquiry's property holds, as read. */
interface ValueKinds {
  inquiryKind: InquiryKind;
  status: InquiryStatus;
  visibility: Visibility;
  text: string;
  moment: string;
  count: number;
  /** A list, empty when there is none. */
  riskCategories: RiskCategory[];
}

/**
 * An inquiry's own properties: the kind of value, `required` (every inquiry has one; else null when absent), and
 * `part`: `intake` (what was asked, as recorded and corrected), `receipt` or `handling` (what its handling wrote).
 */
export const INQUIRY_PROPERTIES = {
  kind: { kind: 'inquiryKind', required: true, part: 'intake' },
  question: { kind: 'text', required: true, part: 'intake' },
  context: { kind: 'text', required: false, part: 'intake' },
  /** The language of the question, as recognised when it was recorded. */
  language: { kind: 'text', required: false, part: 'handling' },
  contactName: { kind: 'text', required: false, part: 'intake' },
  contactEmail: { kind: 'text', required: false, part: 'intake' },
  riskCategories: { kind: 'riskCategories', required: true, part: 'intake' },
  receivedAt: { kind: 'moment', required: true, part: 'receipt' },
  /** Recognised in the text beyond those given; null until the inquiry was tagged. */
  inferredRiskCategories: { kind: 'riskCategories', required: false, part: 'handling' },
  status: { kind: 'status', required: true, part: 'handling' },
  dueAt: { kind: 'moment', required: true, part: 'handling' },
  answeredAt: { kind: 'moment', required: false, part: 'handling' },
  closedAt: { kind: 'moment', required: false, part: 'handling' },
  answerSummary: { kind: 'text', required: false, part: 'handling' },
  visibility: { kind: 'visibility', required: true, part: 'handling' },
  version: { kind: 'count', required: true, part: 'handling' },
  /** The token subject who filed it; null for inquiries recorded before sign-in existed. */
  filedBy: { kind: 'text', required: false, part: 'handling' },
  /** Its handler (src/inquiries/assignment.ts): the token subject and display name; null when unassigned. */
  handlerId: { kind: 'text', required: false, part: 'handling' },
  handlerName: { kind: 'text', required: false, part: 'handling' },
  /** When the current handler got it. */
  assignedAt: { kind: 'moment', required: false, part: 'handling' },
  /** Why it was closed (src/inquiries/closing-repository.ts); null while open and for older ones. */
  closingReason: { kind: 'text', required: false, part: 'handling' },
  /** While waiting on ministries: when they are expected to answer (set by a handler). */
  expectedAnswerAt: { kind: 'moment', required: false, part: 'handling' },
} as const satisfies Record<
  string,
  { kind: keyof ValueKinds; required: boolean; part: 'intake' | 'receipt' | 'handling' }
>;
export type InquiryProperty = keyof typeof INQUIRY_PROPERTIES;

/** The properties of the intake: what editInquiry corrects. */
export type IntakeProperty = {
  [P in InquiryProperty]: (typeof INQUIRY_PROPERTIES)[P]['part'] extends 'intake' ? P : never;
}[InquiryProperty];

type ValueOf<P extends InquiryProperty> = ValueKinds[(typeof INQUIRY_PROPERTIES)[P]['kind']];

/** An inquiry as read: its id, each property, and the teams it is routed to and was rerouted from. */
export type InquiryRecord = {
  [P in InquiryProperty]: (typeof INQUIRY_PROPERTIES)[P]['required'] extends true ? ValueOf<P> : ValueOf<P> | null;
} & {
  id: string;
  /** The network or desk handling it: decides who may see and handle it. */
  routedTo: string | null;
  /** The teams it was rerouted away from, once per reroute (src/inquiries/routing.ts): they keep read access. */
  routedFrom: string[];
};

/**
 * The map projection of an inquiry node held in `n` (a code constant), for every read of an inquiry: its
 * properties (not the search text the node also holds), with its team and the teams it left.
 */
export const inquiryProjection = (n: string) =>
  `${n} {.id, ${Object.keys(INQUIRY_PROPERTIES)
    .map((field) => (field === 'riskCategories' ? `riskCategories: coalesce(${n}.riskCategories, [])` : `.${field}`))
    .join(', ')},
        routedTo: [(${n})-[:ROUTED_TO]->(r:Network) | r.id][0],
        routedFrom: [(${n})-[x:ROUTED_FROM]->(r:Network) | r.id]}`;
