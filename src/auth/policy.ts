import type { Role, Viewer } from './viewer.js';

/**
 * Who may do what: the single place the rules live. Services and field guards call these; the Cypher
 * list filters below say the same thing for lists, and the role matrix test checks both agree.
 */
const has = (viewer: Viewer, ...roles: Role[]) => roles.some((role) => viewer.roles.has(role));
const runsAny = (viewer: Viewer, networkIds: readonly string[]) =>
  has(viewer, 'secretariat') && networkIds.some((id) => viewer.networks.includes(id));

/** The role groups the rules and the schema's authScopes (src/graphql/scopes.ts) share. */
export const ROLE_GROUPS = {
  /** Curate experts and shared reference data (their own networks' experts, for a secretariat). */
  curators: ['secretariat', 'admin'],
  /** Handle inquiries, and read the history of what they curate or handle. */
  handlers: ['secretariat', 'desk', 'admin'],
  /** Anyone but a dashboard. */
  staff: ['officer', 'secretariat', 'desk', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

/** The knowledge security desk's network id. */
export const DESK_NETWORK_ID = 'knowledge-security-desk';

/** Anyone but a dashboard: officers, secretariats, the desk and administrators. */
/** Staff: officers, secretariats, the desk and administrators (who may read screening flags and partner files). */
export const isStaff = (viewer: Viewer) => has(viewer, ...ROLE_GROUPS.staff);

/**
 * An expert's e-mail and phone: administrators, the desk (it consults experts across networks), the
 * secretariats of the expert's networks, and officers when the expert consented to direct contact.
 */
export function canReadContacts(
  viewer: Viewer,
  expert: { networkIds: readonly string[]; contactConsent: boolean },
): boolean {
  return (
    has(viewer, 'admin', 'desk') ||
    runsAny(viewer, expert.networkIds) ||
    (expert.contactConsent && has(viewer, 'officer'))
  );
}

/** Curating an expert: administrators, and the secretariats of a network the expert belongs to. */
export function canCurateExpert(viewer: Viewer, networkIds: readonly string[]): boolean {
  return has(viewer, 'admin') || runsAny(viewer, networkIds);
}

/**
 * `canCurateExpert` for list filters: the networks whose experts the viewer may curate, or null when it
 * may curate every expert (administrators).
 */
export function curatedNetworks(viewer: Viewer): string[] | null {
  if (has(viewer, 'admin')) return null;
  return has(viewer, 'secretariat') ? [...viewer.networks] : [];
}

/**
 * A contribution: administrators, and the secretariats that may curate at least one of its authors (given by their
 * networks).
 */
export function canCurateContribution(viewer: Viewer, authorNetworkIds: ReadonlyArray<readonly string[]>): boolean {
  return has(viewer, 'admin') || authorNetworkIds.some((networkIds) => canCurateExpert(viewer, networkIds));
}

/** Shared reference data (institutions, themes): administrators and every secretariat. */
export const canCurateShared = (viewer: Viewer) => has(viewer, ...ROLE_GROUPS.curators);

/**
 * Institutions: administrators, every secretariat and the desk (it records the foreign partners it advises on, with
 * their names in the original script, transliterations and parent organisation).
 */
export const canCurateInstitutions = (viewer: Viewer) => has(viewer, ...ROLE_GROUPS.handlers);

/**
 * A partner's file (src/inquiries/partner-file.ts) beyond the inquiries the viewer may see anyway: its screening
 * matches still to confirm, who confirmed a flag. The desk, secretariats and administrators.
 */
export const canScreenPartners = (viewer: Viewer) => has(viewer, ...ROLE_GROUPS.handlers);

/** Importing screening lists (src/screening/): administrators and the desk. */
export const canImportScreeningLists = (viewer: Viewer) => has(viewer, 'admin', 'desk');

/** A network's events and memberships: administrators and that network's secretariat. */
export function canOrganise(viewer: Viewer, networkId: string): boolean {
  return has(viewer, 'admin') || runsAny(viewer, [networkId]);
}

export interface InquiryFacts {
  filedBy: string | null;
  visibility: 'INTERNAL' | 'SHAREABLE';
  routedTo: string | null;
  /** The teams (network ids) it was rerouted away from: they keep read access, read-only. */
  routedFrom?: readonly string[];
}

/**
 * Whether someone with these roles and networks belongs to a team that handles inquiries: the desk (role `desk`)
 * or a network's secretariat. Administrators handle every inquiry but belong to no team by that alone.
 */
export function belongsToTeam(member: Pick<Viewer, 'roles' | 'networks'>, teamId: string): boolean {
  if (teamId === DESK_NETWORK_ID) return member.roles.has('desk');
  return member.roles.has('secretariat') && member.networks.includes(teamId);
}

/** Whether someone works in any team that handles inquiries: the desk, or a secretariat. */
export const worksInATeam = (member: Pick<Viewer, 'roles'>) =>
  member.roles.has('desk') || member.roles.has('secretariat');

/**
 * `belongsToTeam` as a Cypher predicate on a stored person (`Person` node, with the `roles` and `networks` of their
 * token) and a team id: the one rule by which both a team's notifications and the handlers a team's inquiry can be
 * assigned to are found. `person` is the node's variable, `team` an expression (a parameter) giving the team's id.
 * Keep the two in step.
 */
export const personInTeam = (person: string, team: string) =>
  `((${team} = '${DESK_NETWORK_ID}' AND 'desk' IN ${person}.roles)
    OR ('secretariat' IN ${person}.roles AND ${team} IN ${person}.networks))`;

/** `worksInATeam` as a Cypher predicate on a stored person. */
export const personInATeam = (person: string) => `('desk' IN ${person}.roles OR 'secretariat' IN ${person}.roles)`;

/**
 * Handling (routing, consulting, answering, closing): administrators, the desk for its own, the routed network's
 * secretariat.
 */
export function handlesInquiry(viewer: Viewer, inquiry: Pick<InquiryFacts, 'routedTo'>): boolean {
  if (has(viewer, 'admin')) return true;
  if (inquiry.routedTo === null) return false;
  return (inquiry.routedTo === DESK_NETWORK_ID && has(viewer, 'desk')) || runsAny(viewer, [inquiry.routedTo]);
}

/**
 * FAQ articles (src/faq/): writing, submitting and retiring them, and seeing drafts, articles in review and the
 * inquiries an article was drawn from: the handlers (desk, secretariats, administrators). Published articles are
 * public.
 */
export const canEditFaq = (viewer: Viewer) => has(viewer, ...ROLE_GROUPS.handlers);

/** Reviewing (publishing or sending back) an article: a handler who is not its author; null when allowed. */
export function faqReviewRefusal(viewer: Viewer, article: { authorId: string }): string | null {
  if (!canEditFaq(viewer)) return 'Only handlers (the desk, the secretariats, administrators) review FAQ articles.';
  if (article.authorId === viewer.id)
    return 'You wrote this article: a second handler must review it. Ask a colleague to review and publish it.';
  return null;
}

/** Correcting when an inquiry was received (it moves its due date and statistics): administrators only. */
export const canCorrectReceipt = (viewer: Viewer) => has(viewer, 'admin');

/**
 * Seeing an inquiry at all: its handlers, the teams it was rerouted away from (read-only), whoever filed it, and any
 * staff member once it is SHAREABLE.
 */
export function canSeeInquiry(viewer: Viewer, inquiry: InquiryFacts): boolean {
  return (
    handlesInquiry(viewer, inquiry) ||
    (inquiry.routedFrom ?? []).some((teamId) => belongsToTeam(viewer, teamId)) ||
    inquiry.filedBy === viewer.id ||
    (inquiry.visibility === 'SHAREABLE' && isStaff(viewer))
  );
}

/** The asker's contact details: handlers and whoever filed it. */
export function canReadInquiryContact(viewer: Viewer, inquiry: InquiryFacts): boolean {
  return handlesInquiry(viewer, inquiry) || inquiry.filedBy === viewer.id;
}

/**
 * `canSeeInquiry` as a Cypher predicate on `i`, for lists and searches; pass `inquiryViewerParams`.
 * Keep the two in step.
 */
export const INQUIRY_VISIBLE = `(
  $viewer.admin
  OR i.filedBy = $viewer.id
  OR (i.visibility = 'SHAREABLE' AND $viewer.staff)
  OR EXISTS { (i)-[:ROUTED_TO|ROUTED_FROM]->(r:Network)
              WHERE (r.id = '${DESK_NETWORK_ID}' AND $viewer.desk)
                 OR ($viewer.secretariat AND r.id IN $viewer.networks) }
)`;

export function inquiryViewerParams(viewer: Viewer) {
  return {
    viewer: {
      id: viewer.id,
      admin: has(viewer, 'admin'),
      desk: has(viewer, 'desk'),
      staff: isStaff(viewer),
      secretariat: has(viewer, 'secretariat'),
      networks: [...viewer.networks],
    },
  };
}

/**
 * Reading an object's change history: administrators, and whoever may curate or handle it, by the rule of its
 * type (a contribution: the secretariats of its authors' networks, as `canCurateContribution`).
 */
export function canReadHistory(
  viewer: Viewer,
  subject: {
    label: string;
    networkIds?: readonly string[];
    routedTo?: string | null;
    routedFrom?: readonly string[];
    authorNetworkIds?: ReadonlyArray<readonly string[]>;
  },
): boolean {
  if (has(viewer, 'admin')) return true;
  switch (subject.label) {
    case 'Expert':
      return canCurateExpert(viewer, subject.networkIds ?? []);
    case 'Contribution':
      return canCurateContribution(viewer, subject.authorNetworkIds ?? []);
    case 'Inquiry':
      return (
        handlesInquiry(viewer, { routedTo: subject.routedTo ?? null }) ||
        (subject.routedFrom ?? []).some((teamId) => belongsToTeam(viewer, teamId))
      );
    case 'Event':
      return (subject.networkIds ?? []).some((id) => canOrganise(viewer, id));
    case 'Institution':
      return canCurateInstitutions(viewer);
    case 'FaqArticle':
      return canEditFaq(viewer);
    default:
      return canCurateShared(viewer);
  }
}
