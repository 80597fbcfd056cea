import { ROLE_GROUPS } from '../auth/policy.js';
import type { Types } from './builder.js';

/** The role groups of src/auth/policy.ts as Pothos authScopes: a field open to any role of the group. */
type Scopes = Partial<Types['AuthScopes']>;
const anyOf = (roles: ReadonlyArray<keyof Types['AuthScopes']>): Scopes =>
  Object.fromEntries(roles.map((role) => [role, true]));

/** Secretariats and administrators: curating experts and shared reference data. */
export const CURATORS = anyOf(ROLE_GROUPS.curators);
/** Those who may handle inquiries or read the history of what they handle or curate. */
export const HANDLERS = anyOf(ROLE_GROUPS.handlers);
/** Everyone but dashboards. */
export const STAFF = anyOf(ROLE_GROUPS.staff);
