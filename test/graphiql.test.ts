// GraphiQL in a real (headless) browser against the running app: the page, its assets and
// the example query all come from the app itself, nothing from a CDN.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserTestsRun, openBrowser, runGraphiqlExample } from './helpers/browser.js';

describe.runIf(browserTestsRun)('GraphiQL', { timeout: 90_000 }, () => {
  const appUrl = inject('appUrl');
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await openBrowser();
    // A fresh context has empty localStorage, so no saved GraphiQL tabs from earlier runs.
    context = await browser.newContext();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('runs the example whoKnows query, loading everything from the app', async () => {
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));

    const result = await runGraphiqlExample(page, `${appUrl}/graphql`);

    expect(result).toContain('"whoKnows"');
    expect(result).toContain('"edges"');
    expect(result).not.toContain('"errors"');
    // data: URLs (GraphiQL's inlined fonts, the empty favicon) never touch the network.
    const origins = new Set(requested.filter((url) => !url.startsWith('data:')).map((url) => new URL(url).origin));
    expect([...origins]).toEqual([new URL(appUrl).origin]);
  });
});
