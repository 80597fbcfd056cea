// GraphiQL 5 (with the explorer plugin, the example operations and the pages' sign-in), bundled by
// web/build.ts from web/src/graphiql.ts and served by src/http/pages.ts like the other pages.
import type { PageSpec } from './pages.js';

/**
 * As the other pages, plus what Monaco needs: its workers come from this origin (worker-src 'self'), and it
 * injects <style> elements (style-src 'unsafe-inline'); its icon font is a file of ours.
 */
export const GRAPHIQL_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const GRAPHIQL_PAGE: PageSpec = {
  title: 'Expertise graph — GraphiQL',
  script: 'graphiql',
  body: '<header id="header" class="graphiql-header"></header>\n<div id="graphiql">Loading GraphiQL…</div>',
  contentSecurityPolicy: GRAPHIQL_CONTENT_SECURITY_POLICY,
  guide: '/docs/api.html',
};
