import { builder } from './graphql/builder.js';
import { applyInputCaps } from './graphql/limits.js';
import './graphql/scalars.js';
import './graphql/connections.js';
import './places/types.js';
import './themes/types.js';
import './experts/types.js';
import './whoknows/types.js';
import './inquiries/types.js';
import './history/types.js';
import './curation/identity-types.js';
import './inquiries/statistics.js';
import './curation/experts.js';
import './events/types.js';
import './curation/mutations.js';

builder.queryType({ description: 'Read the expertise graph: experts, institutions, networks, countries, themes and inquiries.' });
builder.mutationType({ description: 'Record and handle inquiries.' });

export const schema = applyInputCaps(builder.toSchema({ sortSchema: true }));
