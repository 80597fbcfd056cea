/**
 * Embedded Neo4j for local development: builds (once) and runs the small Java launcher in
 * neo4j/ (Neo4j 5.26 community, in-process), serving Bolt on 127.0.0.1 without authentication.
 *
 * The JVM follows this process's lifetime: it stops on stop(), on process exit, and — because it
 * watches its stdin, which only this process holds open — even after a kill -9 of node.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface EmbeddedOptions {
  dataDir: string; // Neo4j home/data directory, created if missing
  port?: number; // Bolt port; when undefined pick a free one on 127.0.0.1
  heap: string; // JVM -Xmx, e.g. "512m"
  pageCache: string; // e.g. "256m"
  log?: (line: string) => void; // progress lines
}

export interface EmbeddedNeo4j {
  uri: string;
  port: number;
  stop(): Promise<void>;
}

/** Message is one line that says what to do. */
export class EmbeddedNeo4jError extends Error {
  override name = 'EmbeddedNeo4jError';
}

const MAIN_CLASS = 'nl.expertisegraph.neo4j.EmbeddedNeo4j';
const READY = /^NEO4J_READY (bolt:\/\/\S+)$/;
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
const BUILD_TIMEOUT_MS = 15 * 60_000;
// Launcher exit codes (see EmbeddedNeo4j.java).
const EXIT_PORT_IN_USE = 3;

// Relative to this module (src/db/ or a compiled dist/db/), never to the working directory.
const PROJECT_DIR = path.resolve(fileURLToPath(new URL('../../neo4j/', import.meta.url)));
const TARGET_DIR = path.join(PROJECT_DIR, 'target');
const JAR = path.join(TARGET_DIR, 'embedded-neo4j.jar');
const LIB_DIR = path.join(TARGET_DIR, 'lib');
const STAMP = path.join(TARGET_DIR, '.build-stamp');
const BUILD_LOCK = path.join(TARGET_DIR, '.build-lock');

const JAVA_HINT =
  'install it (e.g. apt-get install openjdk-17-jre-headless) or set NEO4J_URI to use an existing Neo4j';

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
    let lastError = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const killOnExit = () => child.kill('SIGTERM');
    process.once('exit', killOnExit);
    // Writing to a JVM that has gone must not crash node.
    child.stdin?.on('error', () => {});

    const timer = setTimeout(() => {
      fail(new EmbeddedNeo4jError(
        `Embedded Neo4j was not ready within ${READY_TIMEOUT_MS / 1000} s: see ${dataDir}/logs/debug.log or set NEO4J_URI to use an existing Neo4j`,
      ));
      child.kill('SIGKILL');
    }, READY_TIMEOUT_MS);

    function fail(err: Error) {
      if (ready) return;
      ready = true; // settle once
      clearTimeout(timer);
      process.removeListener('exit', killOnExit);
      reject(err);
    }

    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = READY.exec(line.trim());
      if (!match || ready) return;
      ready = true;
      clearTimeout(timer);
      log(`Embedded Neo4j ready on ${match[1]} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      // From now on the JVM must not keep node alive by itself; stop() and the exit hook end it.
      child.unref();
      for (const stream of [child.stdin, child.stdout, child.stderr]) unrefStream(stream);
      resolve({ uri: match[1]!, port, stop: () => stop(child, exited, killOnExit) });
    });
    createInterface({ input: child.stderr! }).on('line', (line) => {
      if (!line.trim()) return;
      lastError = line.trim();
      if (ready) log(`neo4j: ${lastError}`);
    });

    child.once('error', (err) => {
      fail(new EmbeddedNeo4jError(`Java 17+ is needed for the embedded Neo4j but ${notRunnable('java', err)}: ${JAVA_HINT}`));
    });
    child.once('exit', () => process.removeListener('exit', killOnExit));
    // 'close' comes after stdout/stderr are drained, so the launcher's one-line explanation is in.
    child.once('close', (code, signal) => {
      if (code === EXIT_PORT_IN_USE) {
        fail(new PortInUse(lastError || `Bolt port ${port} on 127.0.0.1 is in use: choose another port`));
      } else {
        fail(new EmbeddedNeo4jError(
          lastError ||
            `Embedded Neo4j exited (${signal ?? `code ${code}`}) before it was ready: see ${dataDir}/logs/debug.log`,
        ));
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

// ---------------------------------------------------------------------------------------------
// Prerequisites and the one-off Maven build
// ---------------------------------------------------------------------------------------------

let javaChecked: Promise<void> | undefined;

function checkJava(): Promise<void> {
  javaChecked ??= run('java', ['-version'], 30_000).then(
    ({ stderr, stdout }) => {
      const text = `${stderr}\n${stdout}`;
      const match = /version "(\d+)(?:\.(\d+))?/.exec(text);
      const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : NaN;
      if (!(major >= 17)) {
        throw new EmbeddedNeo4jError(
          `Java 17+ is needed for the embedded Neo4j but found ${match ? `Java ${major}` : 'an unknown java'}: ${JAVA_HINT}`,
        );
      }
    },
    (err: unknown) => {
      throw new EmbeddedNeo4jError(`Java 17+ is needed for the embedded Neo4j but ${notRunnable('java', err)}: ${JAVA_HINT}`);
    },
  );
  javaChecked.catch(() => (javaChecked = undefined));
  return javaChecked;
}

let building: Promise<void> | undefined;

function ensureLauncherBuilt(log: (line: string) => void): Promise<void> {
  building ??= buildIfNeeded(log).finally(() => (building = undefined));
  return building;
}

async function buildIfNeeded(log: (line: string) => void): Promise<void> {
  if (await isBuildFresh()) return;
  await withBuildLock(async () => {
    if (await isBuildFresh()) return; // another process built it while we waited
    await run('mvn', ['-v'], 60_000).catch((err: unknown) => {
      throw new EmbeddedNeo4jError(
        `Maven is needed once to build the embedded Neo4j launcher but ${notRunnable('mvn', err)}: install it (e.g. apt-get install maven) or set NEO4J_URI to use an existing Neo4j`,
      );
    });
    log('Building embedded Neo4j launcher (first time, ~20 s)…');
    const started = Date.now();
    // copy-dependencies never deletes: after a version change, stale jars would shadow the new ones on lib/*.
    await rm(STAMP, { force: true });
    await rm(LIB_DIR, { recursive: true, force: true });
    try {
      await run('mvn', ['-q', '-B', '-Dstyle.color=never', 'package'], BUILD_TIMEOUT_MS, PROJECT_DIR);
    } catch (err) {
      const output = err instanceof RunError ? `${err.stdout}\n${err.stderr}` : '';
      // The first specific [ERROR] line (compiler message, unresolvable artifact, ...), without Maven's decoration.
      const firstError = output
        .split('\n')
        .map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trim())
        .filter((l) => l.startsWith('[ERROR]'))
        .map((l) => l.slice('[ERROR]'.length).replace(/\s*-> \[Help \d+\]$/, '').trim())
        .find((l) => l !== '' && !/^COMPILATION ERROR/.test(l));
      throw new EmbeddedNeo4jError(
        `Building the embedded Neo4j launcher failed (mvn -q -B package in ${PROJECT_DIR}): ${
          firstError?.slice(0, 300) ?? errorCode(err)
        }; fix that, or set NEO4J_URI to use an existing Neo4j`,
      );
    }
    await writeFile(STAMP, `${new Date().toISOString()}\n`);
    log(`Built embedded Neo4j launcher in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
}

