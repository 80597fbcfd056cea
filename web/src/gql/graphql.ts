/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Whether a coverage column is one country or a region (its countries together). */
export type CoverageColumnKind =
  /** One country. */
  | 'COUNTRY'
  /** A region: an expert or inquiry counts once if it concerns any of its countries. */
  | 'REGION';

/** How well the expert knows a theme. */
export type ExpertiseInput = {
  /** From 1 (working knowledge) to 5 (leading authority). */
  level: number;
  /** Where the level comes from (default DECLARED). VERIFIED records who verified it and when; EVIDENCED needs a contribution by the expert on it, or an inquiry on it they answered. */
  provenance?: Provenance | null | undefined;
  /** The theme: its id, or its English or Dutch name or alias. */
  theme: string;
};

/** What sort of question an inquiry is, which decides where it goes. */
export type InquiryKind =
  /** A request for knowledge or experts, to a knowledge network (CKN or REKA). */
  | 'EXPERTISE_REQUEST'
  /** A question about the risks of international cooperation, to the knowledge security desk. */
  | 'KNOWLEDGE_SECURITY';

/** Where an inquiry is in its life. */
export type InquiryStatus =
  /** A substantive answer was given. */
  | 'ANSWERED'
  /** Done: answered, or withdrawn (the history says why). */
  | 'CLOSED'
  /** Being coordinated with ministries before answering. */
  | 'COORDINATING'
  /** Being worked on. */
  | 'IN_PROGRESS'
  /** Came in; waiting its turn (first come, first served). */
  | 'RECEIVED';

/** What sort of organisation an institution is. */
export type InstitutionKind =
  /** A government agency. */
  | 'AGENCY'
  /** A company. */
  | 'COMPANY'
  /** A news or media organisation. */
  | 'MEDIA'
  /** A ministry of the Dutch central government. */
  | 'MINISTRY'
  /** A non-governmental organisation. */
  | 'NGO'
  /** An independent research and policy institute. */
  | 'THINK_TANK'
  /** A university or academic research institute. */
  | 'UNIVERSITY';

/** What a reason is about. */
export type MatchReasonKind =
  /** Contributions and answered inquiries concerning the country or region asked about. */
  | 'COUNTRY_EVIDENCE'
  /** Focus on the country or region asked about. */
  | 'COUNTRY_FOCUS'
  /** Contributions that show the knowledge. */
  | 'EVIDENCE'
  /** Earlier inquiries on the subject that the expert answered. */
  | 'INQUIRIES'
  /** Full-text match of the profile. */
  | 'TEXT'
  /** Declared expertise in the theme or a narrower one. */
  | 'THEME';

/** How whoKnows understood `about`. */
export type MatchedBy =
  /** `about` named no theme: profiles, contributions and answered inquiries were searched as text, and each expert found weighed by their standing in the theme those texts are about. */
  | 'FULL_TEXT'
  /** `about` named a theme (or themes); narrower themes were included. */
  | 'THEME'
  /** `about` named themes among other words: ranked as for the themes, the other words adding text evidence. */
  | 'THEME_AND_TEXT';

/** Where a level of expertise or country focus comes from. */
export type Provenance =
  /** Declared by the expert. */
  | 'DECLARED'
  /** Evidenced by contributions or answered inquiries. */
  | 'EVIDENCED'
  /** Verified by a network secretariat. */
  | 'VERIFIED';

/** A new question. */
export type RecordInquiryInput = {
  /** The asking institution (global id or slug, e.g. "min-bz" or "tu-delft"). */
  askedBy: string;
  /** Their e-mail address. */
  contactEmail?: string | null | undefined;
  /** Whom to answer. */
  contactName?: string | null | undefined;
  /** Background. */
  context?: string | null | undefined;
  /** Countries (ISO codes or names; a region adds its countries). */
  countries?: Array<string> | null | undefined;
  /** An earlier inquiry this follows up. */
  followUpOf?: string | null | undefined;
  /** Expertise request (to CKN or REKA) or knowledge-security question (to the desk). */
  kind: InquiryKind;
  /** A note for the history. */
  note?: string | null | undefined;
  /** For knowledge-security questions: the foreign partner institution (id or slug). */
  partner?: string | null | undefined;
  /** The question, in Dutch or English. */
  question: string;
  /** When it came in, if earlier than now (by mail or phone). Default: now. */
  receivedAt?: string | null | undefined;
  /** For knowledge-security questions: what the worry is. */
  riskCategories?: Array<RiskCategory> | null | undefined;
  /** The network (slug, acronym or name: "ckn", "REKA"); knowledge-security questions go to the desk by default. */
  routedTo?: string | null | undefined;
  /** Themes (ids, names or aliases, English or Dutch). */
  themes?: Array<string> | null | undefined;
};

