/** The roles a token can carry. */
export const ROLES = ['viewer', 'officer', 'secretariat', 'desk', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: from a verified token, or the anonymous viewer. */
export interface Viewer {
  /** The token's subject; recorded as the author of changes and as the filer of inquiries. */
  id: string;
  /** A readable name for histories; the subject when the token names no one. */
  name: string;
  roles: ReadonlySet<Role>;
  /** Network ids (e.g. "ckn") whose secretariat this viewer works for. */
  networks: readonly string[];
  /** The token's `email` claim, when it carries a plausible address: where notifications are mailed. */
  email?: string;
}

export const ANONYMOUS: Viewer = { id: 'anonymous', name: 'anonymous', roles: new Set(['viewer']), networks: [] };

/** Command-line tools (import) act as an administrator; `person` names who ran the tool, for the record. */
export function systemViewer(tool: string, person: string): Viewer {
  return { id: `system:${tool}`, name: `${person} (${tool})`, roles: new Set(['admin']), networks: [] };
}

export function describeViewer(viewer: Viewer): string {
  const roles = [...viewer.roles].map((role) =>
    role === 'secretariat' ? `secretariat of ${viewer.networks.join(', ')}` : role,
  );
  return roles.join(' and ');
}
