import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './helpers/main-process.js';

describe('npm start', () => {
  it('starts with a token for every role, serves, and stops cleanly on SIGTERM with the embedded Neo4j', { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'expertise-graph-main-'));
    const ask = (url: string, token: string | null) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: '{ inquiries { totalCount } }' }),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as { errors?: Array<{ extensions: { code: string } }> } }));
    try {
      let health: number | undefined;
      const answers: Record<string, { status: number; code: string | undefined }> = {};
      // A generous deadline, as for the test server: this test is about starting and stopping, on a busy machine.
      const env = { PORT: '0', NEO4J_DATA_DIR: dataDir, SEED_ON_START: '0', NEO4J_URI: '', AUTH_SECRET: '', AUTH_JWKS_URL: '', AUTH_SECRET_FILE: '', REQUEST_TIMEOUT_MS: '120000' };
      const { code, output } = await runMain(env, (text, child) => {
        const url = /GraphiQL at (\S+)\/graphql/.exec(text)![1]!;
        const officerToken = /^\s+officer\s+(\S+)$/m.exec(text)?.[1] ?? 'missing';
        const asking = { officer: officerToken, anonymous: null, forged: `${officerToken.slice(0, -4)}AAAA` };
        Promise.all([
          fetch(`${url}/health`).then((response) => (health = response.status)),
          ...Object.entries(asking).map(([who, token]) =>
            ask(url, token).then(({ status, body }) => (answers[who] = { status, code: body.errors?.[0]?.extensions.code })),
          ),
        ]).finally(() => child.kill('SIGTERM'));
      });
      expect(health).toBe(200);
      for (const role of ['viewer', 'officer', 'secretariat CKN', 'secretariat REKA', 'desk', 'admin']) {
        expect(output).toMatch(new RegExp(`^\\s+${role}\\s+ey\\S+$`, 'm'));
      }
      expect(answers.officer).toEqual({ status: 200, code: undefined });
      expect(answers.anonymous).toEqual({ status: 200, code: 'FORBIDDEN' });
      expect(answers.forged).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
      // The tokens are for the terminal: no structured log line carries one.
      const logLines = output.split('\n').filter((line) => line.startsWith('{'));
      expect(logLines.length).toBeGreaterThan(0);
      expect(logLines.filter((line) => /\bey[\w-]+\.[\w-]+\./.test(line))).toEqual([]);
      expect(output).toContain('Stopped.');
      expect(code).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('explains a bad setting in one line, without a stack trace', async () => {
    const { code, output } = await runMain({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(output.trim()).toBe('Cannot start: PORT=eighty is not a whole number from 0 to 65535: fix or unset it');
  });

  it('refuses an outside Neo4j without a way to verify tokens, saying what to set', async () => {
    const { code, output } = await runMain({ NEO4J_URI: 'bolt://127.0.0.1:9', PORT: '0', AUTH_SECRET: '', AUTH_JWKS_URL: '' });
    expect(code).toBe(1);
    expect(output.trim()).toBe('Cannot start: NEO4J_URI is set but neither AUTH_SECRET nor AUTH_JWKS_URL is: set one so that tokens can be verified');
  });

  it('explains an unreachable Neo4j in one line', { timeout: 60_000 }, async () => {
    const { code, output } = await runMain({ NEO4J_URI: 'bolt://127.0.0.1:9', PORT: '0', AUTH_SECRET: 'x'.repeat(32) });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toMatch(/^Cannot start: Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:9 .*check NEO4J_URI/);
  });
});
