import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from './config-error.js';
import { oidcConfig, sessionConfig, type OidcConfig, type SessionConfig } from './oidc-config.js';

/** Repository root, for paths that must not depend on the current directory. */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ExternalNeo4j {
  kind: 'external';
  uri: string;
  username: string;
  password: string;
  database: string | undefined;
}

export interface EmbeddedNeo4jConfig {
  kind: 'embedded';
  dataDir: string;
  port: number | undefined;
  heap: string;
  pageCache: string;
}

/** How tokens are verified: a shared secret (HS256), a JWKS URL, or a local secret file for the embedded default. */
export type AuthConfig =
  | { kind: 'secret'; secret: string; issuer: string; audience: string; anonymous: AnonymousPolicy }
  | { kind: 'jwks'; url: URL; issuer: string; audience: string; anonymous: AnonymousPolicy }
  | { kind: 'local'; secretFile: string; issuer: string; audience: string; anonymous: AnonymousPolicy }
  /** An outside Neo4j without AUTH_SECRET or AUTH_JWKS_URL: command-line tools work, the server refuses to start. */
  | { kind: 'unset'; issuer: string; audience: string; anonymous: AnonymousPolicy };

/** What a request without a token gets: the viewer role, or UNAUTHENTICATED. */
export type AnonymousPolicy = 'viewer' | 'refuse';

/** What one request may cost before it runs (see "Limits" in docs/api.md). */
export interface LimitsConfig {
  /** Nesting of fields in an operation (introspection's `__schema` does not count). */
  maxDepth: number;
  /** Aliased fields in an operation. */
  maxAliases: number;
  /** Lexical tokens in a document (names, punctuation, values). */
  maxTokens: number;
  /** Directives in an operation. */
  maxDirectives: number;
  /** Cost budget: every field costs 1, and what is below a list costs once per item asked for (`first`). */
  maxCost: number;
  /** Size of a request body in bytes. */
  maxBodyBytes: number;
}

/** Heavy requests (rankings, searches, dashboards) at once in this process (docs/operations.md, "Heavy requests"). */
export interface HeavyRequestLimits {
  /** Heavy requests executing at once. */
  running: number;
  /** Heavy requests one client (token subject, or address without a token) may have executing at once. */
  perClient: number;
  /** Heavy requests one client may have waiting for a turn; more are refused at once (429). */
  waitingPerClient: number;
  /** How long a heavy request waits for its turn before it is refused (503). */
  maxWaitMs: number;
}

export interface Config {
  port: number;
  host: string;
  neo4j: ExternalNeo4j | EmbeddedNeo4jConfig;
  /** Add `extensions.queryStats` (round trips, database time) to every response. */
  queryStats: boolean;
  /** Load the seed graph into an empty database on start. */
  seedOnStart: boolean;
  /** Plan the first questions' queries before serving (src/warmup.ts). */
  warmUp: boolean;
  auth: AuthConfig;
  /** Operations: logs, CORS, shutdown and rate limits (docs/operations.md). */
  logLevel: LogLevel;
  /** Origins (scheme://host[:port]) whose pages may call the API; empty: same origin only. */
  corsOrigins: string[];
  /** How long a shutdown waits for requests in flight before closing their connections. */
  shutdownGraceMs: number;
  /** Requests per minute per token subject (or client address without a token); 0: no limit. */
  rateLimitPerMinute: number;
  /** Limit requests from loopback addresses too (off by default: tests, the bench and local tools run there). */
  rateLimitLoopback: boolean;
  limits: LimitsConfig;
  heavyRequests: HeavyRequestLimits;
  /** Every request's deadline: its Neo4j transactions time out, and it answers TIMEOUT, when it passes. */
  requestTimeoutMs: number;
  /** Changes to the central-government working-day calendar of due dates (WORKING_DAY_CALENDAR). */
  calendar: CalendarChanges;
  notifications: NotificationsConfig;
  /** The pages' sign-in with OpenID Connect (OIDC_*); null when OIDC_ISSUER is unset. */
  oidc: OidcConfig | null;
  /** The sessions every sign-in of the pages ends in (SESSION_*, PUBLIC_URL). */
  sessions: SessionConfig;
}

/** Notifications by e-mail and the daily run (docs/configuration.md, "Notifications"). */
export interface NotificationsConfig {
  /** SMTP_URL: where e-mail goes out (smtp://, smtps://); null: notifications stay in the app's inbox only. */
  smtpUrl: string | null;
  /** MAIL_FROM: the sender of notification e-mail. */
  mailFrom: string;
  /** NOTIFY_AT: the Amsterdam time of day (HH:MM) of the daily run (due, overdue, digest, pruning). */
  dailyAt: { hour: number; minute: number };
}

