// Headless Chromium (Debian package) driven by playwright-core, for browser-level tests.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM_PATH = '/usr/bin/chromium';

/** Locally a missing Chromium skips the browser test (with a note); in CI it must be there (.ci/run installs it). */
export const browserTestsRun = existsSync(CHROMIUM_PATH) || !!process.env.CI;
if (!browserTestsRun) console.warn(`Skipping browser tests: no ${CHROMIUM_PATH} (apt-get install -y chromium).`);

export async function openBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}; install it with: apt-get update && apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // The network is closed: stop Chromium's own background traffic (updates, sync, ...).
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--no-first-run'],
  });
}

/**
 * Opens GraphiQL at `url`, runs the query it opens with, and returns the full response text
 * once it holds a "data" or "errors" key.
 */
export async function runGraphiqlExample(page: Page, url: string): Promise<string> {
  const timeout = 30_000;
  await page.goto(url, { timeout });
  // Wait for the query editor to hold the default query, else "run" may have nothing to send.
  await page.waitForFunction(editorTextMatching, { selector: '.graphiql-query-editor', pattern: '\\S' }, { timeout });
  await page.locator('.graphiql-execute-button').click({ timeout });
  const result = await page.waitForFunction(
    editorTextMatching,
    { selector: '.result-window', pattern: '"(data|errors)"\\s*:' },
    { timeout },
  );
  return (await result.jsonValue()) as string;
}

// Runs in the page (serialised by Playwright, so it must be self-contained): the editor's text
// if it matches `pattern`, else false (= keep waiting). GraphiQL 3 editors are CodeMirror 5, which
// renders only the visible lines, so read the whole document from the instance on the wrapper element.
function editorTextMatching({ selector, pattern }: { selector: string; pattern: string }): string | false {
  const el = document.querySelector(`${selector} .CodeMirror`) as (Element & { CodeMirror?: { getValue(): string } }) | null;
  const text = el?.CodeMirror?.getValue() ?? '';
  return new RegExp(pattern).test(text) ? text : false;
}
