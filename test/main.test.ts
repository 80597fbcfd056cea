import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './helpers/main-process.js';

describe('npm start', () => {
  // The two starts below run an embedded Neo4j each: on a busy 2-core machine, a start alone took 140 s.
  it(
    'starts with a token for every role in a file only its owner may read, ' +
      'serves, and stops cleanly on SIGTERM with the embedded Neo4j',
    { timeout: 300_000 },
    async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'expertise-graph-main-'));
      const ask = (url: string, token: string | null) =>
        fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query: '{ inquiries { totalCount } }' }),
        }).then(async (response) => ({
          status: response.status,
          body: (await response.json()) as { errors?: Array<{ extensions: { code: string } }> },
        }));
      try {
        let health: number | undefined;
        let tokensFile: string | undefined;
        let tokens = '';
        let tokensMode: number | undefined;
        let devToken: number | undefined;
        let failure: unknown;
        const answers: Record<string, { status: number; code: string | undefined }> = {};
        // A generous deadline, as for the test server: this test is about starting and stopping, on a busy machine.
        const env = {
          PORT: '0',
          HOST: '',
          NEO4J_DATA_DIR: dataDir,
          SEED_ON_START: '0',
          NEO4J_URI: '',
          AUTH_SECRET: '',
          AUTH_JWKS_URL: '',
          AUTH_SECRET_FILE: '',
          REQUEST_TIMEOUT_MS: '120000',
        };
        const { code, output } = await runMain(env, (text, child) => {
          const url = /GraphiQL at (\S+)\/graphql/.exec(text)![1]!;
          tokensFile = /A token for every role \(12 hours\) is in (\S+)\./.exec(text)?.[1];
          void (async () => {
            tokens = tokensFile ? await readFile(tokensFile, 'utf8') : '';
            tokensMode = tokensFile ? (await stat(tokensFile)).mode & 0o777 : undefined;
            const officerToken = /^officer\s+(\S+)$/m.exec(tokens)?.[1] ?? 'missing';
            const asking = { officer: officerToken, anonymous: null, forged: `${officerToken.slice(0, -4)}AAAA` };
            await Promise.all([
              fetch(`${url}/health`).then((response) => (health = response.status)),
              fetch(`${url}/auth/dev-token`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: '{"identity":"sample-viewer"}',
              }).then((response) => (devToken = response.status)),
              ...Object.entries(asking).map(([who, token]) =>
                ask(url, token).then(
                  ({ status, body }) => (answers[who] = { status, code: body.errors?.[0]?.extensions.code }),
                ),
              ),
            ]);
          })()
            .catch((error: unknown) => (failure = error))
            .finally(() => child.kill('SIGTERM'));
        });
        expect(failure).toBeUndefined();
        expect(health).toBe(200);
        // The ready line points to the tokens, in the data dir, readable by the owner only.
        expect(tokensFile).toBe(path.join(dataDir, 'sample-tokens.txt'));
        expect(tokensMode).toBe(0o600);
        for (const role of ['viewer', 'officer', 'secretariat CKN', 'secretariat REKA', 'desk', 'admin']) {
          expect(tokens).toMatch(new RegExp(`^${role}\\s+ey\\S+$`, 'm'));
        }
        expect(answers.officer).toEqual({ status: 200, code: undefined });
        expect(answers.anonymous).toEqual({ status: 200, code: 'FORBIDDEN' });
        expect(answers.forged).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
        expect(devToken).toBe(200);
        // stdout is also the JSON log stream: no token in it, in a log line or any other.
        expect(output.split('\n').filter((line) => line.startsWith('{')).length).toBeGreaterThan(0);
        expect(output).not.toMatch(/\bey[\w-]+\.[\w-]+\./);
        expect(output).toContain('Stopped.');
        expect(code).toBe(0);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  );

  it(
    'listening on every address without AUTH_*, starts without the development sign-in and says so in one warning',
    { timeout: 300_000 },
    async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'expertise-graph-main-'));
      try {
        let devToken: number | undefined;
        let devIdentities: unknown = 'unread';
        let failure: unknown;
        const env = {
          PORT: '0',
          HOST: '0.0.0.0',
          NEO4J_DATA_DIR: dataDir,
          SEED_ON_START: '0',
          NEO4J_URI: '',
          AUTH_SECRET: '',
          AUTH_JWKS_URL: '',
          AUTH_SECRET_FILE: '',
          REQUEST_TIMEOUT_MS: '120000',
        };
        const { code, output } = await runMain(env, (text, child) => {
          const url = /GraphiQL at (\S+)\/graphql/.exec(text)![1]!.replace('localhost', '127.0.0.1');
          void Promise.all([
            fetch(`${url}/auth/dev-token`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: '{"identity":"sample-admin"}',
            }).then((response) => (devToken = response.status)),
            fetch(`${url}/`, { headers: { accept: 'text/html' } }).then(async (response) => {
              devIdentities = (
                JSON.parse(
                  /<script type="application\/json" id="page-options">(.*?)<\/script>/s.exec(
                    await response.text(),
                  )![1]!,
                ) as { devIdentities: unknown }
              ).devIdentities;
            }),
          ])
            .catch((error: unknown) => (failure = error))
            .finally(() => child.kill('SIGTERM'));
        });
        expect(failure).toBeUndefined();
        expect(devToken).toBe(404);
        expect(devIdentities).toBeNull();
        const warnings = output
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as { level: number; msg: string })
          .filter((line) => line.level === 40 && line.msg.includes('development sign-in'));
        expect(warnings).toHaveLength(1);
        expect(warnings[0]!.msg).toMatch(
          /^HOST=0\.0\.0\.0 is not a loopback address and neither AUTH_SECRET nor AUTH_JWKS_URL/,
        );
        expect(warnings[0]!.msg).toMatch(/ is set: the development sign-in .* are off/);
        expect(output).not.toContain('A token for every role');
        expect(output).not.toMatch(/\bey[\w-]+\.[\w-]+\./);
        await expect(stat(path.join(dataDir, 'sample-tokens.txt'))).rejects.toThrow(/ENOENT/);
        expect(code).toBe(0);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  );

  it('explains a bad setting in one line, without a stack trace', async () => {
    const { code, output } = await runMain({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(output.trim()).toBe('Cannot start: PORT=eighty is not a whole number from 0 to 65535: fix or unset it');
  });

  it('refuses an outside Neo4j without a way to verify tokens, saying what to set', async () => {
    const { code, output } = await runMain({
      NEO4J_URI: 'bolt://127.0.0.1:9',
      PORT: '0',
      AUTH_SECRET: '',
      AUTH_JWKS_URL: '',
    });
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      'Cannot start: NEO4J_URI is set but neither AUTH_SECRET nor ' +
        'AUTH_JWKS_URL is: set one so that tokens can be verified',
    );
  });

  it('explains an unreachable Neo4j in one line', { timeout: 60_000 }, async () => {
    const { code, output } = await runMain({ NEO4J_URI: 'bolt://127.0.0.1:9', PORT: '0', AUTH_SECRET: 'x'.repeat(32) });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toMatch(/^Cannot start: Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:9 .*check NEO4J_URI/);
  });
});