/** What a knowledge-security question is worried about. */
export type RiskCategory =
  /** Covert influence or interference. */
  | 'COVERT_INFLUENCE'
  /** Ethical concerns: partners in countries that do not respect fundamental rights. */
  | 'ETHICAL'
  /** Something else. */
  | 'OTHER'
  /** Sanctions (e.g. against Russia or Belarus). */
  | 'SANCTIONS'
  /** Unwanted transfer of knowledge or technology. */
  | 'UNWANTED_TRANSFER';

/** The length of one bucket of a time series: calendar weeks (from Monday), months or quarters, in Europe/Amsterdam time. */
export type StatisticsInterval =
  /** Calendar months. */
  | 'MONTH'
  /** Calendar quarters (January, April, July, October). */
  | 'QUARTER'
  /** Calendar weeks, Monday 00:00 to Monday 00:00. */
  | 'WEEK';

export type CoverageCellQueryVariables = Exact<{
  theme: string;
  column: string;
  network?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  minExperts?: number | null | undefined;
}>;


export type CoverageCellQuery = { coverageCell: { demand: number, expertCount: number, gap: boolean, theme: { slug: string, name: string, nameNl: string }, column: { id: string, country: { name: string, nameNl: string } | null, region: { name: string, nameNl: string } | null }, expertsByLevel: Array<{ level: number, count: number }>, expertsByProvenance: Array<{ provenance: Provenance, count: number }>, experts: { edges: Array<{ score: number, reasons: Array<{ text: string }>, node: { slug: string, name: string, headline: string | null, headlineNl: string | null } }> }, inquiries: { totalCount: number, edges: Array<{ node: { slug: string, question: string, status: InquiryStatus, receivedAt: string } }> } } };

export type CoverageQueryVariables = Exact<{
  themes?: Array<string> | string | null | undefined;
  countries?: Array<string> | string | null | undefined;
  network?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  minExperts?: number | null | undefined;
}>;


export type CoverageQuery = { coverage: { minExperts: number, columns: Array<{ id: string, kind: CoverageColumnKind, country: { code: string, name: string, nameNl: string } | null, region: { slug: string, name: string, nameNl: string, countries: Array<{ code: string }> } | null }>, rows: Array<{ hasNarrower: boolean, theme: { slug: string, name: string, nameNl: string }, narrower: Array<{ slug: string }>, cells: Array<{ demand: number, expertCount: number, gap: boolean }> }>, gaps: Array<{ demand: number, expertCount: number, theme: { slug: string, name: string, nameNl: string }, column: { id: string } }> } };

export type DashboardQueryVariables = Exact<{
  network?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  interval?: StatisticsInterval;
}>;


export type DashboardQuery = { inquiryStatistics: { received: number, answered: number, answeredOnTime: number, answeredOnTimeShare: number | null, open: number, overdue: number, medianWorkingDaysToAnswer: number | null, waitedOnMinistriesShare: number | null, series: Array<{ start: string, end: string, current: boolean, received: number, answered: number, answeredOnTime: number, answeredOnTimeShare: number | null, overdueAtEnd: number, byStatus: Array<{ status: string, count: number }> }> }, networkStatistics: Array<{ activeExperts: number, consentingExperts: number, eventsHeld: number, inquiriesRouted: number, inquiriesAnswered: number, network: { slug: string, acronym: string } }>, themes: { edges: Array<{ node: { slug: string, name: string, nameNl: string, inquiryCount: number } }> }, regions: Array<{ countries: Array<{ code: string, name: string, nameNl: string, inquiryCount: number }> }> };

export type InquiryStatusQueryVariables = Exact<{
  id: string | number;
  slug: string;
}>;


export type InquiryStatusQuery = { node:
    | { slug: string, question: string, status: InquiryStatus, receivedAt: string, dueAt: string, overdue: boolean, answeredAt: string | null, answeredOnTime: boolean | null, workingDaysTaken: number | null, routedTo: { acronym: string } | null, history: Array<{ at: string, status: InquiryStatus, by: string | null, note: string | null }> }
    | Record<PropertyKey, never>
   | null, history: { edges: Array<{ node: { at: string, action: string, actorName: string } }> } };

