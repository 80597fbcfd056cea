import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createOidcClient } from './auth/oidc.js';
import { openAuthenticator, SAMPLE_IDENTITIES, type Authenticator, type TokenClaims } from './auth/tokens.js';
import type { Config } from './config.js';
import { keepDuplicatePairs, markDuplicatePairsCurrent } from './experts/duplicates/upkeep.js';
import type { Database } from './db/database.js';
import { openDatabase } from './db/open.js';
import { registerHooks } from './hooks.js';
import { tagUntaggedInquiries } from './inquiries/tagging.js';
import { useCalendarChanges } from './inquiries/working-days.js';
import { NOTIFICATION_CALENDAR } from './inquiries/notification-calendar.js';
import { smtpMailer } from './notifications/mail.js';
import { startScheduler } from './notifications/scheduler.js';
import { schema } from './schema.js';
import { developmentSignIn } from './http/dev-tokens.js';
import { startHttp, type HttpServer } from './http/server.js';
import type { Logger } from './logging.js';
import { isEmpty, readSeedData, seedGraph } from '../seed/load.js';
import { ensureWebBuilt } from '../web/build.js';
import { keepStandings } from './whoknows/standings/keeper.js';
import { warmUp } from './warmup.js';

export interface App {
  url: string;
  neo4jUri: string;
  database: Database;
  /**
   * Settles with the reason when the app can no longer serve and nothing in it can recover: the embedded
   * Neo4j exited without being stopped. (An outside Neo4j that goes away is waited for instead.)
   */
  failed: Promise<string>;
  /** The file holding a token for every role (embedded default on loopback only), for the ready line to point to. */
  sampleTokensFile: string | null;
  stop(): Promise<void>;
}

/**
 * Where the sample tokens of the embedded default are written at each start (beside its data; readable by the owner
 * only).
 */
export const SAMPLE_TOKENS_FILE = 'sample-tokens.txt';

/** Runs the warm-up with its progress lines, one at a time: a return during a warm-up is left to the one under way. */
function warmer(database: Database, log: Logger): (why: string, holdsReadiness: boolean) => Promise<void> {
  let running: Promise<void> | null = null;
  return (why, holdsReadiness) =>
    (running ??= (async () => {
      log.info(
        `Warming up (${why}): planning the first questions' queries, loading the name vocabulary, the full-text ` +
          `indexes and the standings' pages…`,
      );
      try {
        const { ms, questions, failed } = await warmUp(
          database,
          (message, error) => log.warn({ err: error }, message),
          { holdsReadiness },
        );
        log.info(`Warm in ${(ms / 1000).toFixed(1)} s (${questions} questions${failed ? `, ${failed} failed` : ''}).`);
      } catch (error) {
        log.warn({ err: error }, 'Warm-up stopped: Neo4j went away (it starts again when Neo4j answers)');
      } finally {
        running = null;
      }
    })());
}

/**
 * On the embedded default (local secret, loopback HOST), ready tokens for every role, so that each can be tried
 * from GraphiQL at once. Written to a file only its owner may read, never to stdout: stdout is also the JSON log
 * stream, and tokens do not belong in log storage. The file is replaced at each start (mode 0600 from creation).
 */
async function writeSampleTokens(authenticator: Authenticator, file: string, url: string): Promise<void> {
  const lines = [
    `# Sample tokens of the expertise graph's embedded default, one per role, valid 12 hours from ` +
      `${new Date().toISOString()}.`,
    `# Paste one into the sign-in box of ${url}/ or ${url}/graphql (or pick a development role there; without a ` +
      'token you are a viewer).',
    '# More with `npm run token -- --role officer`. Written anew at each start; readable by you only.',
  ];
  const { mint } = authenticator;
  if (!mint) throw new Error('Sample tokens need an authenticator that mints them (the embedded local secret)');
  for (const identity of SAMPLE_IDENTITIES) lines.push(`${sampleLabel(identity).padEnd(16)} ${await mint(identity)}`);
  await mkdir(path.dirname(file), { recursive: true });
  // A new file, created 0600, renamed over the old one: the tokens are never readable by others, not even briefly.
  const fresh = `${file}.${process.pid}.tmp`;
  await rm(fresh, { force: true });
  await writeFile(fresh, `${lines.join('\n')}\n`, { mode: 0o600, flag: 'wx' });
  await rename(fresh, file);
}

/** A sample identity's line label: its role, and a secretariat's network. */
function sampleLabel({ subject, roles, networks }: TokenClaims): string {
  const [role] = roles;
  const network = networks?.[0];
  if (role === 'secretariat' && network !== undefined) return `secretariat ${network.toUpperCase()}`;
  if (role === undefined || role === 'secretariat')
    throw new Error(`Sample identity ${subject} lacks its role or network`);
  return role;
}

