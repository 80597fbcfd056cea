/** The operation GraphiQL opens with: the headline question, ready to run. */
export const EXAMPLE_OPERATION = `# Who knows about semiconductors in Taiwan? Press the run button (or Ctrl-Enter).
# "about" takes a theme in English or Dutch (try "halfgeleiders"), or free text;
# "country" takes an ISO code, a country name or a region (try "Oost-Azië").
query WhoKnows($about: String!, $country: String, $first: Int, $after: String) {
  whoKnows(about: $about, country: $country, first: $first, after: $after) {
    totalCount
    matchedBy
    edges {
      score
      reasons { text }
      node {
        name
        headline
        affiliations { role current institution { name } }
        networks { acronym }
        expertise { level theme { name } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

export const EXAMPLE_VARIABLES = { about: 'semiconductors', country: 'Taiwan', first: 10 };