export type InstitutionsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type InstitutionsQuery = { institutions: { edges: Array<{ node: { slug: string, name: string, kind: InstitutionKind } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type NetworksQueryVariables = Exact<{ [key: string]: never; }>;


export type NetworksQuery = { networks: { edges: Array<{ node: { slug: string, acronym: string, name: string, nameNl: string } }> } };

export type RecordInquiryMutationVariables = Exact<{
  input: RecordInquiryInput;
}>;


export type RecordInquiryMutation = { recordInquiry: { inquiry: { id: string, slug: string, status: InquiryStatus, question: string, receivedAt: string, dueAt: string, routedTo: { acronym: string } | null }, suggestedExperts: { totalCount: number, edges: Array<{ node: { slug: string, name: string } }> }, similarInquiries: Array<{ score: number, inquiry: { slug: string, question: string } }> } };

export type SimilarInquiriesQueryVariables = Exact<{
  question: string;
  about?: string | null | undefined;
  country?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type SimilarInquiriesQuery = { similarInquiries: Array<{ score: number, sharedAnswer: string | null, reasons: Array<{ text: string }>, answeredBy: Array<{ slug: string, name: string }>, inquiry: { slug: string, question: string, status: InquiryStatus, receivedAt: string, answeredAt: string | null, themes: Array<{ name: string, nameNl: string }>, countries: Array<{ code: string, name: string, nameNl: string }> } }> };

export type UpdateExpertiseMutationVariables = Exact<{
  id: string;
  expectedVersion: number;
  expertise: Array<ExpertiseInput> | ExpertiseInput;
  note?: string | null | undefined;
}>;


export type UpdateExpertiseMutation = { updateExpert: { slug: string, version: number, expertise: Array<{ level: number, provenance: Provenance, theme: { name: string } }> } };

export type WhoKnowsQueryVariables = Exact<{
  about: string;
  country?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  contacts?: boolean | null | undefined;
}>;


export type WhoKnowsQuery = { whoKnows: { totalCount: number, matchedBy: MatchedBy, theme: { slug: string, name: string, nameNl: string } | null, region: { slug: string, name: string, nameNl: string } | null, countries: Array<{ code: string, name: string, nameNl: string }>, edges: Array<{ score: number, reasons: Array<{ kind: MatchReasonKind, text: string, points: number }>, node: { id: string, slug: string, name: string, headline: string | null, headlineNl: string | null, contactConsent: boolean, email?: string | null, phone?: string | null, affiliations: Array<{ role: string | null, current: boolean, institution: { name: string } }>, networks: Array<{ acronym: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const CoverageCellDocument = new TypedDocumentString(`
    query CoverageCell($theme: String!, $column: String!, $network: String, $from: DateTime, $to: DateTime, $minExperts: Int = 2) {
  coverageCell(
    theme: $theme
    country: $column
    network: $network
    from: $from
    to: $to
    minExperts: $minExperts
  ) {
    theme {
      slug
      name
      nameNl
    }
    column {
      id
      country {
        name
        nameNl
      }
      region {
        name
        nameNl
      }
    }
    demand
    expertCount
    gap
    expertsByLevel {
      level
      count
    }
    expertsByProvenance {
      provenance
      count
    }
    experts(first: 10) {
      edges {
        score
        reasons {
          text
        }
        node {
          slug
          name
          headline
          headlineNl
        }
      }
    }
    inquiries(first: 10) {
      totalCount
      edges {
        node {
          slug
          question
          status
          receivedAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CoverageCellQuery, CoverageCellQueryVariables>;
export const CoverageDocument = new TypedDocumentString(`
    query Coverage($themes: [String!], $countries: [String!], $network: String, $from: DateTime, $to: DateTime, $minExperts: Int = 2) {
  coverage(
    themes: $themes
    countries: $countries
    network: $network
    from: $from
    to: $to
    minExperts: $minExperts
  ) {
    minExperts
    columns {
      id
      kind
      country {
        code
        name
        nameNl
      }
      region {
        slug
        name
        nameNl
        countries {
          code
        }
      }
    }
    rows {
      theme {
        slug
        name
        nameNl
      }
      hasNarrower
      narrower {
        slug
      }
      cells {
        demand
        expertCount
        gap
      }
    }
    gaps {
      theme {
        slug
        name
        nameNl
      }
      column {
        id
      }
      demand
      expertCount
    }
  }
}
    `) as unknown as TypedDocumentString<CoverageQuery, CoverageQueryVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard($network: String, $from: DateTime, $to: DateTime, $interval: StatisticsInterval! = MONTH) {
  inquiryStatistics(network: $network, from: $from, to: $to) {
    received
    answered
    answeredOnTime
    answeredOnTimeShare
    open
    overdue
    medianWorkingDaysToAnswer
    waitedOnMinistriesShare
    series(interval: $interval) {
      start
      end
      current
      received
      answered
      answeredOnTime
      answeredOnTimeShare
      overdueAtEnd
      byStatus {
        status
        count
      }
    }
  }
  networkStatistics(network: $network, from: $from, to: $to) {
    network {
      slug
      acronym
    }
    activeExperts
    consentingExperts
    eventsHeld
    inquiriesRouted
    inquiriesAnswered
  }
  themes(first: 100) {
    edges {
      node {
        slug
        name
        nameNl
        inquiryCount(includeNarrower: false)
      }
    }
  }
  regions {
    countries {
      code
      name
      nameNl
      inquiryCount
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const InquiryStatusDocument = new TypedDocumentString(`
    query InquiryStatus($id: ID!, $slug: String!) {
  node(id: $id) {
    ... on Inquiry {
      slug
      question
      status
      receivedAt
      dueAt
      overdue
      answeredAt
      answeredOnTime
      workingDaysTaken
      routedTo {
        acronym
      }
      history {
        at
        status
        by
        note
      }
    }
  }
  history(id: $slug, first: 20) {
    edges {
      node {
        at
        action
        actorName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InquiryStatusQuery, InquiryStatusQueryVariables>;
export const InstitutionsDocument = new TypedDocumentString(`
    query Institutions($first: Int = 100, $after: String) {
  institutions(first: $first, after: $after) {
    edges {
      node {
        slug
        name
        kind
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<InstitutionsQuery, InstitutionsQueryVariables>;
export const NetworksDocument = new TypedDocumentString(`
    query Networks {
  networks(first: 20) {
    edges {
      node {
        slug
        acronym
        name
        nameNl
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NetworksQuery, NetworksQueryVariables>;
export const RecordInquiryDocument = new TypedDocumentString(`
    mutation RecordInquiry($input: RecordInquiryInput!) {
  recordInquiry(input: $input) {
    inquiry {
      id
      slug
      status
      question
      receivedAt
      dueAt
      routedTo {
        acronym
      }
    }
    suggestedExperts {
      totalCount
      edges {
        node {
          slug
          name
        }
      }
    }
    similarInquiries {
      score
      inquiry {
        slug
        question
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RecordInquiryMutation, RecordInquiryMutationVariables>;
export const SimilarInquiriesDocument = new TypedDocumentString(`
    query SimilarInquiries($question: String!, $about: String, $country: String, $first: Int = 5) {
  similarInquiries(
    question: $question
    about: $about
    country: $country
    first: $first
  ) {
    score
    reasons {
      text
    }
    sharedAnswer
    answeredBy {
      slug
      name
    }
    inquiry {
      slug
      question
      status
      receivedAt
      answeredAt
      themes {
        name
        nameNl
      }
      countries {
        code
        name
        nameNl
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SimilarInquiriesQuery, SimilarInquiriesQueryVariables>;
export const UpdateExpertiseDocument = new TypedDocumentString(`
    mutation UpdateExpertise($id: String!, $expectedVersion: Int!, $expertise: [ExpertiseInput!]!, $note: String) {
  updateExpert(
    input: {id: $id, expectedVersion: $expectedVersion, expertise: $expertise, note: $note}
  ) {
    slug
    version
    expertise {
      level
      provenance
      theme {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateExpertiseMutation, UpdateExpertiseMutationVariables>;
export const WhoKnowsDocument = new TypedDocumentString(`
    query WhoKnows($about: String!, $country: String, $first: Int = 10, $after: String, $contacts: Boolean = false) {
  whoKnows(about: $about, country: $country, first: $first, after: $after) {
    totalCount
    matchedBy
    theme {
      slug
      name
      nameNl
    }
    region {
      slug
      name
      nameNl
    }
    countries {
      code
      name
      nameNl
    }
    edges {
      score
      reasons {
        kind
        text
        points
      }
      node {
        id
        slug
        name
        headline
        headlineNl
        contactConsent
        email @include(if: $contacts)
        phone @include(if: $contacts)
        affiliations {
          role
          current
          institution {
            name
          }
        }
        networks {
          acronym
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<WhoKnowsQuery, WhoKnowsQueryVariables>;