/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query InquiryStatus($id: ID!, $slug: String!) {\n  node(id: $id) {\n    ... on Inquiry {\n      slug\n      question\n      status\n      receivedAt\n      dueAt\n      overdue\n      answeredAt\n      answeredOnTime\n      workingDaysTaken\n      routedTo {\n        acronym\n      }\n      history {\n        at\n        status\n        by\n        note\n      }\n    }\n  }\n  history(id: $slug, first: 20) {\n    edges {\n      node {\n        at\n        action\n        actorName\n      }\n    }\n  }\n}": typeof types.InquiryStatusDocument,
    "query Institutions($first: Int = 100, $after: String) {\n  institutions(first: $first, after: $after) {\n    edges {\n      node {\n        slug\n        name\n        kind\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.InstitutionsDocument,
    "mutation RecordInquiry($input: RecordInquiryInput!) {\n  recordInquiry(input: $input) {\n    inquiry {\n      id\n      slug\n      status\n      question\n      receivedAt\n      dueAt\n      routedTo {\n        acronym\n      }\n    }\n    suggestedExperts {\n      totalCount\n      edges {\n        node {\n          slug\n          name\n        }\n      }\n    }\n    similarInquiries {\n      score\n      inquiry {\n        slug\n        question\n      }\n    }\n  }\n}": typeof types.RecordInquiryDocument,
    "query SimilarInquiries($question: String!, $about: String, $country: String, $first: Int = 5) {\n  similarInquiries(\n    question: $question\n    about: $about\n    country: $country\n    first: $first\n  ) {\n    score\n    reasons {\n      text\n    }\n    sharedAnswer\n    answeredBy {\n      slug\n      name\n    }\n    inquiry {\n      slug\n      question\n      status\n      receivedAt\n      answeredAt\n      themes {\n        name\n        nameNl\n      }\n      countries {\n        code\n        name\n        nameNl\n      }\n    }\n  }\n}": typeof types.SimilarInquiriesDocument,
    "mutation UpdateExpertise($id: String!, $expectedVersion: Int!, $expertise: [ExpertiseInput!]!, $note: String) {\n  updateExpert(\n    input: {id: $id, expectedVersion: $expectedVersion, expertise: $expertise, note: $note}\n  ) {\n    slug\n    version\n    expertise {\n      level\n      provenance\n      theme {\n        name\n      }\n    }\n  }\n}": typeof types.UpdateExpertiseDocument,
    "query WhoKnows($about: String!, $country: String, $first: Int = 10, $after: String, $contacts: Boolean = false) {\n  whoKnows(about: $about, country: $country, first: $first, after: $after) {\n    totalCount\n    matchedBy\n    theme {\n      slug\n      name\n      nameNl\n    }\n    region {\n      slug\n      name\n      nameNl\n    }\n    countries {\n      code\n      name\n      nameNl\n    }\n    edges {\n      score\n      reasons {\n        kind\n        text\n        points\n      }\n      node {\n        id\n        slug\n        name\n        headline\n        headlineNl\n        contactConsent\n        email @include(if: $contacts)\n        phone @include(if: $contacts)\n        affiliations {\n          role\n          current\n          institution {\n            name\n          }\n        }\n        networks {\n          acronym\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.WhoKnowsDocument,
};
const documents: Documents = {
    "query InquiryStatus($id: ID!, $slug: String!) {\n  node(id: $id) {\n    ... on Inquiry {\n      slug\n      question\n      status\n      receivedAt\n      dueAt\n      overdue\n      answeredAt\n      answeredOnTime\n      workingDaysTaken\n      routedTo {\n        acronym\n      }\n      history {\n        at\n        status\n        by\n        note\n      }\n    }\n  }\n  history(id: $slug, first: 20) {\n    edges {\n      node {\n        at\n        action\n        actorName\n      }\n    }\n  }\n}": types.InquiryStatusDocument,
    "query Institutions($first: Int = 100, $after: String) {\n  institutions(first: $first, after: $after) {\n    edges {\n      node {\n        slug\n        name\n        kind\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.InstitutionsDocument,
    "mutation RecordInquiry($input: RecordInquiryInput!) {\n  recordInquiry(input: $input) {\n    inquiry {\n      id\n      slug\n      status\n      question\n      receivedAt\n      dueAt\n      routedTo {\n        acronym\n      }\n    }\n    suggestedExperts {\n      totalCount\n      edges {\n        node {\n          slug\n          name\n        }\n      }\n    }\n    similarInquiries {\n      score\n      inquiry {\n        slug\n        question\n      }\n    }\n  }\n}": types.RecordInquiryDocument,
    "query SimilarInquiries($question: String!, $about: String, $country: String, $first: Int = 5) {\n  similarInquiries(\n    question: $question\n    about: $about\n    country: $country\n    first: $first\n  ) {\n    score\n    reasons {\n      text\n    }\n    sharedAnswer\n    answeredBy {\n      slug\n      name\n    }\n    inquiry {\n      slug\n      question\n      status\n      receivedAt\n      answeredAt\n      themes {\n        name\n        nameNl\n      }\n      countries {\n        code\n        name\n        nameNl\n      }\n    }\n  }\n}": types.SimilarInquiriesDocument,
    "mutation UpdateExpertise($id: String!, $expectedVersion: Int!, $expertise: [ExpertiseInput!]!, $note: String) {\n  updateExpert(\n    input: {id: $id, expectedVersion: $expectedVersion, expertise: $expertise, note: $note}\n  ) {\n    slug\n    version\n    expertise {\n      level\n      provenance\n      theme {\n        name\n      }\n    }\n  }\n}": types.UpdateExpertiseDocument,
    "query WhoKnows($about: String!, $country: String, $first: Int = 10, $after: String, $contacts: Boolean = false) {\n  whoKnows(about: $about, country: $country, first: $first, after: $after) {\n    totalCount\n    matchedBy\n    theme {\n      slug\n      name\n      nameNl\n    }\n    region {\n      slug\n      name\n      nameNl\n    }\n    countries {\n      code\n      name\n      nameNl\n    }\n    edges {\n      score\n      reasons {\n        kind\n        text\n        points\n      }\n      node {\n        id\n        slug\n        name\n        headline\n        headlineNl\n        contactConsent\n        email @include(if: $contacts)\n        phone @include(if: $contacts)\n        affiliations {\n          role\n          current\n          institution {\n            name\n          }\n        }\n        networks {\n          acronym\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.WhoKnowsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InquiryStatus($id: ID!, $slug: String!) {\n  node(id: $id) {\n    ... on Inquiry {\n      slug\n      question\n      status\n      receivedAt\n      dueAt\n      overdue\n      answeredAt\n      answeredOnTime\n      workingDaysTaken\n      routedTo {\n        acronym\n      }\n      history {\n        at\n        status\n        by\n        note\n      }\n    }\n  }\n  history(id: $slug, first: 20) {\n    edges {\n      node {\n        at\n        action\n        actorName\n      }\n    }\n  }\n}"): typeof import('./graphql').InquiryStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Institutions($first: Int = 100, $after: String) {\n  institutions(first: $first, after: $after) {\n    edges {\n      node {\n        slug\n        name\n        kind\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql').InstitutionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordInquiry($input: RecordInquiryInput!) {\n  recordInquiry(input: $input) {\n    inquiry {\n      id\n      slug\n      status\n      question\n      receivedAt\n      dueAt\n      routedTo {\n        acronym\n      }\n    }\n    suggestedExperts {\n      totalCount\n      edges {\n        node {\n          slug\n          name\n        }\n      }\n    }\n    similarInquiries {\n      score\n      inquiry {\n        slug\n        question\n      }\n    }\n  }\n}"): typeof import('./graphql').RecordInquiryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SimilarInquiries($question: String!, $about: String, $country: String, $first: Int = 5) {\n  similarInquiries(\n    question: $question\n    about: $about\n    country: $country\n    first: $first\n  ) {\n    score\n    reasons {\n      text\n    }\n    sharedAnswer\n    answeredBy {\n      slug\n      name\n    }\n    inquiry {\n      slug\n      question\n      status\n      receivedAt\n      answeredAt\n      themes {\n        name\n        nameNl\n      }\n      countries {\n        code\n        name\n        nameNl\n      }\n    }\n  }\n}"): typeof import('./graphql').SimilarInquiriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateExpertise($id: String!, $expectedVersion: Int!, $expertise: [ExpertiseInput!]!, $note: String) {\n  updateExpert(\n    input: {id: $id, expectedVersion: $expectedVersion, expertise: $expertise, note: $note}\n  ) {\n    slug\n    version\n    expertise {\n      level\n      provenance\n      theme {\n        name\n      }\n    }\n  }\n}"): typeof import('./graphql').UpdateExpertiseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WhoKnows($about: String!, $country: String, $first: Int = 10, $after: String, $contacts: Boolean = false) {\n  whoKnows(about: $about, country: $country, first: $first, after: $after) {\n    totalCount\n    matchedBy\n    theme {\n      slug\n      name\n      nameNl\n    }\n    region {\n      slug\n      name\n      nameNl\n    }\n    countries {\n      code\n      name\n      nameNl\n    }\n    edges {\n      score\n      reasons {\n        kind\n        text\n        points\n      }\n      node {\n        id\n        slug\n        name\n        headline\n        headlineNl\n        contactConsent\n        email @include(if: $contacts)\n        phone @include(if: $contacts)\n        affiliations {\n          role\n          current\n          institution {\n            name\n          }\n        }\n        networks {\n          acronym\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql').WhoKnowsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