/** Starts everything in order (database, seed, HTTP) and stops it in reverse; `log` gets the structured log. */
export async function startApp(config: Config, log: Logger): Promise<App> {
  registerHooks();
  useCalendarChanges(config.calendar);
  // Before the database: a server that cannot verify tokens must not start at all.
  const authenticator = await openAuthenticator(config.auth);
  // The development sign-in only for a browser on this machine: with a non-loopback HOST and no AUTH_* the
  // server starts without it (anyone else is a viewer), and says so once.
  const devSignIn = developmentSignIn(config.auth, config.host);
  if (devSignIn.warning) log.warn(devSignIn.warning);
  const sampleTokensFile =
    devSignIn.on && config.neo4j.kind === 'embedded' ? path.join(config.neo4j.dataDir, SAMPLE_TOKENS_FILE) : null;
  const neo4jLog = log.child({ component: 'neo4j' });
  let fail: (reason: string) => void = () => {};
  const failed = new Promise<string>((resolve) => (fail = resolve));
  const opened = await openDatabase(
    config,
    (line) => neo4jLog.info(line),
    ({ code, signal }) => {
      const reason = `the embedded Neo4j exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`})`;
      neo4jLog.error({ exitCode: code, signal }, `${reason}: the server cannot serve without it`);
      fail(reason);
    },
  );
  const { database } = opened;
  let http: HttpServer | undefined;
  let standings: { stop: () => Promise<void> } | undefined;
  let notifications: { stop: () => Promise<void> } | undefined;
  const stop = async () => {
    await http?.stop();
    await notifications?.stop();
    await standings?.stop();
    await opened.close();
  };
  try {
    // The pages' bundles, if the sources changed since `npm ci` built them; the API serves without them.
    await ensureWebBuilt().then(
      (built) => built && log.info('Built the pages into web/dist.'),
      (error: unknown) =>
        log.error(
          { err: error },
          'Building the pages failed: the API runs, the pages answer 503 until `npm run build:web` succeeds',
        ),
    );
    if (config.seedOnStart && (await isEmpty(database.queries()))) {
      log.info('Empty database: loading the seed graph…');
      const started = performance.now();
      await seedGraph(database.queries(), await readSeedData(), (line) => log.info(line));
      // The seed worked out the likely duplicate pairs of all its experts, the only ones there are.
      await markDuplicatePairsCurrent(database.queries());
      log.info(`Seed graph loaded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    }
    await keepDuplicatePairs(database.queries(), (line) => log.info(line));
    // Inquiries recorded before they were tagged with what their text names (or imported) get their tags once.
    await tagUntaggedInquiries(database.queries());
    // The stored whoKnows standings: worked out now when they do not reflect the graph (after a seed, a restore, a new
    // formula or the tagging above).
    standings = await keepStandings(
      () => database.queries(),
      (line) => log.info(line),
    );
    // The first questions answer quickly only once Neo4j has planned their queries (src/warmup.ts); again, in the
    // background, each time Neo4j returns (it may have restarted, its plans gone).
    if (config.warmUp) {
      const warm = warmer(database, log);
      await warm('start', true);
      database.onReturn(() => void warm('Neo4j answers again', false));
    }
    http = await startHttp({
      schema,
      database,
      authenticator,
      host: config.host,
      port: config.port,
      queryStats: config.queryStats,
      limits: config.limits,
      heavyRequests: config.heavyRequests,
      log,
      requestTimeoutMs: config.requestTimeoutMs,
      corsOrigins: config.corsOrigins,
      rateLimit: { points: config.rateLimitPerMinute, durationSeconds: 60, loopback: config.rateLimitLoopback },
      shutdownGraceMs: config.shutdownGraceMs,
      devTokens: devSignIn.on,
      sessions: config.sessions,
      oidc: config.oidc ? createOidcClient(config.oidc) : null,
    });
    if (config.oidc) log.info(`The pages sign in with OpenID Connect at ${config.oidc.issuer.href}.`);
    // Notifications: the daily run (due, overdue, digest, pruning) at NOTIFY_AT, and mail at once with SMTP_URL.
    const { smtpUrl, mailFrom, dailyAt } = config.notifications;
    notifications = startScheduler(database, {
      calendar: NOTIFICATION_CALENDAR,
      mailer: smtpUrl ? smtpMailer(smtpUrl, mailFrom) : null,
      dailyAt,
      log: log.child({ component: 'notifications' }),
    });
    if (sampleTokensFile) await writeSampleTokens(authenticator, sampleTokensFile, http.url);
    // Tokens of an earlier start on loopback are no use to anyone now: none are left lying about.
    else if (config.auth.kind === 'local' && config.neo4j.kind === 'embedded')
      await rm(path.join(config.neo4j.dataDir, SAMPLE_TOKENS_FILE), { force: true });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: http.url, neo4jUri: database.uri, database, failed, stop, sampleTokensFile };
}
