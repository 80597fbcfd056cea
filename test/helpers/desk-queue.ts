/** The desk's queue: everything a handler's list shows of each inquiry, history and consultations included. */
export const DESK_QUEUE = `query ($first: Int) {
  inquiries(first: $first, filter: { network: "LKV" }) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id slug status version kind question context dueAt receivedAt answeredAt workingDaysTaken overdue answeredOnTime
      answerSummary visibility riskCategories
      askedBy { slug name } routedTo { slug acronym } partner { slug name } themes { slug name } countries { code name }
      inferredThemes { slug name } inferredCountries { code name }
      contact { name email }
      history { status at by note ministries { slug name acronym } }
      consultations { expert { slug name headline } outcome note at by referredTo { slug name } }
      followUpOf { slug } followUps { slug }
    } }
  }
}`;
