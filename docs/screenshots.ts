/**
 * Makes the screenshots in docs/images/: one per page the server serves (search, dashboard, GraphiQL, a guide),
 * 1366 px wide, with headless Chromium (playwright-core and Debian's /usr/bin/chromium, as the browser tests).
 * Run it against a server on the seed graph, on the embedded default and on loopback, since it signs in as the
 * sample officer through the development sign-in:
 *
 *   PORT=4719 NEO4J_DATA_DIR=/tmp/shots npm start
 *   npx tsx docs/screenshots.ts http://localhost:4719 [search dashboard graphiql guide]
 *
 * (naming shots redoes only those).
 * It waits for /readyz first. Each PNG is reduced to a palette with pngquant when it is installed, so that each
 * stays under 200 KB.
 */
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { openBrowser, runGraphiqlExample, signInContext } from '../test/helpers/browser.js';

const IMAGES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'images');
const VIEWPORT = { width: 1366, height: 900 };
const MAX_BYTES = 200 * 1024;
const READY_WAIT_MS = 15 * 60_000;
const PAGE_WAIT_MS = 120_000;

const ATTEMPTS = 4;

const [url = 'http://localhost:4000', ...only] = process.argv.slice(2);
const base = url.replace(/\/$/, '');

async function waitUntilReady(): Promise<void> {
  const until = Date.now() + READY_WAIT_MS;
  for (;;) {
    const ready = await fetch(`${base}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    if (Date.now() > until) throw new Error(`${base}/readyz did not answer 200 within ${READY_WAIT_MS / 60_000} min`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

async function devToken(identity: string): Promise<string> {
  const response = await fetch(`${base}/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity }),
  });
  const body = (await response.json()) as { token?: string; error?: string };
  if (!body.token)
    throw new Error(`no development token (${response.status} ${body.error ?? ''}): is it the embedded default?`);
  return body.token;
}

/** Each page, and what shows it is drawn. */
const SHOTS: Record<string, (page: Page) => Promise<unknown>> = {
  search: async (page) => {
    await page.goto(`${base}/?q=halfgeleiders&country=Taiwan`);
    await page.waitForSelector('li.expert', { timeout: PAGE_WAIT_MS });
    await page.waitForSelector('.similar h2', { timeout: PAGE_WAIT_MS });
  },
  dashboard: async (page) => {
    await page.goto(`${base}/dashboard`);
    await page.waitForSelector('body[data-loaded]', { timeout: PAGE_WAIT_MS });
    await page.waitForTimeout(1500); // the charts' entry animation
  },
  graphiql: (page) => runGraphiqlExample(page, `${base}/graphql`, PAGE_WAIT_MS),
  guide: (page) => page.goto(`${base}/docs/`),
};

/** Reduces a PNG to a palette with pngquant when it is installed (`apt-get install pngquant`); else keeps it. */
async function shrink(file: string): Promise<void> {
  await promisify(execFile)('pngquant', ['--force', '--skip-if-larger', '--strip', '--output', file, file]).catch(
    (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    },
  );
  const { size } = await stat(file);
  console.log(`${path.relative(process.cwd(), file)}: ${Math.round(size / 1024)} KB`);
  if (size > MAX_BYTES) console.warn(`  over ${MAX_BYTES / 1024} KB: install pngquant, or crop the shot`);
}

await waitUntilReady();
const token = await devToken('sample-officer');
const browser = await openBrowser();
try {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' });
  await signInContext(context, base, token);
  for (const [name, show] of Object.entries(SHOTS).filter(([name]) => !only.length || only.includes(name))) {
    const page = await context.newPage();
    // A busy machine can run a first request past its deadline; the page then shows the error: ask again.
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      await show(page);
      if ((await page.locator('.error').count()) === 0) break;
      console.warn(`${name}: the page shows an error (attempt ${attempt} of ${ATTEMPTS})`);
    }
    const file = path.join(IMAGES, `${name}.png`);
    await page.screenshot({ path: file });
    await shrink(file);
    await page.close();
  }
} finally {
  await browser.close();
}
