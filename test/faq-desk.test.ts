// The desk's FAQ panel in real headless Chromium: a handler drafts an article from an answered inquiry (the editor
// filled from it, the preview showing what would be published), submits it; their own publish is refused; a second
// handler publishes it, and anyone can then read it. axe finds nothing to fix with the editor open.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '../src/auth/tokens.js';
import { graphql, testServer, tokenFor } from './helpers/api.js';
import { axeViolations } from './helpers/axe.js';
import { browserTestsRun, openBrowser, SERVER_WAIT_MS } from './helpers/browser.js';
import { maybeUnset } from './helpers/maybe-unset.js';

const author: TokenClaims = { subject: 'faq-desk-author', name: 'Anna Author', roles: ['desk'] };
const reviewer: TokenClaims = { subject: 'faq-desk-reviewer', name: 'Rik Reviewer', roles: ['desk'] };
/** Answered and closed by the desk in the seed; its asker and institution must not be published. */
const SOURCE = 'inq-2025-0016';

describe.runIf(browserTestsRun)('the desk’s FAQ panel in a browser', { timeout: 4 * SERVER_WAIT_MS }, () => {
  const appUrl = testServer().appUrl;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function open(who: TokenClaims, path: string): Promise<Page> {
    const context = await browser.newContext({
      locale: 'en-GB',
      timezoneId: 'UTC',
      viewport: { width: 1366, height: 900 },
    });
    contexts.push(context);
    context.setDefaultTimeout(SERVER_WAIT_MS);
    const token = await tokenFor(who);
    await context.addInitScript((value) => sessionStorage.setItem('expertise-graph.token', value), token);
    const page = await context.newPage();
    await page.goto(`${appUrl}${path}`);
    return page;
  }

  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await maybeUnset(browser)?.close();
  });

  it('drafts from an answer, refuses self-review, and publishes after a second handler’s review', async () => {
    const page = await open(author, `/desk?queue=ALL&inquiry=${SOURCE}`);
    await page.locator('button.faq-promote').click();
    const question = page.locator('#faq-questionEn');
    expect(await question.inputValue()).toContain('Belarusian State University');
    expect(await page.locator('#faq-sources').inputValue()).toBe(SOURCE);
    await page
      .locator('#faq-questionNl')
      .fill('Mag ons Erasmus+-project met de Belarussische Staatsuniversiteit weer starten?');
    await page
      .locator('#faq-answerNl')
      .fill('Nee. De bevriezing van institutionele banden met Belarussische instellingen geldt nog.');
    await page.locator('#faq-labels').fill('Cooperation with Russia and Belarus | Samenwerking met Rusland en Belarus');
    await page.locator('#faq-reviewBy').fill('2027-12-31');
    // The preview shows exactly what would be published, in both languages, as it is typed.
    expect(await page.locator('.faq-preview-lang[lang=nl] .faq-preview-question').textContent()).toContain('Erasmus+');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save draft' }).click();

    const drafted = page.locator('.faq-drafts li', { hasText: 'Belarusian State University' });
    await drafted.waitFor();
    const slug = (await drafted.getAttribute('data-slug'))!;
    await drafted.getByRole('button', { name: 'Submit for review' }).click();
    const inReview = page.locator(`.faq-inReview li[data-slug="${slug}"]`);
    await inReview.waitFor();
    await inReview.getByRole('button', { name: 'Publish' }).click();
    // Refused, saying why: the author may not review their own article.
    await page.locator('.desk-faq .desk-notice', { hasText: 'a second handler must review it' }).waitFor();
    const refused = await graphql(
      `
        query ($slug: String!) {
          faqArticle(slug: $slug) {
            status
          }
        }
      `,
      { slug },
      { as: 'desk' },
    );
    expect(refused.data.faqArticle.status).toBe('IN_REVIEW');

    const second = await open(reviewer, '/desk');
    const waiting = second.locator(`.faq-inReview li[data-slug="${slug}"]`);
    await waiting.getByRole('button', { name: 'Publish' }).click();
    await second.locator(`.faq-inReview li[data-slug="${slug}"]`).waitFor({ state: 'detached' });
    const published = await graphql(
      `
        query ($slug: String!) {
          faqArticle(slug: $slug) {
            status
            question(language: NL)
          }
        }
      `,
      { slug },
      { as: null },
    );
    expect(published.data.faqArticle).toEqual({
      status: 'PUBLISHED',
      question: 'Mag ons Erasmus+-project met de Belarussische Staatsuniversiteit weer starten?',
    });
  });
});
