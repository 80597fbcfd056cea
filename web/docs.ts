/**
 * The project's markdown (README.md and docs/*.md) as HTML pages, so that a page's link to its guide works on
 * the running server, offline, under the pages' CSP. web/build.ts writes them into web/dist/docs/ with the
 * images of docs/images/; src/http/pages.ts serves them at /docs/. markdown-it renders with raw HTML off (no
 * markup or script in a document gets through); headings get the ids GitHub gives them, and links between the
 * documents are rewritten to the rendered files, so a link that works on GitHub works here.
 * test/unit/docs-links.test.ts checks every relative link and anchor with the same parser.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import MarkdownIt, { type Token } from 'markdown-it';

/** Where the rendered documents go, inside the build's folder and under the server's root. */
export const DOCS_OUT = 'docs';
const IMAGES = 'docs/images';
const STYLESHEET = 'web/src/docs.css';

const markdown = new MarkdownIt({ html: false, linkify: false });

/** The markdown files rendered, as repository paths: the top README and every docs/*.md. */
export async function docSources(root: string): Promise<string[]> {
  const docs = (await readdir(path.join(root, 'docs'))).filter((name) => name.endsWith('.md')).sort();
  return ['README.md', ...docs.map((name) => `docs/${name}`)];
}

/** The rendered file (relative to the build's folder) of a repository path, if it is rendered or copied. */
export function renderedPath(repoPath: string, sources: readonly string[]): string | undefined {
  if (repoPath === 'README.md') return `${DOCS_OUT}/readme.html`;
  if (repoPath === 'docs/README.md') return `${DOCS_OUT}/index.html`;
  if (sources.includes(repoPath)) return `${DOCS_OUT}/${path.posix.basename(repoPath, '.md')}.html`;
  if (repoPath.startsWith(`${IMAGES}/`)) return repoPath;
  return undefined;
}

/** GitHub's heading ids: lower case, punctuation dropped, spaces as hyphens; a repeated one gets -1, -2, … */
export function headingSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count ? `${base}-${count}` : base;
  };
}

const inlineText = (inline: Token | undefined): string =>
  (inline?.children ?? [])
    .filter((child) => child.type === 'text' || child.type === 'code_inline')
    .map((child) => child.content)
    .join('');

/** Walks the parsed document: each heading with its inline content, each link or image target. */
function parse(source: string) {
  const tokens = markdown.parse(source, {});
  const slug = headingSlugger();
  const headings = tokens.flatMap((token, i) =>
    token.type === 'heading_open' ? [{ token, id: slug(inlineText(tokens[i + 1])) }] : [],
  );
  const targets = tokens
    .flatMap((token) => token.children ?? [])
    .filter((child) => child.type === 'link_open' || child.type === 'image');
  return { tokens, headings, targets };
}

const targetOf = (token: Token): string => String(token.attrGet(token.type === 'image' ? 'src' : 'href') ?? '');

/** A target on another site or scheme (https:, mailto:), which no check or rewrite touches. */
export const isExternal = (target: string): boolean => /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(target);

/** The ids of a document's headings, as GitHub makes them. */
export function headingIds(source: string): Set<string> {
  return new Set(parse(source).headings.map((heading) => heading.id));
}

/** Every link and image target of a document that is not external: `file#anchor`, `file` or `#anchor`. */
export function relativeTargets(source: string): string[] {
  return parse(source)
    .targets.map(targetOf)
    .filter((target) => !isExternal(target));
}

/** A relative target split into the repository path it names (from `from`, a repository path) and its anchor. */
export function resolveTarget(from: string, target: string): { repoPath: string; anchor: string } {
  const hash = target.indexOf('#');
  const file = hash < 0 ? target : target.slice(0, hash);
  const anchor = hash < 0 ? '' : target.slice(hash + 1);
  return { repoPath: file ? path.posix.join(path.posix.dirname(from), file) : from, anchor };
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The links atop every guide: the pages, and the guides' index. */
const NAVIGATION =
  '<header class="docs-header"><nav><a href="/">Search</a> <a href="/dashboard">Dashboard</a> ' +
  '<a href="/graphql">GraphiQL</a> <a href="index.html">Guides</a></nav></header>';

/** One document as a whole HTML page, its links pointing at the other rendered documents. */
export function renderDoc(repoPath: string, source: string, sources: readonly string[]): string {
  const { tokens, headings } = parse(source);
  for (const { token, id } of headings) token.attrSet('id', id);
  const rewrite = (token: Token): void => {
    const target = targetOf(token);
    if (isExternal(target) || target.startsWith('#')) return;
    const { repoPath: targetPath, anchor } = resolveTarget(repoPath, target);
    const rendered = renderedPath(targetPath, sources);
    const url = rendered && path.posix.relative(DOCS_OUT, rendered) + (anchor ? `#${anchor}` : '');
    if (token.type === 'image') token.attrSet('src', url ?? target);
    else if (url) token.attrSet('href', url);
    else unlink(token, targetPath);
  };
  for (const block of tokens) {
    const opened: Token[] = [];
    for (const child of block.children ?? []) {
      if (child.type === 'image') rewrite(child);
      if (child.type === 'link_open') {
        rewrite(child);
        opened.push(child);
      }
      // markdown-it renders link_close by its tag: an unlinked link closes its span.
      if (child.type === 'link_close') child.tag = opened.pop()?.tag ?? child.tag;
    }
  }
  const title = headings[0] ? inlineText(tokens[tokens.indexOf(headings[0].token) + 1]) : repoPath;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — expertise graph</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="docs.css">
</head>
<body>
<a class="skip-link" href="#main-content">Skip to main content</a>
${NAVIGATION}
<main class="docs" id="main-content" tabindex="-1">
${markdown.renderer.render(tokens, markdown.options, {})}</main>
</body>
</html>
`;
}

/** A link to a file the server does not have (a source file, the schema) becomes its path as plain text. */
function unlink(open: Token, repoPath: string): void {
  open.tag = 'span';
  open.attrs = [
    ['class', 'repo-path'],
    ['title', `in the repository: ${repoPath}`],
  ];
}

/** Renders every document into `outDir`/docs, with the images and the stylesheet. */
export async function writeDocs(root: string, outDir: string): Promise<void> {
  const sources = await docSources(root);
  await mkdir(path.join(outDir, IMAGES), { recursive: true });
  const images = await readdir(path.join(root, IMAGES)).catch(() => []);
  await Promise.all([
    ...sources.map(async (source) => {
      const target = renderedPath(source, sources);
      if (target === undefined) throw new Error(`No rendered path for ${source}, one of the sources`);
      await writeFile(
        path.join(outDir, target),
        renderDoc(source, await readFile(path.join(root, source), 'utf8'), sources),
      );
    }),
    ...images.map((image) => copyFile(path.join(root, IMAGES, image), path.join(outDir, IMAGES, image))),
    copyFile(path.join(root, STYLESHEET), path.join(outDir, DOCS_OUT, 'docs.css')),
  ]);
}
