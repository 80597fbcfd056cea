// The CommonJS build, as Pothos (and so the schema) uses it: under vitest a bare 'graphql' is the ESM build, another
// instance.
import { parse, type OperationDefinitionNode } from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import { HEAVY_REQUEST_COST, operationCost, WORK_WEIGHTS } from '../../../src/graphql/limits.js';
import { HeavyRequestGate, HeavyRequestRefused } from '../../../src/http/heavy-requests.js';
import { schema } from '../../../src/schema.js';

const limits = { running: 2, perClient: 1, waitingPerClient: 2, maxWaitMs: 60_000 };
/** Whether a promise has settled, after the microtasks queued so far have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('HeavyRequestGate', () => {
  it('lets a client run its share at once, makes the next wait, and refuses past its line', async () => {
    const gate = new HeavyRequestGate(limits);
    const first = await gate.enter('a');
    const second = gate.enter('a');
    const third = gate.enter('a');
    expect(await settled(second)).toBe(false);
    expect(gate.load).toEqual({ running: 1, waiting: 2 });
    const refused = await gate.enter('a').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HeavyRequestRefused);
    expect((refused as HeavyRequestRefused).reason).toBe('CLIENT_BUSY');
    expect((refused as HeavyRequestRefused).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    first();
    first(); // a second release gives nothing back twice
    expect(await settled(second)).toBe(true);
    expect(await settled(third)).toBe(false);
    expect(gate.load).toEqual({ running: 1, waiting: 1 });
    (await second)();
    (await third)();
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('gives a freed turn to the longest-waiting client that has room, not to one over its share', async () => {
    const gate = new HeavyRequestGate(limits);
    const a1 = await gate.enter('a');
    const b1 = await gate.enter('b');
    const a2 = gate.enter('a');
    const c1 = gate.enter('c');
    expect(await settled(a2)).toBe(false);
    // b's turn frees a place in the pool; a still runs its one, so c goes first although a2 waited longer.
    b1();
    expect(await settled(c1)).toBe(true);
    expect(await settled(a2)).toBe(false);
    a1();
    expect(await settled(a2)).toBe(true);
    (await a2)();
    (await c1)();
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a request finding no turn in time as SERVER_BUSY, one whose signal aborts with its reason', async () => {
    const gate = new HeavyRequestGate({ ...limits, running: 1, maxWaitMs: 20 });
    const held = await gate.enter('a');
    const late = await gate.enter('b').catch((error: unknown) => error);
    expect((late as HeavyRequestRefused).reason).toBe('SERVER_BUSY');
    const stop = new AbortController();
    const waiting = gate.enter('c', stop.signal);
    stop.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
    expect(gate.load).toEqual({ running: 1, waiting: 0 });
    held();
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });
});

describe('what makes a request heavy', () => {
  const costOf = (query: string) => {
    const document = parse(query);
    return operationCost(schema, document, document.definitions[0] as OperationDefinitionNode, {}, {});
  };

  it('weighs each ranking, search and aggregate by the work it starts, not by the size of its answer', () => {
    const ranking = '{ whoKnows(about: "semiconductors", first: 1) { totalCount } }';
    expect(costOf(ranking)).toBeGreaterThanOrEqual(HEAVY_REQUEST_COST);
    const rankings = Array.from({ length: 15 }, (_, i) => `a${i}: whoKnows(about: "t${i}", first: 1) { totalCount }`);
    const fifteen = `{ ${rankings.join(' ')} }`;
    expect(costOf(fifteen)).toBeGreaterThanOrEqual(15 * WORK_WEIGHTS.ranking);
    expect(costOf('{ similarInquiries(question: "x") { score } }')).toBeGreaterThanOrEqual(WORK_WEIGHTS.textSearch);
    expect(costOf('{ coverage { gaps { demand } } }')).toBeGreaterThanOrEqual(WORK_WEIGHTS.matrix);
    expect(costOf('{ inquiryStatistics { received } }')).toBeGreaterThanOrEqual(WORK_WEIGHTS.aggregate);
  });

  it('leaves light requests light', () => {
    expect(costOf('{ __typename }')).toBeLessThan(HEAVY_REQUEST_COST);
    expect(costOf('{ regions { id name } }')).toBeLessThan(HEAVY_REQUEST_COST);
  });
});