function notificationsConfig(env: Env): NotificationsConfig {
  const smtpUrl = env.SMTP_URL || null;
  if (smtpUrl !== null && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl))
    throw new ConfigError('SMTP_URL is not an SMTP URL: use smtp://user:password@host:587 or smtps://host:465');
  const at = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(env.NOTIFY_AT || '07:00');
  if (!at) throw new ConfigError(`NOTIFY_AT=${env.NOTIFY_AT} is not a time of day such as 07:00: fix or unset it`);
  const mailFrom = env.MAIL_FROM || 'Expertise graph <noreply@localhost>';
  if (!/@/.test(mailFrom)) throw new ConfigError(`MAIL_FROM=${mailFrom} holds no e-mail address: fix or unset it`);
  return { smtpUrl, mailFrom, dailyAt: { hour: Number(at[1]), minute: Number(at[2]) } };
}

/**
 * Days off (`off`) and working days (`on`) that differ from the central-government calendar: each `MM-DD`
 * (every year), `YYYY-MM-DD` (one date) or `good-friday`.
 */
export interface CalendarChanges {
  off: string[];
  on: string[];
}

const CALENDAR_DAY = /^(?:(?:\d{4}-)?(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])|good-friday)$/;

/** WORKING_DAY_CALENDAR: a comma-separated list of `off:<day>` and `on:<day>` (docs/handlers.md, "Inquiries"). */
export function calendarChanges(env: Env): CalendarChanges {
  const changes: CalendarChanges = { off: [], on: [] };
  for (const item of (env.WORKING_DAY_CALENDAR ?? '')
    .split(',')
    .map((i) => i.trim())
    .filter(Boolean)) {
    const [, kind, day] = /^(off|on):(.+)$/.exec(item) ?? [];
    if (kind === undefined || day === undefined || !CALENDAR_DAY.test(day)) {
      throw new ConfigError(
        `WORKING_DAY_CALENDAR: "${item}" is not a change of the calendar: write off:<day> or on:<day>, the day ` +
          'as MM-DD (every year), YYYY-MM-DD or good-friday, e.g. "on:05-05,off:12-24"',
      );
    }
    changes[kind as 'off' | 'on'].push(day);
  }
  return changes;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * 10 s: the slowest request the bench knows (a broad whoKnows over 100k experts) takes about 3 s, so this
 * leaves room for a busy machine while still freeing a stuck request's connection and Neo4j transaction.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

export { ConfigError } from './config-error.js';

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number | undefined, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}=${raw} is not a whole number from ${min} to ${max}: fix or unset it`);
  }
  return value;
}

function memorySize(env: Env, name: string, fallback: string): string {
  const raw = env[name] ?? fallback;
  if (!/^\d+[kmg]$/i.test(raw))
    throw new ConfigError(`${name}=${raw} is not a memory size such as 512m or 1g: fix or unset it`);
  return raw.toLowerCase();
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name}=${raw} is not a yes/no value: use 1 or 0`);
}

function logLevel(env: Env): LogLevel {
  const raw = (env.LOG_LEVEL || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(raw))
    throw new ConfigError(`LOG_LEVEL=${env.LOG_LEVEL} is not one of ${LOG_LEVELS.join(', ')}: fix or unset it`);
  return raw as LogLevel;
}

function origins(env: Env, name: string): string[] {
  const raw = env[name];
  if (!raw) return [];
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      let origin: string | undefined;
      try {
        origin = new URL(entry).origin;
      } catch {
        origin = undefined;
      }
      if (origin === undefined || origin === 'null' || origin !== entry.replace(/\/$/, '')) {
        throw new ConfigError(
          `${name}: ${entry} is not an origin such as https://dashboard.example.org (scheme, host, optional port; no path): fix it`,
        );
      }
      return origin;
    });
}

const MIN_SECRET_LENGTH = 32;

