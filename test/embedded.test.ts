import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { EmbeddedNeo4jError, startEmbeddedNeo4j, type EmbeddedExit } from '../src/db/embedded/neo4j.js';

// These tests start their own JVMs next to the one of the global setup, so keep them small.
const small = { heap: '256m', pageCache: '64m' };

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'expertise-graph-embedded-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('embedded Neo4j', () => {
  it('explains a busy Bolt port in one line naming the port', { timeout: 120_000 }, async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      await withTempDir(async (dataDir) => {
        const error = await startEmbeddedNeo4j({ dataDir, port, ...small }).then(
          async (db) => {
            await db.stop();
            return null;
          },
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(EmbeddedNeo4jError);
        const message = (error as Error).message;
        expect(message).toContain(String(port));
        expect(message).not.toContain('\n');
      });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('keeps data across stop() and a new start on the same dataDir', { timeout: 120_000 }, async () => {
    await withTempDir(async (dataDir) => {
      const first = await startEmbeddedNeo4j({ dataDir, ...small });
      try {
        const driver = neo4j.driver(first.uri);
        try {
          await driver.executeQuery("CREATE (:RestartProbe {name: 'survives'})");
        } finally {
          await driver.close();
        }
      } finally {
        await first.stop();
      }

      const second = await startEmbeddedNeo4j({ dataDir, ...small });
      try {
        // The routing scheme must work against the embedded server too.
        const driver = neo4j.driver(`neo4j://127.0.0.1:${second.port}`);
        try {
          const { records } = await driver.executeQuery('MATCH (p:RestartProbe) RETURN p.name AS name');
          expect(records.map((r) => r.get('name'))).toEqual(['survives']);
        } finally {
          await driver.close();
        }
      } finally {
        await second.stop();
      }
    });
  });

  it(
    'tells its owner when the JVM dies without being stopped (kill -9), and stop() then returns at once',
    { timeout: 120_000 },
    async () => {
      await withTempDir(async (dataDir) => {
        let heard: (exit: EmbeddedExit) => void = () => {};
        const exited = new Promise<EmbeddedExit>((resolve) => (heard = resolve));
        const db = await startEmbeddedNeo4j({ dataDir, ...small, onExit: (exit) => heard(exit) });
        try {
          expect(db.pid).toBeGreaterThan(0);
          process.kill(db.pid!, 'SIGKILL');
          expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });
        } finally {
          await db.stop();
        }
      });
    },
  );
});
