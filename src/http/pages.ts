// The browser pages, served by the app from the bundles in web/dist (built by `npm ci` or at start, see
// web/build.ts): the search page at /, the dashboard at /dashboard, the desk at /desk, the FAQ at /faq (an article
// at /faq/<slug>), an expert's profile at /experts/<slug> and GraphiQL at /graphql (GraphiQL 5 with the explorer
// plugin, the example operations and the pages' sign-in, from web/src/graphiql.ts), with their scripts, styles, fonts
// and Monaco workers under /assets/, and the guides (the docs rendered to HTML) under /docs/. Nothing comes from
// elsewhere, so they work offline.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { ROOT_DIR } from '../config.js';
import type { BuiltEntry, WebManifest } from '../../web/build.js';

export const ASSET_PREFIX = '/assets/';
export const DOCS_PREFIX = '/docs/';
/** An expert's profile is at this prefix and their slug. */
export const EXPERT_PAGE_PREFIX = '/experts/';
/** An FAQ article is at this prefix and its slug. */
export const FAQ_PAGE_PREFIX = '/faq/';
export const WEB_DIST_DIR = path.join(ROOT_DIR, 'web', 'dist');

export interface PageSpec {
  title: string;
  /** The page's entry in the build (web/build.ts): its script and stylesheet, by their hashed names. */
  entry: string;
  /** Entries the page loads later (GraphiQL's editor and Monaco's workers): their addresses go in its options. */
  later?: readonly string[];
  /** The page's elements: a header for the navigation and sign-in, and where the page draws. */
  body: string;
  /** The id of the body's main element, where the skip link moves the focus. */
  main: string;
  contentSecurityPolicy: string;
  /** Its reader's guide, under /docs/: the header links to it. */
  guide: string;
}

/** No inline script or style, nothing from another origin; the pages talk only to this server. */
const PAGE_DIRECTIVES: Record<string, string> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};
const contentSecurityPolicy = (directives: Record<string, string>) =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
const PAGE_CSP = contentSecurityPolicy(PAGE_DIRECTIVES);

/**
 * As the other pages, plus what GraphiQL's editor (Monaco) needs: its workers come from this origin
 * (worker-src 'self'), and it injects <style> elements (style-src 'unsafe-inline'); its icon font is a file of ours.
 */
const GRAPHIQL_CSP = contentSecurityPolicy({
  ...PAGE_DIRECTIVES,
  'style-src': "'self' 'unsafe-inline'",
  'worker-src': "'self'",
  'font-src': "'self' data:",
});

const PAGES = new Map<string, PageSpec>([
  [
    '/',
    {
      title: 'Expertise graph — who knows?',
      entry: 'search',
      body: '<header id="header"></header>\n<main id="app" tabindex="-1"></main>',
      main: 'app',
      contentSecurityPolicy: PAGE_CSP,
      guide: `${DOCS_PREFIX}officers.html`,
    },
  ],
  [
    '/dashboard',
    {
      title: 'Expertise graph — dashboard',
      entry: 'dashboard',
      body: '<header id="header"></header>\n<main id="app" tabindex="-1"></main>',
      main: 'app',
      contentSecurityPolicy: PAGE_CSP,
      guide: `${DOCS_PREFIX}dashboards.html`,
    },
  ],
  [
    '/desk',
    {
      title: 'Expertise graph — inquiry desk',
      entry: 'desk',
      body: '<header id="header"></header>\n<main id="app" tabindex="-1"></main>',
      main: 'app',
      contentSecurityPolicy: PAGE_CSP,
      guide: `${DOCS_PREFIX}handlers.html`,
    },
  ],
  [
    '/faq',
    {
      title: 'Expertise graph — frequently asked questions',
      entry: 'faq',
      body: '<header id="header"></header>\n<main id="app" tabindex="-1"></main>',
      main: 'app',
      contentSecurityPolicy: PAGE_CSP,
      guide: `${DOCS_PREFIX}officers.html`,
    },
  ],
  [
    '/graphql',
    {
      title: 'Expertise graph — GraphiQL',
      entry: 'graphiql',
      later: ['graphiql-editor', 'editor.worker', 'json.worker', 'graphql.worker'],
      body:
        '<header id="header" class="graphiql-header"></header>\n' +
        '<main id="graphiql" tabindex="-1">Loading GraphiQL…</main>',
      main: 'graphiql',
      contentSecurityPolicy: GRAPHIQL_CSP,
      guide: `${DOCS_PREFIX}api.html`,
    },
  ],
]);