function authConfig(env: Env, neo4j: Config['neo4j']): AuthConfig {
  const issuer = env.AUTH_ISSUER || 'expertise-graph';
  const audience = env.AUTH_AUDIENCE || 'expertise-graph';
  const anonymous = env.AUTH_ANONYMOUS || 'viewer';
  if (anonymous !== 'viewer' && anonymous !== 'refuse') {
    throw new ConfigError(
      `AUTH_ANONYMOUS=${anonymous} is not viewer or refuse: use viewer (requests without a token read public ` +
        'data) or refuse',
    );
  }
  const common = { issuer, audience, anonymous } as const;
  if (env.AUTH_SECRET && env.AUTH_JWKS_URL)
    throw new ConfigError('AUTH_SECRET and AUTH_JWKS_URL are both set: keep one');
  if (env.AUTH_SECRET) {
    if (env.AUTH_SECRET.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(
        `AUTH_SECRET is shorter than ${MIN_SECRET_LENGTH} characters: use a long random value, e.g. from ` +
          `\`openssl rand -base64 48\``,
      );
    }
    return { kind: 'secret', secret: env.AUTH_SECRET, ...common };
  }
  if (env.AUTH_JWKS_URL) {
    let url: URL;
    try {
      url = new URL(env.AUTH_JWKS_URL);
    } catch {
      throw new ConfigError(
        `AUTH_JWKS_URL=${env.AUTH_JWKS_URL} is not a URL: use e.g. https://login.example.org/.well-known/jwks.json`,
      );
    }
    return { kind: 'jwks', url, ...common };
  }
  if (neo4j.kind === 'external') return { kind: 'unset', ...common };
  // Local use: a secret kept beside the embedded database, created on first use.
  return {
    kind: 'local',
    secretFile: path.resolve(ROOT_DIR, env.AUTH_SECRET_FILE || path.join(neo4j.dataDir, 'auth-secret')),
    ...common,
  };
}

/** Reads a whole-number limit of the environment: its default when unset, a ConfigError outside min–max. */
const limitsOf = (env: Env) => (name: string, fallback: number, min: number, max: number) =>
  integer(env, name, fallback, min, max) ?? fallback;

/** The request limits set by the environment (the defaults for an empty one). */
export function limitsConfig(env: Env): LimitsConfig {
  const limit = limitsOf(env);
  return {
    maxDepth: limit('MAX_QUERY_DEPTH', 10, 2, 100),
    maxAliases: limit('MAX_ALIASES', 15, 0, 10_000),
    maxTokens: limit('MAX_TOKENS', 2_000, 200, 1_000_000),
    maxDirectives: limit('MAX_DIRECTIVES', 20, 0, 10_000),
    maxCost: limit('MAX_QUERY_COST', 11_000, 100, 100_000_000),
    maxBodyBytes: limit('MAX_BODY_BYTES', 1_000_000, 10_000, 1_000_000_000),
  };
}

/** The heavy-request admission set by the environment (the defaults for an empty one). */
export function heavyRequestLimits(env: Env): HeavyRequestLimits {
  const limit = limitsOf(env);
  return {
    running: limit('HEAVY_REQUESTS_RUNNING', 4, 1, 10_000),
    perClient: limit('HEAVY_REQUESTS_PER_CLIENT', 2, 1, 10_000),
    waitingPerClient: limit('HEAVY_REQUESTS_WAITING', 8, 0, 100_000),
    maxWaitMs: limit('HEAVY_REQUEST_WAIT_MS', 5_000, 0, 600_000),
  };
}

/** Every environment variable the server reads, checked in one place. */
export function loadConfig(env: Env = process.env): Config {
  const uri = env.NEO4J_URI;
  let neo4j: Config['neo4j'];
  if (uri) {
    if (!/^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\/[^\s]+$/.test(uri)) {
      throw new ConfigError(
        `NEO4J_URI=${uri} is not a Neo4j URI: use bolt://host:7687, neo4j://host:7687 or neo4j+s://host`,
      );
    }
    neo4j = {
      kind: 'external',
      uri,
      username: env.NEO4J_USERNAME ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE || undefined,
    };
  } else {
    neo4j = {
      kind: 'embedded',
      dataDir: path.resolve(ROOT_DIR, env.NEO4J_DATA_DIR ?? 'data/neo4j'),
      port: integer(env, 'NEO4J_BOLT_PORT', undefined, 1, 65535),
      heap: memorySize(env, 'NEO4J_HEAP', '512m'),
      pageCache: memorySize(env, 'NEO4J_PAGECACHE', '256m'),
    };
  }
  const oidc = oidcConfig(env);
  return {
    port: integer(env, 'PORT', 4000, 0, 65535) ?? 4000,
    auth: authConfig(env, neo4j),
    // Empty is unset: an empty HOST would listen on every address.
    host: env.HOST || '127.0.0.1',
    neo4j,
    queryStats: flag(env, 'QUERY_STATS', false),
    seedOnStart: flag(env, 'SEED_ON_START', true),
    warmUp: flag(env, 'WARM_UP', true),
    logLevel: logLevel(env),
    corsOrigins: origins(env, 'CORS_ORIGINS'),
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000) ?? 10_000,
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000) ?? 600,
    rateLimitLoopback: flag(env, 'RATE_LIMIT_LOOPBACK', false),
    limits: limitsConfig(env),
    heavyRequests: heavyRequestLimits(env),
    requestTimeoutMs:
      integer(env, 'REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS, 100, 600_000) ?? DEFAULT_REQUEST_TIMEOUT_MS,
    calendar: calendarChanges(env),
    notifications: notificationsConfig(env),
    oidc,
    sessions: sessionConfig(env, oidc),
  };
}
