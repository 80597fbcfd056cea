// Headless Chromium (Debian package) driven by playwright-core, for browser-level tests.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * How long a browser test waits for something that needs the server: generous, because the whole suite
 * shares two cores with Neo4j and a ranking query can take many seconds then (tests are about behaviour).
 */
export const SERVER_WAIT_MS = 90_000;

/** Locally a missing Chromium skips the browser test (with a note); in CI it must be there (.ci/run installs it). */
export const browserTestsRun = existsSync(CHROMIUM_PATH) || !!process.env.CI;
if (!browserTestsRun) console.warn(`Skipping browser tests: no ${CHROMIUM_PATH} (apt-get install -y chromium).`);

/** An echarts series' data in the page, as the browser tests read it (echarts' model: what was drawn, mark by mark). */
export interface DrawnData {
  count(): number;
  getRawDataItem(index: number): { value: [number, number, number, number]; gap: boolean };
  getItemGraphicEl(index: number): unknown;
  mapDimension(dimension: string): string | undefined;
  mapArray<T>(dimension: string, map: (value: number) => T): T[];
}

/** One of the dashboard's echarts, as the browser tests read it in the page. */
export interface PageChart {
  getModel(): {
    getSeriesByIndex(index: number): { getData(): DrawnData };
    getSeries(): Array<{ subType: string; getData(): DrawnData }>;
  };
  getOption(): Record<string, Array<{ data: unknown[] }>>;
  convertToPixel(finder: { seriesIndex: number }, value: number[]): [number, number];
}

/** The dashboard page's global scope: web/src/dashboard.ts leaves its charts there for the browser tests. */
export type DashboardGlobals = typeof globalThis & {
  dashboardCharts: Record<'coverage' | 'flow' | 'share' | 'themes' | 'countries', PageChart>;
};

export async function openBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}; install it with: apt-get update && apt-get install -y chromium`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // The network is closed: stop Chromium's own background traffic (updates, sync, ...).
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      '--no-first-run',
    ],
  });
}

/**
 * Signs a browser context in as the bearer of `token`, as the pages' token box does: the server exchanges it for a
 * cookie session (POST /auth/session), whose cookie the context keeps for every page and tab of `appUrl`.
 */
export async function signInContext(context: BrowserContext, appUrl: string, token: string): Promise<void> {
  const response = await context.request.post(`${appUrl}/auth/session`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  if (!response.ok()) throw new Error(`Signing the browser in failed: ${response.status()} ${await response.text()}`);
}

/** What `openSignedIn` opens: where, for whom, in which language and width; the page's errors go to `errors`. */
export interface PageToOpen {
  url: string;
  /** A bearer token to sign the browser in with; none for an anonymous visitor. */
  token: string | null;
  locale: string;
  width?: number;
  errors: string[];
  /** Also count the console's errors as the page's (the desk's tests do). */
  consoleErrors?: boolean;
}

/** A page in a browser context of its own (its own cookies, UTC, 900 px high), signed in when given a token. */
export async function openSignedIn(
  browser: Browser,
  open: PageToOpen,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: open.locale,
    timezoneId: 'UTC',
    viewport: { width: open.width ?? 1366, height: 900 },
  });
  context.setDefaultTimeout(SERVER_WAIT_MS);
  if (open.token) await signInContext(context, new URL(open.url).origin, open.token);
  const page = await context.newPage();
  page.on('pageerror', (error) => open.errors.push(error.message));
  if (open.consoleErrors)
    page.on('console', (message) => message.type() === 'error' && open.errors.push(message.text()));
  await page.goto(open.url);
  return { context, page };
}

/**
 * Opens GraphiQL at `url`, runs the query it opens with, and returns the full response text
 * once it holds a "data" or "errors" key.
 */
export async function runGraphiqlExample(page: Page, url: string, timeout = SERVER_WAIT_MS): Promise<string> {
  await page.goto(url, { timeout });
  // Wait for the query editor to hold the default query, else "run" may have nothing to send.
  await page.waitForFunction(editorTextMatching, { selector: '.graphiql-query-editor', pattern: '\\S' }, { timeout });
  return runGraphiqlTab(page, timeout);
}

/** Presses run in GraphiQL and returns the response text once it holds a "data" or "errors" key. */
export async function runGraphiqlTab(page: Page, timeout = SERVER_WAIT_MS): Promise<string> {
  // On a busy machine a click can come before GraphiQL has wired its editors, and then starts nothing:
  // click again until the request runs (the button turns into "Stop") or its response is there.
  for (let attempt = 1; ; attempt++) {
    await page.locator('.graphiql-execute-button').click({ timeout });
    const started = await page
      .waitForFunction(requestStarted, { selector: '.graphiql-response' }, { timeout: 15_000 })
      .then(
        () => true,
        () => false,
      );
    if (started || attempt === 3) break;
  }
  const result = await page.waitForFunction(
    editorTextMatching,
    { selector: '.graphiql-response', pattern: '"(data|errors)"\\s*:' },
    { timeout },
  );
  return (await result.jsonValue()) as string;
}

// Runs in the page (self-contained, as below): whether GraphiQL is running a request, or its response
// editor holds anything.
function requestStarted({ selector }: { selector: string }): boolean {
  if ((document.querySelector('.graphiql-execute-button')?.getAttribute('aria-label') ?? '').startsWith('Stop'))
    return true;
  type Editor = { getContainerDomNode(): Element; getValue(): string };
  const monaco = (globalThis as { __MONACO?: { editor: { getEditors(): Editor[] } } }).__MONACO;
  const container = document.querySelector(selector);
  const editor =
    container && monaco?.editor.getEditors().find((candidate) => container.contains(candidate.getContainerDomNode()));
  return !!editor && editor.getValue().trim() !== '';
}

// Runs in the page (serialised by Playwright, so it must be self-contained): the text of the Monaco editor
// inside `selector` if it matches `pattern`, else false (= keep waiting). Monaco renders only the visible
// lines, so read the whole model through the instance GraphiQL 5 keeps on globalThis.__MONACO.
export function editorTextMatching({ selector, pattern }: { selector: string; pattern: string }): string | false {
  type Editor = { getContainerDomNode(): Element; getValue(): string };
  const monaco = (globalThis as { __MONACO?: { editor: { getEditors(): Editor[] } } }).__MONACO;
  const container = document.querySelector(selector);
  const editor =
    container && monaco?.editor.getEditors().find((candidate) => container.contains(candidate.getContainerDomNode()));
  const text = editor ? editor.getValue() : '';
  return new RegExp(pattern).test(text) ? text : false;
}
