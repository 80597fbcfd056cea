// A second HTTP server on the test database, configured as the embedded default is (a local secret, the
// development sign-in on): the test server itself has AUTH_SECRET set, as an operator's would.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openAuthenticator, type Authenticator } from '../../src/auth/tokens.js';
import { startHttp } from '../../src/http/server.js';
import { silentLogger } from '../../src/logging.js';
import { schema } from '../../src/schema.js';
import { connectTestDatabase } from './api.js';

export interface DevServer {
  url: string;
  authenticator: Authenticator;
  stop(): Promise<void>;
}

/** `host`: where it listens (loopback unless a test asks for another address, where the sign-in stays off). */
export async function startDevServer(host = '127.0.0.1'): Promise<DevServer> {
  const database = await connectTestDatabase();
  const secretDir = await mkdtemp(path.join(os.tmpdir(), 'expertise-graph-dev-secret-'));
  const authenticator = await openAuthenticator({
    kind: 'local',
    secretFile: path.join(secretDir, 'auth-secret'),
    issuer: 'expertise-graph',
    audience: 'expertise-graph',
    anonymous: 'viewer',
  });
  const server = await startHttp({
    schema,
    database,
    authenticator,
    host,
    port: 0,
    queryStats: false,
    log: silentLogger(),
    devTokens: true,
  });
  return {
    url: server.url,
    authenticator,
    async stop() {
      await server.stop();
      await database.close();
      await rm(secretDir, { recursive: true, force: true });
    },
  };
}
