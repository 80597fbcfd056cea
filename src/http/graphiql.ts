// GraphiQL served by the app itself: the page and its assets come from node_modules,
// so the IDE works offline and needs no CDN.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GraphiqlPageOptions {
  endpoint: string;
  defaultQuery: string;
  defaultVariables?: string;
  defaultHeaders?: string;
  title?: string;
}

export const GRAPHIQL_ASSET_PREFIX = '/graphiql/';

/**
 * A policy the page satisfies: no inline script, everything from 'self'.
 * style-src needs 'unsafe-inline' only because GraphiQL's dialogs inject a small <style>
 * (react-remove-scroll-bar); fonts are data: URIs inside graphiql.min.css.
 * Optional: send it as a Content-Security-Policy header with the HTML page.
 */
export const GRAPHIQL_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const require = createRequire(import.meta.url);
// Resolve via package.json: graphiql's "exports" map does not expose graphiql.min.js itself.
const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

// The allow-list: URL file name -> file on disk. Nothing else is ever read.
const ASSETS = new Map<string, { file: () => string; contentType: string }>([
  ['react.production.min.js', { file: () => join(packageDir('react'), 'umd/react.production.min.js'), contentType: JS }],
  ['react-dom.production.min.js', { file: () => join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), contentType: JS }],
  ['graphiql.min.js', { file: () => join(packageDir('graphiql'), 'graphiql.min.js'), contentType: JS }],
  ['graphiql.min.css', { file: () => join(packageDir('graphiql'), 'graphiql.min.css'), contentType: CSS }],
  ['bootstrap.js', { file: () => fileURLToPath(new URL('./graphiql-bootstrap.js', import.meta.url)), contentType: JS }],
]);

// Promises rather than buffers, so concurrent first requests share one read.
const cache = new Map<string, Promise<Buffer>>();

/** For GET requests under GRAPHIQL_ASSET_PREFIX; undefined for anything not allow-listed. */
export async function readGraphiqlAsset(urlPath: string): Promise<{ body: Buffer; contentType: string } | undefined> {
  const path = urlPath.split(/[?#]/, 1)[0] ?? '';
  if (!path.startsWith(GRAPHIQL_ASSET_PREFIX)) return undefined;
  const name = path.slice(GRAPHIQL_ASSET_PREFIX.length);
  const asset = ASSETS.get(name); // exact match: no traversal possible
  if (!asset) return undefined;

  let body = cache.get(name);
  if (!body) {
    body = readFile(asset.file());
    cache.set(name, body);
    body.catch(() => cache.delete(name)); // don't cache a failure (e.g. missing package)
  }
  return { body: await body, contentType: asset.contentType };
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// JSON inside <script>: escaping '<' stops "</script>" or "<!--" in a query from ending the element.
// U+2028/2029 are escaped too so the text stays valid if someone ever evaluates it as JS.
const jsonForScript = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * Full HTML document. No inline script: bootstrap.js reads the options from the JSON element.
 * The empty data: icon stops the browser asking for /favicon.ico.
 */
export function renderGraphiqlPage(opts: GraphiqlPageOptions): string {
  const p = GRAPHIQL_ASSET_PREFIX;
  const options = {
    endpoint: opts.endpoint,
    defaultQuery: opts.defaultQuery,
    defaultVariables: opts.defaultVariables,
    defaultHeaders: opts.defaultHeaders,
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title ?? 'GraphiQL')}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${p}graphiql.min.css">
<script src="${p}react.production.min.js" defer></script>
<script src="${p}react-dom.production.min.js" defer></script>
<script src="${p}graphiql.min.js" defer></script>
<script src="${p}bootstrap.js" defer></script>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script type="application/json" id="graphiql-options">${jsonForScript(options)}</script>
</body>
</html>
`;
}
