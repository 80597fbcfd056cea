/**
 * Bundles the pages (web/src) with esbuild into web/dist/, which the app serves (src/http/pages.ts): the
 * search page, the dashboard, the desk, GraphiQL 5 and Monaco's workers, with echarts, React and GraphiQL inside, so
 * that nothing comes from a CDN; and the guides (docs/*.md, README.md) as HTML in web/dist/docs/ (web/docs.ts).
 * `npm ci` runs it (the `prepare` script); the app and the tests call
 * `ensureWebBuilt()`, which rebuilds only when the sources or the installed packages changed since.
 *
 * `tsx web/build.ts` builds when stale; `--force` always.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { writeDocs } from './docs.js';

const WEB = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(WEB);
export const WEB_DIST = path.join(WEB, 'dist');
export const MANIFEST = 'manifest.json';

/** An entry's files under their content-hashed names (`search-5KX2ZQ.js`), flat in web/dist. */
export interface BuiltEntry {
  script: string;
  /** The CSS the entry imports, bundled (pages only). */
  style?: string;
}

export interface WebManifest {
  /** Hash of everything the bundles are made from: a different one means stale. */
  inputs: string;
  /** Every file in the folder, by its path there (`search-5KX2ZQ.js`, `docs/api.html`): the server's allow-list. */
  files: string[];
  /** The pages' and workers' entries by name (`search`, `editor.worker`): what a page's HTML refers to. */
  entries: Record<string, BuiltEntry>;
}

const PAGES = ['search', 'dashboard', 'desk', 'profile', 'faq', 'graphiql'];
/**
 * Parts a page loads after its first paint, by the address its options give (src/http/pages.ts): GraphiQL's
 * editor (React, GraphiQL, Monaco), with a stylesheet of its own, so that neither its script nor its CSS holds up
 * the page's first paint (CSS that a dynamic import() brings in would go into the page's own stylesheet).
 */
const LATER_PARTS = ['graphiql-editor'];
const WORKERS: Record<string, string> = {
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(full) : [full];
    }),
  );
  return nested.flat().sort();
}

/**
 * The sources (the pages' and the message catalogue), the operations, the documents, these scripts and the lock file
 * (the installed packages' versions).
 */
async function inputsHash(): Promise<string> {
  const files = [
    ...(await filesUnder(path.join(WEB, 'src'))),
    ...(await filesUnder(path.join(WEB, 'operations'))),
    // The message catalogue the pages share with the API.
    ...(await filesUnder(path.join(ROOT, 'src', 'messages'))),
    ...(await filesUnder(path.join(ROOT, 'docs'))),
    path.join(ROOT, 'README.md'),
    path.join(WEB, 'build.ts'),
    path.join(WEB, 'docs.ts'),
    path.join(ROOT, 'package-lock.json'),
  ];
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(path.relative(ROOT, file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  return hash.digest('hex');
}

export async function readManifest(dir = WEB_DIST): Promise<WebManifest | null> {
  try {
    return JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as WebManifest;
  } catch {
    return null;
  }
}

/**
 * The entries' hashed output files, from esbuild's metafile: an output built from an entry point is named
 * `<entry name>-<hash>.js` (entryNames), its CSS is its `cssBundle`.
 */
function builtEntries(metafile: esbuild.Metafile, names: string[], out: string): Record<string, BuiltEntry> {
  const relative = (built: string) => path.relative(out, path.resolve(ROOT, built)).split(path.sep).join('/');
  const entries: Record<string, BuiltEntry> = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    const name = /^(.+)-[A-Z0-9]+\.js$/.exec(path.basename(file))?.[1];
    if (output.entryPoint === undefined || name === undefined || !names.includes(name)) continue;
    entries[name] = { script: relative(file), ...(output.cssBundle ? { style: relative(output.cssBundle) } : {}) };
  }
  const missing = names.filter((name) => !(name in entries));
  if (missing.length > 0) throw new Error(`esbuild's metafile names no output for ${missing.join(', ')}`);
  return entries;
}

/** Builds into a fresh folder and swaps it in whole, so the server never serves half a build. */
export async function buildWeb(): Promise<WebManifest> {
  const inputs = await inputsHash();
  const out = `${WEB_DIST}.building-${process.pid}`;
  await rm(out, { recursive: true, force: true });
  const common: esbuild.BuildOptions = {
    bundle: true,
    minify: true,
    legalComments: 'linked',
    target: ['chrome120', 'firefox120', 'safari17'],
    outdir: out,
    logLevel: 'warning',
    absWorkingDir: ROOT,
    define: { 'process.env.NODE_ENV': '"production"' },
    // Every name carries a hash of its content, so that the server can let browsers keep a file for a year: a
    // new build is new names (src/http/pages.ts).
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    loader: { '.graphql': 'text', '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'dataurl' },
  };
  const pages = Object.fromEntries(
    [...PAGES, ...LATER_PARTS].map((page) => [page, path.join(WEB, 'src', `${page}.ts`)]),
  );
  const [pagesBuilt, workersBuilt] = await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: pages,
      // ES modules split into parts: code the pages share is a file of its own, and so is each dynamic import().
      format: 'esm',
      splitting: true,
      metafile: true,
    }),
    // Workers run as classic scripts: one file each, nothing shared.
    esbuild.build({ ...common, entryPoints: WORKERS, format: 'iife', metafile: true }),
    writeDocs(ROOT, out),
  ]);
  const files = (await filesUnder(out)).map((file) => path.relative(out, file).split(path.sep).join('/'));
  const manifest: WebManifest = {
    inputs,
    files,
    entries: {
      ...builtEntries(pagesBuilt.metafile, [...PAGES, ...LATER_PARTS], out),
      ...builtEntries(workersBuilt.metafile, Object.keys(WORKERS), out),
    },
  };
  await writeFile(path.join(out, MANIFEST), JSON.stringify(manifest, null, 2));
  // Another process may have swapped in the same build meanwhile: the last one wins, both are whole.
  await rm(WEB_DIST, { recursive: true, force: true });
  await rename(out, WEB_DIST).catch(async (error: unknown) => {
    await rm(out, { recursive: true, force: true });
    if (!existsSync(path.join(WEB_DIST, MANIFEST))) throw error;
  });
  return manifest;
}

/** Builds unless web/dist holds a build of exactly the current sources; returns whether it built. */
export async function ensureWebBuilt(): Promise<boolean> {
  const [manifest, inputs] = await Promise.all([readManifest(), inputsHash()]);
  if (manifest?.inputs === inputs) return false;
  await buildWeb();
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const force = process.argv.includes('--force');
  (force ? buildWeb().then(() => true) : ensureWebBuilt()).then(
    (built) =>
      console.log(
        built
          ? `Pages built into web/dist in ${Math.round(performance.now() - started)} ms.`
          : 'Pages in web/dist are up to date.',
      ),
    (error: unknown) => {
      console.error(`Building the pages failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
