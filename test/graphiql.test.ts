// GraphiQL 5 in a real (headless) browser against the running app: the page, its assets, Monaco's workers
// and the example operations all come from the app itself, nothing from a CDN.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer, tokenFor } from './helpers/api.js';
import {
  browserTestsRun,
  editorTextMatching,
  openBrowser,
  runGraphiqlExample,
  runGraphiqlTab,
  SERVER_WAIT_MS,
} from './helpers/browser.js';
import { maybeUnset } from './helpers/maybe-unset.js';
import { axeViolations } from './helpers/axe.js';

describe.runIf(browserTestsRun)('GraphiQL', { timeout: 4 * SERVER_WAIT_MS }, () => {
  const appUrl = testServer().appUrl;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await openBrowser();
    // A fresh context has empty storage, so no saved GraphiQL tabs or sign-in from earlier runs.
    context = await browser.newContext();
    context.setDefaultTimeout(SERVER_WAIT_MS);
  }, 90_000);

  afterAll(async () => {
    await maybeUnset(browser)?.close();
  });

  it('runs the example whoKnows query, loading everything from the app', async () => {
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    const result = await runGraphiqlExample(page, `${appUrl}/graphql`);

    expect(result).toContain('"whoKnows"');
    expect(result).toContain('"edges"');
    expect(result).not.toContain('"errors"');
    // data: URLs (inlined fonts and icons, the empty favicon) never touch the network.
    const origins = new Set(requested.filter((url) => !url.startsWith('data:')).map((url) => new URL(url).origin));
    expect([...origins]).toEqual([new URL(appUrl).origin]);
    // Monaco's workers are the app's own files.
    expect(requested.some((url) => /\/assets\/graphql\.worker-[A-Z0-9]+\.js$/.test(url))).toBe(true);
    expect(pageErrors).toEqual([]);
    await page.screenshot({ path: 'test-results/graphiql.png' });
    await page.close();
  });

  it('leaves nothing for axe to fix, GraphiQL’s shell and editor included', async () => {
    const page = await context.newPage();
    await page.goto(`${appUrl}/graphql`);
    await page.waitForFunction(editorTextMatching, { selector: '.graphiql-query-editor', pattern: 'WhoKnows' });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('has a skip link, the explorer, an example tab for every main task, and sends the signed-in token', async () => {
    const page = await context.newPage();
    await page.goto(`${appUrl}/graphql`);
    await page.waitForFunction(editorTextMatching, { selector: '.graphiql-query-editor', pattern: 'WhoKnows' });

    // The first Tab reaches the skip link; Enter moves the focus past the header to the editor's part of the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('graphiql');

    await page.getByRole('button', { name: 'Show GraphiQL Explorer' }).click();
    await page.locator('.graphiql-explorer-root').waitFor({ state: 'visible' });

    const tabs = await page.locator('.graphiql-tab').allTextContents();
    expect(tabs.join(' ')).toMatch(
      /WhoKnows.*SimilarInquiries.*RecordInquiry.*InquiryStatus.*UpdateExpertise.*Coverage.*CoverageCell.*Dashboard/,
    );

    // Sign in as an officer by pasting a token, then record an inquiry from its example tab.
    const token = await tokenFor({ subject: 'graphiql-officer', name: 'GraphiQL officer', roles: ['officer'] });
    await page.locator('.signin-token').fill(token);
    await Promise.all([page.waitForEvent('load'), page.locator('form.signin button[type=submit]').click()]);
    expect(await page.locator('.signin-who').textContent()).toContain('GraphiQL officer');
    await page.getByRole('button', { name: 'RecordInquiry', exact: true }).click();
    await page.waitForFunction(editorTextMatching, {
      selector: '.graphiql-query-editor',
      pattern: 'mutation RecordInquiry',
    });
    const result = await runGraphiqlTab(page);
    expect(result).toContain('"recordInquiry"');
    expect(result).not.toContain('"errors"');

    // The Examples panel opens an example in a tab of its own.
    await page.getByRole('button', { name: 'Show Examples' }).click();
    await page.locator('button.example-open[data-example="coverage"]').click();
    await page.waitForFunction(editorTextMatching, {
      selector: '.graphiql-query-editor',
      pattern: 'query Coverage\\(',
    });
    const coverage = await runGraphiqlTab(page);
    expect(coverage).toContain('"gaps"');
    expect(coverage).not.toContain('"errors"');
    await page.screenshot({ path: 'test-results/graphiql-examples.png' });
    await page.close();
  });
});