/** One page for every expert: the script reads the slug from the address. */
const EXPERT_PAGE: PageSpec = {
  title: 'Expertise graph — expert',
  entry: 'profile',
  body: '<header id="header"></header>\n<main id="app" tabindex="-1"></main>',
  main: 'app',
  contentSecurityPolicy: PAGE_CSP,
  guide: `${DOCS_PREFIX}officers.html`,
};

/**
 * The slug an expert is found under now (a merged expert's old slug gives the kept one's), or null when no expert
 * (or only an erased one) has it.
 */
export type FindExpert = (slug: string) => Promise<string | null>;

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// JSON inside <script>: escaping '<' stops "</script>" or "<!--" from ending the element.
const jsonForScript = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** An entry of the build at its addresses under /assets/. */
const addressed = (entry: BuiltEntry): BuiltEntry => ({
  script: `${ASSET_PREFIX}${entry.script}`,
  ...(entry.style ? { style: `${ASSET_PREFIX}${entry.style}` } : {}),
});

/**
 * A page's HTML: its bundle (by the hashed names of the build's `entries`), a skip link to its main element
 * (its text in the page's language is set by the script, web/src/lib/skip-link.ts), and its options with its guide
 * and the addresses of the parts it loads later as a JSON element (read by the script; no inline script).
 */
export function renderPage(spec: PageSpec, options: object, entries: WebManifest['entries']): string {
  const built = (name: string) => {
    const entry = entries[name];
    if (!entry) throw new Error(`The build has no entry ${name}: rebuild with \`npm run build:web\``);
    return addressed(entry);
  };
  const { script, style } = built(spec.entry);
  const later = spec.later && { entries: Object.fromEntries(spec.later.map((name) => [name, built(name)])) };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(spec.title)}</title>
