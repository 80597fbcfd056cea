import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { HeavyRequestLimits } from '../config.js';
import { ErrorCode } from '../graphql/errors.js';
import { HEAVY_REQUEST_COST, operationCost } from '../graphql/limits.js';

/**
 * Admission of heavy requests (those whose cost says they start rankings, searches or aggregates): at most
 * `running` of them execute at once in this process, and at most `perClient` of one client (token subject,
 * or address without a token); a client's further heavy requests wait in line, up to `waitingPerClient`, for
 * at most `maxWaitMs`. Light requests (`{ __typename }`, a node by id) never wait here, so that a few clients
 * with heavy work cannot hold the event loop and the Neo4j connections for everyone else.
 *
 * Hand-written rather than a queue library: p-limit and p-queue bound one pool, not a pool and each client's
 * share of it, and rate-limiter-flexible counts requests per time, not requests at once.
 */

/** Why a heavy request was not admitted: the client's own share is full, or the whole process is busy. */
export class HeavyRequestRefused extends Error {
  constructor(
    readonly reason: 'CLIENT_BUSY' | 'SERVER_BUSY',
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message);
    this.name = 'HeavyRequestRefused';
  }
}

interface ClientLoad {
  running: number;
  waiting: number;
}

interface Waiter {
  load: ClientLoad;
  admit: () => void;
}

export class HeavyRequestGate {
  private running = 0;
  private readonly clients = new Map<string, ClientLoad>();
  /** Waiting requests in arrival order; the first whose client has room goes next. */
  private readonly line: Waiter[] = [];

  constructor(readonly limits: HeavyRequestLimits) {}

  /** Heavy requests executing now, and waiting: for metrics. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.line.length };
  }

  /**
   * Waits for the request's turn and resolves with the function that gives it back (call it once the response
   * is sent; calling it again does nothing). Rejects with HeavyRequestRefused when the client already has its
   * full line waiting or no turn came within maxWaitMs, and with the signal's reason when it aborts meanwhile.
   */
  enter(client: string, signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    const load = this.loadOf(client);
    if (this.canRun(load)) return Promise.resolve(this.start(client, load));
    if (load.waiting >= this.limits.waitingPerClient) {
      return Promise.reject(
        new HeavyRequestRefused(
          'CLIENT_BUSY',
          this.retryAfterSeconds(),
          `You have ${load.running} heavy requests (rankings, searches, dashboards) running and ${load.waiting} ` +
            'waiting, the most one client may have: wait for their answers before sending more, or try again in a ' +
            'moment.',
        ),
      );
    }
    load.waiting += 1;
    return new Promise((resolve, reject) => {
      const leave = (then: () => void) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.line.splice(this.line.indexOf(waiter), 1);
        load.waiting -= 1;
        then();
      };
      const refuse = (error: unknown) => {
        this.forget(client, load);
        reject(error);
      };
      const waiter: Waiter = { load, admit: () => leave(() => resolve(this.start(client, load))) };
      const timer = setTimeout(() => {
        const busy =
          'The server is busy with other heavy requests (rankings, searches, dashboards) and could not start ' +
          `yours within ${Math.round(this.limits.maxWaitMs / 1000)} s: nothing was done; try again in a moment.`;
        leave(() => refuse(new HeavyRequestRefused('SERVER_BUSY', this.retryAfterSeconds(), busy)));
      }, this.limits.maxWaitMs);
      // Only ever called by the signal, when there is one.
      const onAbort = () => leave(() => refuse(signal?.reason));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.line.push(waiter);
    });
  }

  private loadOf(client: string): ClientLoad {
    let load = this.clients.get(client);
    if (!load) {
      load = { running: 0, waiting: 0 };
      this.clients.set(client, load);
    }
    return load;
  }

  private canRun(load: ClientLoad): boolean {
    return this.running < this.limits.running && load.running < this.limits.perClient;
  }

  private start(client: string, load: ClientLoad): () => void {
    this.running += 1;
    load.running += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      load.running -= 1;
      this.forget(client, load);
      this.admitNext();
    };
  }

  /**
   * Gives freed turns to the longest-waiting requests whose clients have room (admit takes a waiter out of the line).
   */
  private admitNext(): void {
    let at = 0;
    for (let waiter = this.line[at]; waiter && this.running < this.limits.running; waiter = this.line[at]) {
      if (this.canRun(waiter.load)) waiter.admit();
      else at += 1;
    }
  }

  private forget(client: string, load: ClientLoad): void {
    if (load.running === 0 && load.waiting === 0) this.clients.delete(client);
  }

  /** A client told to come back: about when a turn may be free, at least a second. */
  private retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.line.length / Math.max(1, this.limits.running)));
  }
}

/** What the admission plugin needs of a request's context: the client it counts against and the request's signal. */
export interface AdmittedContext {
  /** The client a heavy request counts against: its token subject, or its address without a token. */
  client: string;
  signal: AbortSignal;
}

/**
 * The answer to a refused heavy request, with Retry-After: a client over its share gets 429 and RATE_LIMITED, as
 * from the rate limit; a request that found no turn gets SERVICE_UNAVAILABLE, whose status follows the response's
 * media type as for an unreachable database (200 under application/json, 503 under graphql-response+json:
 * src/http/response-status.ts). Apollo answers an error raised before execution with 500 unless told otherwise.
 */
function refusal(error: HeavyRequestRefused): GraphQLError {
  const clientBusy = error.reason === 'CLIENT_BUSY';
  return new GraphQLError(error.message, {
    extensions: {
      code: clientBusy ? ErrorCode.RATE_LIMITED : ErrorCode.SERVICE_UNAVAILABLE,
      retryAfterSeconds: error.retryAfterSeconds,
      http: { status: clientBusy ? 429 : 200, headers: new Map([['retry-after', String(error.retryAfterSeconds)]]) },
    },
  });
}

/**
 * Admits each operation once it is resolved and before it executes: one whose cost reaches HEAVY_REQUEST_COST
 * waits for its turn at the gate, and gives the turn back when its response is sent (or its request ends).
 */
export function heavyRequestPlugin<C extends AdmittedContext & object>(
  gate: HeavyRequestGate,
  schema: GraphQLSchema,
): ApolloServerPlugin<C> {
  return {
    requestDidStart() {
      let release: (() => void) | null = null;
      return Promise.resolve({
        async didResolveOperation({ contextValue, document, operation, request }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {}, contextValue);
          if (cost === null || cost < HEAVY_REQUEST_COST) return;
          try {
            release = await gate.enter(contextValue.client, contextValue.signal);
          } catch (error) {
            if (error instanceof HeavyRequestRefused) throw refusal(error);
            // The deadline passed or the client left while waiting: formatError names which.
            throw new GraphQLError('Stopped while waiting for a turn.', {
              originalError: error as Error,
              extensions: { http: { status: 200 } },
            });
          }
          contextValue.signal.addEventListener('abort', release, { once: true });
        },
        willSendResponse() {
          release?.();
          return Promise.resolve();
        },
      });
    },
  };
}
