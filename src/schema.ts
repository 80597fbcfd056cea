import { builder } from './graphql/builder.js';
import { bindWritesToRequests } from './graphql/idempotency.js';
import { guardResolvers } from './graphql/resolver-guard.js';
import './graphql/scalars.js';
import './graphql/connections.js';
import './places/types.js';
import './themes/types.js';
import './institutions/types.js';
import './networks/types.js';
import './experts/types.js';
import './contributions/types.js';
import './whoknows/types.js';
import './notifications/types.js';
import './inquiries/types.js';
import './inquiries/match-reasons.js';
import './inquiries/queues-types.js';
import './inquiries/queries.js';
import './inquiries/mutations.js';
import './inquiries/assignment-types.js';
import './inquiries/handling-types.js';
import './inquiries/handling-mutations.js';
import './faq/types.js';
import './faq/mutations.js';
import './history/types.js';
import './experts/duplicates/types.js';
import './experts/erasure/types.js';
import './inquiries/statistics.js';
import './experts/mutations.js';
import './events/types.js';
import './events/lookup.js';
import './experts/lookup.js';
import './inquiries/lookup.js';
import './institutions/mutations.js';
import './themes/mutations.js';
import './contributions/mutations.js';
import './events/mutations.js';
import './dashboards/coverage-types.js';
import './dashboards/network-statistics.js';
import './dashboards/counts.js';
import './dashboards/most-asked.js';
import './dashboards/faq-demand.js';

builder.queryType({
  description: 'Read the expertise graph: experts, institutions, networks, countries, themes and inquiries.',
});
builder.mutationType({ description: 'Record and handle inquiries.' });

export const schema = guardResolvers(bindWritesToRequests(builder.toSchema({ sortSchema: true })));