/** Fresh when jar and lib/ exist and the stamp written after the last build is newer than the pom and sources. */
async function isBuildFresh(): Promise<boolean> {
  try {
    const [stamp, jar, libs] = await Promise.all([stat(STAMP), stat(JAR), readdir(LIB_DIR)]);
    if (!jar.isFile() || !libs.some((f) => f.endsWith('.jar'))) return false;
    const inputs = [path.join(PROJECT_DIR, 'pom.xml'), ...(await listFiles(path.join(PROJECT_DIR, 'src')))];
    const newest = Math.max(...(await Promise.all(inputs.map(async (f) => (await stat(f)).mtimeMs))));
    return stamp.mtimeMs > newest;
  } catch {
    return false;
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])),
  );
  return nested.flat();
}

/** Cross-process lock (mkdir is atomic) so parallel test workers do not run Maven on the same dir. */
async function withBuildLock(fn: () => Promise<void>): Promise<void> {
  await mkdir(TARGET_DIR, { recursive: true });
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    try {
      await mkdir(BUILD_LOCK);
      break;
    } catch (err) {
      if (errorCode(err) !== 'EEXIST') throw err;
      const age = await stat(BUILD_LOCK).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > BUILD_TIMEOUT_MS) await rm(BUILD_LOCK, { recursive: true, force: true }); // left by a crash
      if (Date.now() > deadline) {
        throw new EmbeddedNeo4jError(`Timed out waiting for another build of the embedded Neo4j: remove ${BUILD_LOCK}`);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    await fn();
  } finally {
    await rm(BUILD_LOCK, { recursive: true, force: true });
  }
}

class RunError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly stdout: string,
    readonly stderr: string,
  ) {
    super(message);
  }
}

function run(cmd: string, args: string[], timeout: number, cwd?: string) {
  return new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    execFile(cmd, args, { cwd, timeout, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        const code = typeof err.code === 'string' ? err.code : err.killed ? 'timed out' : `exit code ${err.code}`;
        reject(new RunError(err.message, code, String(stdout), String(stderr)));
      } else {
        resolve({ stdout: String(stdout), stderr: String(stderr) });
      }
    });
  });
}

function notRunnable(cmd: string, err: unknown): string {
  const code = errorCode(err);
  return code === 'ENOENT' ? `${cmd} was not found on PATH` : `${cmd} could not be run (${code})`;
}

function errorCode(err: unknown): string {
  if (err instanceof RunError) return err.code;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
}