<link rel="icon" href="data:,">
${style ? `<link rel="stylesheet" href="${style}">\n` : ''}<script type="module" src="${script}"></script>
</head>
<body>
<a class="skip-link" href="#${spec.main}">Skip to main content</a>
${spec.body}
<script type="application/json" id="page-options">${jsonForScript({ ...options, ...later, guide: spec.guide })}</script>
</body>
</html>
`;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
};

interface Asset {
  body: Buffer;
  contentType: string;
  etag: string;
}

interface Build {
  files: Set<string>;
  entries: WebManifest['entries'];
}

/**
 * Serves the bundles of one build. The allow-list is the build's own manifest (web/dist/manifest.json: every
 * file it wrote, by name); a name must match exactly, so no path leaves the folder.
 */
export class PageAssets {
  private manifest: Promise<Build> | null = null;
  private readonly cache = new Map<string, Promise<Asset>>();

  constructor(private readonly dir = WEB_DIST_DIR) {}

  private build(): Promise<Build> {
    this.manifest ??= readFile(path.join(this.dir, 'manifest.json'), 'utf8').then(
      (text) => {
        const { files, entries } = JSON.parse(text) as WebManifest;
        return { files: new Set(files), entries };
      },
      (error: unknown) => {
        this.manifest = null; // not built yet: look again next time
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { files: new Set<string>(), entries: {} };
        throw error;
      },
    );
    return this.manifest;
  }

  /** The build's pages and workers by entry name, for the pages' HTML to refer to. */
  async entries(): Promise<WebManifest['entries']> {
    return (await this.build()).entries;
  }

  async read(name: string): Promise<Asset | undefined> {
    const contentType = CONTENT_TYPES[path.extname(name)];
    if (!(await this.build()).files.has(name) || contentType === undefined) return undefined;
    let asset = this.cache.get(name);
    if (!asset) {
      asset = readFile(path.join(this.dir, name)).then((body) => ({
        body,
        contentType,
        etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      }));
      this.cache.set(name, asset);
      asset.catch(() => this.cache.delete(name));
    }
    return asset;
  }

  /** Whether the build is there at all (a page without its bundle would be blank). */
  async built(): Promise<boolean> {
    return (await this.build()).files.size > 0;
  }
}

function send(res: http.ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

const NOT_BUILT = 'The pages are not built: run `npm run build:web` (npm ci does it), then reload.';

/**
 * The bundles' names carry a hash of their content (web/build.ts): a browser may keep one for a year and never ask
 * again, since a changed file is a new name, and the pages that name them are revalidated at every load.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages and guides keep their addresses from build to build: a browser asks again each time (304 if unchanged). */
export const REVALIDATE = 'no-cache';

/** A file of the build, cached as `cacheControl` says, and revalidated by content. */
function sendAsset(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  asset: Asset,
  cacheControl: string,
  extraHeaders: Record<string, string> = {},
): void {
  const headers = {
    'content-type': asset.contentType,
    'cache-control': cacheControl,
    etag: asset.etag,
    'x-content-type-options': 'nosniff',
    ...extraHeaders,
  };
  if (req.headers['if-none-match'] === asset.etag) res.writeHead(304, headers).end();
  else send(res, 200, headers, asset.body);
}

const isRead = (req: http.IncomingMessage) => req.method === 'GET' || req.method === 'HEAD';

const PAGE_HEADERS = (spec: PageSpec) => ({
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': spec.contentSecurityPolicy,
  'cache-control': REVALIDATE,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
});

/**
 * Answers a GET for a page, a guide or an asset, or returns false for anything else. `pageOptions` goes into
 * every page (which development sign-ins the server offers). `findExpert` decides an expert page's status: 404
 * for an unknown slug (the page says so in its reader's language), a redirect from a merged expert's slug.
 */
export function createPageRoutes(pageOptions: object, findExpert: FindExpert, assets = new PageAssets()) {
  const render = async (spec: PageSpec) => renderPage(spec, pageOptions, await assets.entries());

  /** An expert's profile: the one shell for every slug, with the status the slug deserves. */
  async function expert(res: http.ServerResponse, pathname: string): Promise<void> {
    let slug: string;
    try {
      slug = decodeURIComponent(pathname.slice(EXPERT_PAGE_PREFIX.length));
    } catch {
      slug = '';
    }
    // Unanswered (the database is down or slow): the page still comes, and says what its own request hears.
    const current = slug && !slug.includes('/') ? await findExpert(slug).catch(() => undefined) : null;
    if (current === undefined) {
      send(res, 503, { ...PAGE_HEADERS(EXPERT_PAGE), 'retry-after': '10' }, await render(EXPERT_PAGE));
      return;
    }
    if (current !== null && current !== slug) {
      res.writeHead(301, { location: `${EXPERT_PAGE_PREFIX}${encodeURIComponent(current)}` }).end();
      return;
    }
    send(res, current === null ? 404 : 200, PAGE_HEADERS(EXPERT_PAGE), await render(EXPERT_PAGE));
  }

  /** A guide (or its image or stylesheet) from web/dist/docs/, under the pages' CSP; /docs/ is the index. */
  async function doc(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<boolean> {
    if (pathname === DOCS_PREFIX.slice(0, -1)) {
      res.writeHead(301, { location: DOCS_PREFIX }).end();
      return true;
    }
    const asset = await assets.read((pathname === DOCS_PREFIX ? `${DOCS_PREFIX}index.html` : pathname).slice(1));
    if (!asset) return false;
    sendAsset(req, res, asset, REVALIDATE, {
      'content-security-policy': PAGE_CSP,
      'referrer-policy': 'no-referrer',
    });
    return true;
  }

  return {
    /** A browser asking /graphql for HTML gets GraphiQL; any other request there is the API's. */
    async page(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<boolean> {
      if (!isRead(req)) return false;
      if (pathname.startsWith(DOCS_PREFIX.slice(0, -1))) return doc(req, res, pathname);
      // An FAQ article (/faq/<slug>) is the FAQ page's shell: its script reads the slug and says when none has it.
      const spec = PAGES.get(pathname.startsWith(FAQ_PAGE_PREFIX) ? '/faq' : pathname);
      const isExpert = pathname.startsWith(EXPERT_PAGE_PREFIX) && pathname.length > EXPERT_PAGE_PREFIX.length;
      if (!spec && !isExpert) return false;
      if (!(await assets.built())) {
        send(res, 503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '10' }, NOT_BUILT);
        return true;
      }
      if (spec) send(res, 200, PAGE_HEADERS(spec), await render(spec));
      else await expert(res, pathname);
      return true;
    },
    async asset(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<boolean> {
      if (!pathname.startsWith(ASSET_PREFIX) || !isRead(req)) return false;
      const name = pathname.slice(ASSET_PREFIX.length);
      // The bundles lie flat; the build's docs/ folder is served by the guides' route, under their CSP.
      const asset = name.includes('/') ? undefined : await assets.read(name);
      if (!asset) return false;
      sendAsset(req, res, asset, IMMUTABLE);
      return true;
    },
  };
}
