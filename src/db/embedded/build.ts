/** The embedded Neo4j's prerequisites (Java 17+) and the one-off Maven build of its launcher in neo4j/. */
import { execFile } from 'node:child_process';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { EmbeddedNeo4jError } from '../errors.js';

const BUILD_TIMEOUT_MS = 15 * 60_000;

// Relative to this module (src/db/embedded/ or a compiled dist/db/embedded/), never to the working directory.
const PROJECT_DIR = path.resolve(fileURLToPath(new URL('../../../neo4j/', import.meta.url)));
const TARGET_DIR = path.join(PROJECT_DIR, 'target');
export const JAR = path.join(TARGET_DIR, 'embedded-neo4j.jar');
export const LIB_DIR = path.join(TARGET_DIR, 'lib');
const STAMP = path.join(TARGET_DIR, '.build-stamp');
const BUILD_LOCK = path.join(TARGET_DIR, '.build-lock');

export const JAVA_HINT =
  'install it (e.g. apt-get install openjdk-17-jre-headless) or set NEO4J_URI to use an existing Neo4j';

let javaChecked: Promise<void> | undefined;

export function checkJava(): Promise<void> {
  javaChecked ??= run('java', ['-version'], 30_000).then(
    ({ stderr, stdout }) => {
      const text = `${stderr}\n${stdout}`;
      const match = /version "(\d+)(?:\.(\d+))?/.exec(text);
      const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : NaN;
      if (!(major >= 17)) {
        throw new EmbeddedNeo4jError(
          `Java 17+ is needed for the embedded Neo4j but found ${match ? `Java ${major}` : 'an unknown java'}: ` +
            JAVA_HINT,
        );
      }
    },
    (err: unknown) => {
      throw new EmbeddedNeo4jError(
        `Java 17+ is needed for the embedded Neo4j but ${notRunnable('java', err)}: ${JAVA_HINT}`,
      );
    },
  );
  javaChecked.catch(() => (javaChecked = undefined));
  return javaChecked;
}

let building: Promise<void> | undefined;

export function ensureLauncherBuilt(log: (line: string) => void): Promise<void> {
  building ??= buildIfNeeded(log).finally(() => (building = undefined));
  return building;
}

async function buildIfNeeded(log: (line: string) => void): Promise<void> {
  if (await isBuildFresh()) return;
  await withBuildLock(async () => {
    if (await isBuildFresh()) return; // another process built it while we waited
    await run('mvn', ['-v'], 60_000).catch((err: unknown) => {
      throw new EmbeddedNeo4jError(
        `Maven is needed once to build the embedded Neo4j launcher but ${notRunnable('mvn', err)}: install it ` +
          '(e.g. apt-get install maven) or set NEO4J_URI to use an existing Neo4j',
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
        .map((l) => stripVTControlCharacters(l).trim())
        .filter((l) => l.startsWith('[ERROR]'))
        .map((l) =>
          l
            .slice('[ERROR]'.length)
            .replace(/\s*-> \[Help \d+\]$/, '')
            .trim(),
        )
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
    entries.map(async (e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])),
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
      const age = await stat(BUILD_LOCK).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
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
        reject(new RunError(err.message, code, stdout, stderr));
      } else {
        resolve({ stdout, stderr });
      }
    });
  });
}

export function notRunnable(cmd: string, err: unknown): string {
  const code = errorCode(err);
  return code === 'ENOENT' ? `${cmd} was not found on PATH` : `${cmd} could not be run (${code})`;
}

export function errorCode(err: unknown): string {
  if (err instanceof RunError) return err.code;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
}
