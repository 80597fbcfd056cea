/**
 * `npm run bench:heavy -- [--url http://localhost:4000] [--clients 16] [--seconds 30]`: what a light request waits
 * while heavy ones pass every limit. C anonymous clients each send, again and again, one request of 15 aliased
 * whoKnows over regions (within the cost budget); another client asks `{ __typename }` every 200 ms. Prints the
 * heavy requests' outcomes (answered, refused with 429 or 503, timed out) and the light request's latency
 * percentiles: "Heavy requests" in docs/operations.md expects the light p99 well under a second. Loopback only; not CI.
 */
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:4000' },
    clients: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '30' },
  },
});
const url = new URL('/graphql', args.url);
if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
  throw new Error(`--url ${args.url}: load only a server on this machine`);
const clients = Number(args.clients);
const endAt = Date.now() + Number(args.seconds) * 1000;

const THEMES = [
  'Academic freedom',
  'Artificial intelligence',
  'Biotechnology',
  'Critical raw materials',
  'Cyber espionage',
  'Critical infrastructure',
  'Arms control',
  'Climate policy',
  'Chinese economy',
  'Civil society',
  'Belt and Road Initiative',
  'Black Sea security',
  'Arctic',
  'Confucius Institutes',
  'Climate diplomacy',
];
const REGIONS = ['Central Asia', 'East Asia', 'Eastern Europe', 'Southeast Asia', 'Middle East'];
const heavyQuery = (client: number) =>
  `{ ${THEMES.map(
    (theme, i) =>
      `a${i}: whoKnows(about: "${theme}", country: "${REGIONS[(i + client) % REGIONS.length]}", first: 5) ` +
      '{ totalCount edges { score reasons { text points } node ' +
      '{ name headline affiliations { role institution { name } } } } }',
  ).join(' ')} }`;

const outcomes = new Map<string, number>();
const lightMs: number[] = [];
let lightFailures = 0;
const post = (query: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(60_000),
  });

async function heavyClient(client: number): Promise<void> {
  while (Date.now() < endAt) {
    try {
      const response = await post(heavyQuery(client));
      const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
      const outcome = `${response.status} ${body.errors?.[0]?.extensions?.code ?? 'answered'}`;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      if (response.status === 429 || response.status === 503)
        await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after') ?? 1) * 1000));
    } catch {
      outcomes.set('no answer', (outcomes.get('no answer') ?? 0) + 1);
    }
  }
}

async function lightClient(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  while (Date.now() < endAt) {
    const started = performance.now();
    try {
      await (await post('{ __typename }')).text();
      lightMs.push(performance.now() - started);
    } catch {
      lightFailures += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

await Promise.all([...Array.from({ length: clients }, (_, client) => heavyClient(client)), lightClient()]);
lightMs.sort((a, b) => a - b);
const percentile = (p: number) =>
  (lightMs[Math.min(lightMs.length - 1, Math.floor((lightMs.length * p) / 100))] ?? NaN).toFixed(0);
console.log(
  `heavy requests (${clients} clients, ${args.seconds} s): ` +
    [...outcomes].map(([outcome, n]) => `${outcome} ${n}`).join(', '),
);
console.log(
  `{ __typename } meanwhile: ${lightMs.length} answered, ${lightFailures} failed, ` +
    `p50 ${percentile(50)} ms, p95 ${percentile(95)} ms, p99 ${percentile(99)} ms, max ${percentile(100)} ms`,
);
