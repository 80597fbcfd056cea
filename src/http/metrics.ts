import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DatabaseActivity } from '../db/database.js';
import { knownOperationNames } from './known-operations.js';

/** What one finished request reports to the metrics (and to its log line). */
export interface RequestOutcome {
  route: string;
  status: number;
  durationMs: number;
  /** GraphQL requests only: the operation's name as resolved (null: unnamed, or never resolved). */
  graphql: {
    operationName: string | null;
    resolved: boolean;
    errorCodes: readonly string[];
    roundTrips: number;
    dbTimeMs: number;
  } | null;
}

/**
 * Prometheus metrics in a registry of this server's own (two servers in one process, as in the tests,
 * do not collide). Label values are bounded: routes are a fixed set, operation names only those the server
 * knows (its pages' operations and GraphiQL's examples; any other name counts as `other`, so that clients
 * cannot fill the label set with names of their own), unnamed or unresolved operations share one label
 * each, error codes come from the server, not the client.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations: ReadonlySet<string>;
  private readonly httpRequests: Counter<'route' | 'status'>;
  private readonly graphqlDuration: Histogram<'operation'>;
  private readonly graphqlErrors: Counter<'code'>;
  private readonly roundTrips: Histogram;
  private readonly dbTime: Histogram;
  private readonly rateLimited: Counter;
  /** Rejections nothing handled, logged by the server's last line of defence: 0 unless something is wrong. */
  readonly unhandledRejections: Counter;

  /** `knownOperations`: the operation names that get a label of their own (default: those of web/operations). */
  constructor(activity: DatabaseActivity, knownOperations: Iterable<string> = knownOperationNames()) {
    this.operations = new Set(knownOperations);
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.httpRequests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['route', 'status'],
      registers,
    });
    this.graphqlDuration = new Histogram({
      name: 'graphql_request_duration_seconds',
      help:
        'GraphQL request latency by operation name (its _count is the request count: rate() gives requests per ' +
        'second)',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.graphqlErrors = new Counter({
      name: 'graphql_errors_total',
      help: 'GraphQL errors returned, by extensions.code',
      labelNames: ['code'],
      registers,
    });
    this.roundTrips = new Histogram({
      name: 'neo4j_round_trips_per_request',
      help: 'Neo4j queries sent per GraphQL request',
      buckets: [0, 1, 2, 4, 8, 16, 32, 64],
      registers,
    });
    this.dbTime = new Histogram({
      name: 'neo4j_time_seconds_per_request',
      help: 'Time per GraphQL request spent waiting for Neo4j',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.rateLimited = new Counter({
      name: 'http_rate_limited_total',
      help: 'Requests refused with 429 by the rate limit',
      registers,
    });
    this.unhandledRejections = new Counter({
      name: 'process_unhandled_rejections_total',
      help: 'Promise rejections nothing handled (logged; the server went on serving)',
      registers,
    });
    new Gauge({
      name: 'neo4j_connections_in_use',
      help: 'Neo4j queries and transactions in flight, each holding a pooled driver connection',
      registers,
      collect() {
        this.set(activity.inFlight);
      },
    });
    new Gauge({
      name: 'neo4j_connection_pool_size',
      help: 'The driver connection pool size (per server)',
      registers,
    }).set(activity.poolSize);
  }

  /** The label an operation name is counted under. */
  operationLabel(name: string | null, resolved: boolean): string {
    if (!resolved) return 'unresolved';
    if (name === null) return 'anonymous';
    return this.operations.has(name) ? name : 'other';
  }

  /** Heavy requests running and waiting for a turn (src/http/heavy-requests.ts), read at each scrape. */
  watchHeavyRequests(load: () => { running: number; waiting: number }): void {
    const registers = [this.registry];
    new Gauge({
      name: 'graphql_heavy_requests_running',
      help: 'Heavy requests executing',
      registers,
      collect() {
        this.set(load().running);
      },
    });
    new Gauge({
      name: 'graphql_heavy_requests_waiting',
      help: 'Heavy requests waiting for a turn',
      registers,
      collect() {
        this.set(load().waiting);
      },
    });
  }

  record(outcome: RequestOutcome): void {
    this.httpRequests.inc({ route: outcome.route, status: String(outcome.status) });
    if (outcome.status === 429) this.rateLimited.inc();
    const graphql = outcome.graphql;
    if (!graphql) return;
    this.graphqlDuration.observe(
      { operation: this.operationLabel(graphql.operationName, graphql.resolved) },
      outcome.durationMs / 1000,
    );
    for (const code of graphql.errorCodes) this.graphqlErrors.inc({ code });
    this.roundTrips.observe(graphql.roundTrips);
    this.dbTime.observe(graphql.dbTimeMs / 1000);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
