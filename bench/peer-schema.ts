/** Type defs of the @neo4j/graphql peer: Expert and its neighbours, relationship directions as in our graph. */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Expert
    @node
    @fulltext(
      indexes: [{ indexName: "expert_profile_en", queryName: "expertsByProfile", fields: ["name", "headline", "bio"] }]
    ) {
    id: String!
    name: String!
    headline: String
    bio: String
    affiliations: [Institution!]! @relationship(type: "AFFILIATED_WITH", direction: OUT, properties: "Affiliation")
    networks: [Network!]! @relationship(type: "MEMBER_OF", direction: OUT)
    expertise: [Theme!]! @relationship(type: "EXPERT_IN", direction: OUT, properties: "Level")
    countryFocus: [Country!]! @relationship(type: "FOCUSES_ON", direction: OUT, properties: "Level")
  }
  type Affiliation @relationshipProperties {
    role: String
    since: Date
    until: Date
  }
  type Level @relationshipProperties {
    level: Int!
  }
  type Institution @node {
    id: String!
    name: String!
  }
  type Network @node {
    id: String!
    acronym: String!
    name: String!
  }
  type Theme @node {
    id: String!
    name: String!
  }
  type Country @node {
    id: String!
    name: String!
  }
`;
