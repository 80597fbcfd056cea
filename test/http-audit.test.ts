import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, describe, expect, it } from 'vitest';
import { testServer } from './helpers/api.js';

/**
 * The GraphQL-over-HTTP spec audit of graphql-http against the running server. Every MUST has to pass, and so
 * do the SHOULDs about clients that accept `application/json` (what most clients send today); the other SHOULDs
 * and the MAYs (mostly about `application/graphql-response+json`) are reported on the console, not asserted.
 */
const url = `${testServer().appUrl}/graphql`;
const audits = serverAudits({ url, fetchFn: fetch });

/** A SHOULD about a client that accepts application/json, not the newer graphql-response+json media type. */
const isApplicationJsonShould = (name: string) =>
  name.startsWith('SHOULD') && name.includes('application/json') && !name.includes('graphql-response+json');

const required = audits.filter((audit) => audit.name.startsWith('MUST') || isApplicationJsonShould(audit.name));
const reported = audits.filter((audit) => !required.includes(audit));

/** What the server answered, for a failure message: status, content type and the start of the body. */
async function describeFailure(result: AuditResult): Promise<string> {
  if (result.status === 'ok') return 'ok';
  const response = result.response;
  const body = await response
    .clone()
    .text()
    .catch(() => '(body already read)');
  return (
    `${result.reason} (HTTP ${response.status}, content-type ${response.headers.get('content-type')}): ` +
    body.slice(0, 300)
  );
}

describe('graphql-http audit: MUSTs and the application/json SHOULDs', () => {
  for (const audit of required) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      expect(result.status, await describeFailure(result)).toBe('ok');
    });
  }
});

describe('graphql-http audit: other SHOULDs and MAYs (reported, not required)', () => {
  const lines: string[] = [];
  afterAll(() => {
    console.log(`graphql-http audit, not required (${lines.length}):\n${lines.join('\n')}`);
  });
  for (const audit of reported) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      const failure = result.status === 'ok' ? '' : `: ${await describeFailure(result)}`;
      lines.push(`  ${result.status === 'ok' ? 'ok  ' : result.status.padEnd(4)} ${audit.id} ${audit.name}${failure}`);
    });
  }
});
