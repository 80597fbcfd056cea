/**
 * `npm run token -- --role secretariat --network CKN [--name "A. Person"] [--subject id] [--email address]
 * [--expires 8h]`:
 * mints a token signed with the configured secret (AUTH_SECRET, or the embedded default's local secret).
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { openAuthenticator } from '../auth/tokens.js';
import { ROLES, type Role } from '../auth/viewer.js';

const USAGE =
  'usage: npm run token -- --role <viewer|officer|secretariat|desk|admin> [--network CKN] [--name "A. Person"] ' +
  '[--subject id] [--email a.person@example.org] [--expires 12h]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      network: { type: 'string', multiple: true },
      name: { type: 'string' },
      subject: { type: 'string' },
      email: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
  });
  const roles = (values.role ?? []).map((role) => role.toLowerCase());
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (roles.length === 0 || unknown.length > 0)
    throw new ConfigError(`${unknown.length ? `unknown role ${unknown.join(', ')}; ` : ''}${USAGE}`);
  const networks = (values.network ?? []).map((network) => network.toLowerCase());
  if (roles.includes('secretariat') && networks.length === 0)
    throw new ConfigError(`a secretariat token needs --network (e.g. CKN); ${USAGE}`);
  if (!/^\d+\s*(s|m|h|d|w)$/.test(values.expires))
    throw new ConfigError(`--expires ${values.expires} is not a duration such as 30m, 12h or 7d`);

  const config = loadConfig();
  const authenticator = await openAuthenticator(config.auth);
  if (!authenticator.mint)
    throw new ConfigError('AUTH_JWKS_URL is set: tokens come from that identity provider, not from this command.');
  const subject = values.subject ?? `local-${roles.join('-')}${networks.length ? `-${networks.join('-')}` : ''}`;
  console.log(
    await authenticator.mint(
      {
        subject,
        name: values.name,
        roles: roles as Role[],
        networks,
        ...(values.email ? { email: values.email } : {}),
      },
      values.expires,
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Cannot mint a token: ${error.message}` : error);
  process.exit(1);
});
