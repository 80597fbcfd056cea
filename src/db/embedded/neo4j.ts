/**
 * Embedded Neo4j for local development: builds (once) and runs the small Java launcher in
 * neo4j/ (Neo4j 5.26 community, in-process), serving Bolt on 127.0.0.1 without authentication.
 *
 * The JVM follows this process's lifetime: it stops on stop(), on process exit, and — because it
 * watches its stdin, which only this process holds open — even after a kill -9 of node.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { EmbeddedNeo4jError } from '../errors.js';
import { JAR, JAVA_HINT, LIB_DIR, checkJava, ensureLauncherBuilt, errorCode, notRunnable } from './build.js';

export { EmbeddedNeo4jError } from '../errors.js';

export interface EmbeddedOptions {
  dataDir: string; // Neo4j home/data directory, created if missing
  port?: number; // Bolt port; when undefined pick a free one on 127.0.0.1
  heap: string; // JVM -Xmx, e.g. "512m"
  pageCache: string; // e.g. "256m"
  log?: (line: string) => void; // progress lines
  /** Called when the JVM exits after it was ready without stop() asking it to (crashed, killed). */
  onExit?: (exit: EmbeddedExit) => void;
}

/** How the JVM ended: its exit code, or the signal that killed it. */
export interface EmbeddedExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface EmbeddedNeo4j {
  uri: string;
  port: number;
  /** The JVM's process id. */
  pid: number | undefined;
  stop(): Promise<void>;
}

const MAIN_CLASS = 'nl.expertisegraph.neo4j.EmbeddedNeo4j';
const READY = /^NEO4J_READY (bolt:\/\/\S+)$/;
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
// Launcher exit codes (see EmbeddedNeo4j.java).
const EXIT_PORT_IN_USE = 3;

export async function startEmbeddedNeo4j(opts: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const log = opts.log ?? (() => {});
  const size = /^\d+[kmg]?$/i;
  if (!size.test(opts.heap)) {
    throw new EmbeddedNeo4jError(`Invalid heap size '${opts.heap}' for the embedded Neo4j: use e.g. 512m or 1g`);
  }
  if (!size.test(opts.pageCache)) {
    throw new EmbeddedNeo4jError(`Invalid page cache size '${opts.pageCache}' for the embedded Neo4j: use e.g. 256m`);
  }
  if (opts.port !== undefined && !(Number.isInteger(opts.port) && opts.port > 0 && opts.port < 65536)) {
    throw new EmbeddedNeo4jError(`Invalid Bolt port ${opts.port}: use a number from 1 to 65535 or leave it unset`);
  }

  await checkJava();
  await ensureLauncherBuilt(log);

  const dataDir = path.resolve(opts.dataDir);
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (err) {
    throw new EmbeddedNeo4jError(
      `Cannot create the Neo4j data directory ${dataDir} (${errorCode(err)}): choose a writable directory`,
    );
  }

  const pickPort = opts.port === undefined;
  let port = opts.port ?? (await findFreePort());
  try {
    return await launch(dataDir, port, opts, log);
  } catch (err) {
    // A port we picked ourselves can be taken by someone else before the JVM binds it: retry once.
    if (pickPort && err instanceof PortInUse) {
      port = await findFreePort();
      log(`Bolt port was taken meanwhile, retrying on ${port}`);
      return await launch(dataDir, port, opts, log).catch((e: unknown) => {
        throw e instanceof PortInUse ? new EmbeddedNeo4jError(e.message) : e;
      });
    }
    throw err instanceof PortInUse ? new EmbeddedNeo4jError(err.message) : err;
  }
}

class PortInUse extends Error {}

