// The FAQ (/faq) in real headless Chromium against the test server, as an anonymous visitor: the published answers
// grouped by topic (the draft is not among them), a Dutch search that finds the answer on cooperation with Russian
// institutions, the article's own page (its read counted), axe finding nothing to fix, and a 390 px phone without
// sideways scrolling. Then the desk's FAQ panel: a handler drafts an article from an answered inquiry (the editor
// filled from it, the preview showing what would be published) and submits it; their own publish is refused; a
// second handler publishes it, and anyone can then read it; axe finds nothing to fix with the editor open.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '../src/auth/tokens.js';
import { graphql, testServer, tokenFor } from './helpers/api.js';
import { axeViolations } from './helpers/axe.js';
import { browserTestsRun, openBrowser, SERVER_WAIT_MS, openSignedIn } from './helpers/browser.js';
import { maybeUnset } from './helpers/maybe-unset.js';

const RUSSIA = 'faq-cooperation-russian-belarusian-institutions';
const author: TokenClaims = { subject: 'faq-desk-author', name: 'Anna Author', roles: ['desk'] };
const reviewer: TokenClaims = { subject: 'faq-desk-reviewer', name: 'Rik Reviewer', roles: ['desk'] };
/** Answered and closed by the desk in the seed; its asker and institution must not be published. */
const SOURCE = 'inq-2025-0016';

describe.runIf(browserTestsRun)('the FAQ in a browser', { timeout: 4 * SERVER_WAIT_MS }, () => {
  const appUrl = testServer().appUrl;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  /** The page at `path`: anonymous and Dutch unless told otherwise. */
  async function open(path: string, width = 1366, who: TokenClaims | null = null): Promise<Page> {
    const token = who ? await tokenFor(who) : null;
    const locale = who ? 'en-GB' : 'nl-NL';
    const { context, page } = await openSignedIn(browser, {
      url: `${appUrl}${path}`,
      token,
      locale,
      width,
      errors: pageErrors,
    });
    contexts.push(context);
    return page;
  }

  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await maybeUnset(browser)?.close();
  });

  it('lists the published answers by topic in Dutch, and a Dutch search finds the one on Russia', async () => {
    const page = await open('/faq');
    await page.locator('.faq-topic').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    const topics = await page.locator('.faq-topic h2').allTextContents();
    expect(topics).toContain('Samenwerking met Rusland en Belarus');
    const links = await page.locator('.faq-topic a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain(`/faq/${RUSSIA}`);
    expect(links).not.toContain('/faq/faq-language-teachers-paid-by-the-cief');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Zoek in de vragen').fill('Mogen we samenwerken met Russische universiteiten?');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('heading', { name: 'Antwoorden bij uw zoekvraag' }).waitFor();
    const first = page.locator('.faq-topic a').first();
    expect(await first.getAttribute('href')).toBe(`/faq/${RUSSIA}`);
    expect(page.url()).toContain('/faq?q=');
    expect(await axeViolations(page)).toEqual([]);

    await first.click();
    await page.locator('article.faq-article h1').waitFor();
    expect(await page.locator('article.faq-article h1').textContent()).toContain('Russische of Belarussische');
    expect(await axeViolations(page)).toEqual([]);
    // The read was counted for this month.
    await expect
      .poll(async () => {
        const demand = await graphql(
          `
            {
              faqDemand {
                articles {
                  reads
                  article {
                    slug
                  }
                }
              }
            }
          `,
          {},
          { as: null },
        );
        const row = (demand.data.faqDemand.articles as Array<{ reads: number; article: { slug: string } }>).find(
          (r) => r.article.slug === RUSSIA,
        );
        return row?.reads ?? 0;
      })
      .toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  it('fits a 390 px phone and says so when no answer has the address', async () => {
    const page = await open(`/faq/${RUSSIA}`, 390);
    await page.locator('article.faq-article h1').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);

    const missing = await open('/faq/faq-language-teachers-paid-by-the-cief', 390);
    await missing.getByRole('heading', { name: 'Geen antwoord gevonden' }).waitFor();
    const list = await open('/faq', 390);
    await list.locator('.faq-topic').first().waitFor();
    expect(await list.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await axeViolations(list)).toEqual([]);
  });

  it('drafts from an answer, refuses self-review, and publishes after a second handler’s review', async () => {
    const page = await open(`/desk?queue=ALL&inquiry=${SOURCE}`, 1366, author);
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

    const second = await open('/desk', 1366, reviewer);
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
