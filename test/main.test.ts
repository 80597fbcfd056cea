import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Runs `npm start`'s entry point with extra environment; resolves with its exit code and output. */
function runMain(env: Record<string, string>, whenReady?: (output: string, child: ReturnType<typeof spawn>) => void) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: { ...process.env, ...env } });
    let output = '';
    let readySeen = false;
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (!readySeen && /GraphiQL at (\S+)\/graphql/.test(output)) {
        readySeen = true;
        whenReady?.(output, child);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('npm start', () => {
  it('starts, serves, and stops cleanly on SIGTERM with the embedded Neo4j', { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'expertise-graph-main-'));
    try {
      let health: number | undefined;
      const { code, output } = await runMain({ PORT: '0', NEO4J_DATA_DIR: dataDir, SEED_ON_START: '0', NEO4J_URI: '' }, (text, child) => {
        const url = /GraphiQL at (\S+)\/graphql/.exec(text)![1]!;
        fetch(`${url}/health`)
          .then((response) => (health = response.status))
          .finally(() => child.kill('SIGTERM'));
      });
      expect(health).toBe(200);
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

  it('explains an unreachable Neo4j in one line', { timeout: 60_000 }, async () => {
    const { code, output } = await runMain({ NEO4J_URI: 'bolt://127.0.0.1:9', PORT: '0' });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toMatch(/^Cannot start: Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:9 .*check NEO4J_URI/);
  });
});
