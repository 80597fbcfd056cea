// The FAQ (/faq) in real headless Chromium against the test server, as an anonymous visitor: the published answers
// grouped by topic (the draft is not among them), a Dutch search that finds the answer on cooperation with Russian
// institutions, the article's own page (its read counted), axe finding nothing to fix, and a 390 px phone without
// sideways scrolling.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, testServer } from './helpers/api.js';
import { axeViolations } from './helpers/axe.js';
import { browserTestsRun, openBrowser, SERVER_WAIT_MS } from './helpers/browser.js';
import { maybeUnset } from './helpers/maybe-unset.js';

const RUSSIA = 'faq-cooperation-russian-belarusian-institutions';

describe.runIf(browserTestsRun)('the FAQ in a browser', { timeout: 4 * SERVER_WAIT_MS }, () => {
  const appUrl = testServer().appUrl;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  async function open(path: string, width = 1366): Promise<Page> {
    const context = await browser.newContext({
      locale: 'nl-NL',
      timezoneId: 'UTC',
      viewport: { width, height: 900 },
    });
    contexts.push(context);
    context.setDefaultTimeout(SERVER_WAIT_MS);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
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
});
