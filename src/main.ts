import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logging.js';

/** A signal this soon after the first is the same Ctrl-C, forwarded once more by a runner. */
const REPEATED_SIGNAL_MS = 1_000;

/** Whether `error` is a failure with a one-line cause the person starting the server can fix. */
async function explained(error: unknown): Promise<boolean> {
  if (error instanceof ConfigError) return true;
  const [{ DatabaseUnreachableError }, { EmbeddedNeo4jError }, { PortInUseError }] = await Promise.all([
    import('./db/errors.js'),
    import('./db/embedded/neo4j.js'),
    import('./http/server.js'),
  ]);
  return [EmbeddedNeo4jError, DatabaseUnreachableError, PortInUseError].some((kind) => error instanceof kind);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  // The server's modules load only once the settings are known to be good: a bad setting is explained at once.
  const { startApp } = await import('./app.js');
  const app = await startApp(config, log);
  const where =
    config.neo4j.kind === 'embedded'
      ? `embedded Neo4j at ${app.neo4jUri}, data in ${config.neo4j.dataDir}`
      : `Neo4j at ${app.neo4jUri}`;
  // The sample tokens are in a file only its owner may read: the lines below point to it, never carry a token.
  log.info(
    {
      url: `${app.url}/graphql`,
      neo4j: app.neo4jUri,
      ...(app.sampleTokensFile ? { sampleTokens: app.sampleTokensFile } : {}),
    },
    'ready',
  );
  // For the person at the terminal: plain text, whatever LOG_LEVEL says.
  const tokens = app.sampleTokensFile ? ` A token for every role (12 hours) is in ${app.sampleTokensFile}.` : '';
  console.log(
    `Expertise graph ready: GraphiQL at ${app.url}/graphql, search at ${app.url}/, dashboard at ` +
      `${app.url}/dashboard (${where}).${tokens} Stop with Ctrl-C.`,
  );

  let stoppingSince: number | null = null;
  const stop = async (signal: string) => {
    // Ctrl-C reaches this process twice when a runner (tsx, npm) forwards the terminal's signal: only a
    // signal that comes later than that means "stop now".
    if (stoppingSince !== null && Date.now() - stoppingSince < REPEATED_SIGNAL_MS) return;
    if (stoppingSince !== null) {
      log.warn({ signal }, 'second signal: exiting without waiting for requests in flight');
      process.exit(1);
    }
    stoppingSince = Date.now();
    log.info(
      { signal, graceMs: config.shutdownGraceMs },
      'stopping: no new connections; requests in flight may finish',
    );
    try {
      await app.stop();
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
    log.info('Stopped.');
    process.exit(0);
  };
  // Nothing inside can bring a crashed embedded Neo4j back: stop with a failure code, for a supervisor to restart.
  void app.failed.then(async (reason) => {
    log.error({ reason }, 'stopping: the server cannot recover by itself');
    await app.stop().catch((error: unknown) => log.error({ err: error }, 'shutdown failed'));
    process.exit(1);
  });
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch(async (error: unknown) => {
  if (await explained(error).catch(() => false)) {
    console.error(`Cannot start: ${(error as Error).message}`);
  } else {
    console.error('Cannot start: unexpected error', error);
  }
  process.exit(1);
});