function launch(dataDir: string, port: number, opts: EmbeddedOptions, log: (line: string) => void) {
  const classPath = [JAR, path.join(LIB_DIR, '*')].join(path.delimiter);
  const args = [
    `-Xmx${opts.heap}`,
    // Small heaps on few cores: the serial collector has the least memory and thread overhead.
    '-XX:+UseSerialGC',
    // As Neo4j's own start script: lets the page cache and Netty use direct buffers efficiently.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '-cp',
    classPath,
    MAIN_CLASS,
    `--home=${dataDir}`,
    `--port=${port}`,
    `--pagecache=${opts.pageCache}`,
  ];
  log(`Starting embedded Neo4j on bolt://127.0.0.1:${port} (data in ${dataDir})…`);
  const started = Date.now();

  const child = spawn('java', args, {
    cwd: dataDir,
    // stdin stays open as a lifeline: the JVM shuts down when it reaches EOF.
    stdio: ['pipe', 'pipe', 'pipe'],
    // Own process group: Ctrl+C goes to node only, so the app decides the shutdown order
    // (close drivers, then stop()). Node's exit or death still ends the JVM (see above).
    detached: true,
  });

  return new Promise<EmbeddedNeo4j>((resolve, reject) => {
    let ready = false;
    let serving = false;
    let stopping = false;
    let lastError = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const killOnExit = () => child.kill('SIGTERM');
    process.once('exit', killOnExit);
    // Writing to a JVM that has gone must not crash node.
    child.stdin.on('error', () => {});

    const timer = setTimeout(() => {
      fail(
        new EmbeddedNeo4jError(
          `Embedded Neo4j was not ready within ${READY_TIMEOUT_MS / 1000} s: see ${dataDir}/logs/debug.log or ` +
            'set NEO4J_URI to use an existing Neo4j',
        ),
      );
      child.kill('SIGKILL');
    }, READY_TIMEOUT_MS);

    function fail(err: Error) {
      if (ready) return;
      ready = true; // settle once
      clearTimeout(timer);
      process.removeListener('exit', killOnExit);
      reject(err);
    }

    createInterface({ input: child.stdout }).on('line', (line) => {
      const [, uri] = READY.exec(line.trim()) ?? [];
      if (uri === undefined || ready) return;
      ready = true;
      clearTimeout(timer);
      log(`Embedded Neo4j ready on ${uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      // From now on the JVM must not keep node alive by itself; stop() and the exit hook end it.
      child.unref();
      for (const stream of [child.stdin, child.stdout, child.stderr]) unrefStream(stream);
      serving = true;
      resolve({
        uri,
        port,
        pid: child.pid,
        stop: () => {
          stopping = true;
          return stop(child, exited, killOnExit);
        },
      });
    });
    createInterface({ input: child.stderr }).on('line', (line) => {
      if (!line.trim()) return;
      lastError = line.trim();
      if (ready) log(`neo4j: ${lastError}`);
    });

    child.once('error', (err) => {
      fail(
        new EmbeddedNeo4jError(
          `Java 17+ is needed for the embedded Neo4j but ${notRunnable('java', err)}: ${JAVA_HINT}`,
        ),
      );
    });
    child.once('exit', (code, signal) => {
      process.removeListener('exit', killOnExit);
      if (serving && !stopping) opts.onExit?.({ code, signal });
    });
    // 'close' comes after stdout/stderr are drained, so the launcher's one-line explanation is in.
    child.once('close', (code, signal) => {
      if (code === EXIT_PORT_IN_USE) {
        fail(new PortInUse(lastError || `Bolt port ${port} on 127.0.0.1 is in use: choose another port`));
      } else {
        fail(
          new EmbeddedNeo4jError(
            lastError ||
              `Embedded Neo4j exited (${signal ?? `code ${code}`}) before it was ready: see ${dataDir}/logs/debug.log`,
          ),
        );
      }
    });
  });
}

function stop(child: ChildProcess, exited: Promise<void>, killOnExit: () => void): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  child.ref(); // keep node alive until the JVM has finished its clean shutdown
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  return exited.then(() => {
    clearTimeout(force);
    process.removeListener('exit', killOnExit);
  });
}

function unrefStream(stream: unknown) {
  (stream as { unref?: () => void } | null)?.unref?.();
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
