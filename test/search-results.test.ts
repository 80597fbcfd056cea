// The search page's results in real headless Chromium against the test server: a busy answer shown in plain words
// with a retry, the one-line "why" with the rest folded out (by keyboard too), "more" through the API's cursor, the
// CSV export, the link that shows the same results again, the team proposed for a Central Asian country, and a
// filing whose answer was lost after the server stored it: retried with the same Idempotency-Key, stored once.
// Three page loads in all. Screenshots go to test-results/.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '../src/auth/tokens.js';
import { graphql, testServer, tokenFor } from './helpers/api.js';
import { browserTestsRun, openBrowser, SERVER_WAIT_MS, signInContext } from './helpers/browser.js';
import { maybeUnset } from './helpers/maybe-unset.js';
import { axeViolations } from './helpers/axe.js';

const SHOTS = 'test-results/search-results';
const RUN = Math.random().toString(36).slice(2, 8);
const officer: TokenClaims = { subject: `search-results-${RUN}`, name: 'Olga Officer', roles: ['officer'] };

interface Reason {
  text: string;
  points: number;
}
interface ApiEdge {
  node: { slug: string; name: string; headline: string | null };
  reasons: Reason[];
}

/** whoKnows as the API answers the officer: the experts in order with their reasons, and the total. */
async function whoKnows(about: string, first: number): Promise<{ totalCount: number; edges: ApiEdge[] }> {
  const answer = await graphql(
    `
      query ($about: String!, $first: Int) {
        whoKnows(about: $about, first: $first) {
          totalCount
          edges {
            node {
              slug
              name
              headline
            }
            reasons {
              text
              points
            }
          }
        }
      }
    `,
    { about, first },
    { as: officer },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data.whoKnows;
}

/** The reason with the most points, the first of equals: the one-line why. */
const strongest = (reasons: Reason[]) => reasons.reduce((best, r) => (r.points > best.points ? r : best)).text;

/** The name of the GraphQL operation a request sends, if it is one. */
function operationOf(route: Route): string | null {
  const request = route.request();
  if (request.method() !== 'POST' || new URL(request.url()).pathname !== '/graphql') return null;
  const body = request.postDataJSON() as { query?: string } | null;
  return /\b(?:query|mutation)\s+(\w+)/.exec(body?.query ?? '')?.[1] ?? null;
}

/**
 * Waits until `selector` shows, pressing the page's own **Try again** when a request meets a busy server on the way
 * (the whole suite shares two cores: a ranking may run past the server's deadline).
 */
async function untilShown(page: Page, selector: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.waitForSelector(`${selector}, .error button.retry`);
    if (await page.locator(selector).count()) return;
    expect(attempt, 'tries before the server answered').toBeLessThan(5);
    await page.locator('.error button.retry').first().click();
  }
}

/** The experts a page shows: slug, the one-line why, the folded reasons. */
const shownExperts = (page: Page) =>
  page.locator('li.expert').evaluateAll((items) =>
    items.map((li) => ({
      slug: (li as HTMLElement).dataset.slug!,
      why: li.querySelector('.why-line')?.textContent ?? null,
      folded: [...li.querySelectorAll('details.why li.reason')].map((r) => r.textContent),
      open: li.querySelector('details.why')?.hasAttribute('open') ?? false,
    })),
  );

describe.runIf(browserTestsRun)('the search results in a browser', { timeout: 4 * SERVER_WAIT_MS }, () => {
  const appUrl = testServer().appUrl;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await openBrowser();
    context = await browser.newContext({
      locale: 'en-GB',
      timezoneId: 'UTC',
      viewport: { width: 1280, height: 1400 },
      acceptDownloads: true,
    });
    context.setDefaultTimeout(SERVER_WAIT_MS);
    const token = await tokenFor(officer);
    await signInContext(context, appUrl, token);
  }, 90_000);

  afterAll(async () => {
    await maybeUnset(browser)?.close();
  });

  it('says "busy" plainly with a retry, folds the why, loads more, exports CSV, links to the results', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The first ranking answers as the server does past its deadline; the retry goes through.
    let timedOut = false;
    await page.route('**/graphql', async (route) => {
      if (!timedOut && operationOf(route) === 'WhoKnows') {
        timedOut = true;
        await route.fulfill({
          json: {
            data: null,
            errors: [
              {
                message:
                  'The request ran longer than its limit of 10000 ms and was stopped: ask for less (a smaller `first`)',
                extensions: { code: 'TIMEOUT' },
              },
            ],
          },
        });
      } else await route.continue();
    });
    await page.goto(`${appUrl}/?q=semiconductors`);
    const notice = page.locator('.status .error');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('The server is busy');
    expect(await notice.textContent()).not.toContain('first');
    await notice.locator('button.retry').click();
    await untilShown(page, 'li.expert');

    const api = await whoKnows('semiconductors', 20);
    expect(api.totalCount).toBeGreaterThan(10);
    const firstPage = api.edges.slice(0, 10);

    // One line of why per expert, the strongest reason; the others folded, each text once and not the line again.
    let shown = await shownExperts(page);
    expect(shown.map((e) => e.slug)).toEqual(firstPage.map((e) => e.node.slug));
    expect(shown.map((e) => e.why)).toEqual(firstPage.map((e) => strongest(e.reasons)));
    for (const [index, expert] of shown.entries()) {
      const texts = new Set(firstPage[index]!.reasons.map((r) => r.text));
      expect(new Set([expert.why, ...expert.folded])).toEqual(texts);
      expect(expert.folded).toHaveLength(texts.size - 1);
      expect(expert.open).toBe(false);
    }
    expect(await page.locator('.result-count').textContent()).toBe(`10 of ${api.totalCount} shown`);
    // The keyboard opens the fold.
    const folded = shown.findIndex((e) => e.folded.length > 0);
    expect(folded).toBeGreaterThanOrEqual(0);
    await page.locator('li.expert').nth(folded).locator('details.why summary').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('li.expert').nth(folded).locator('details.why').getAttribute('open')).not.toBeNull();
    expect(await page.locator('li.expert').nth(folded).locator('details.why li.reason').first().isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // The CSV of every expert found, not only the 10 shown: BOM, header, one row per expert in order, the profile's
    // address.
    const download = page.waitForEvent('download');
    await page.locator('button.csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('experts-semiconductors.csv');
    const csv = readFileSync(await file.path(), 'utf8');
    expect(csv.startsWith('\uFEFFName,Headline,Institution,Why,Profile\r\n')).toBe(true);
    const rows = csv.slice(1).split('\r\n').slice(1, -1);
    expect(rows).toHaveLength(api.totalCount);
    for (const [index, edge] of api.edges.entries()) {
      const row = rows[index]!;
      expect(row).toContain(edge.node.name.includes(',') ? `"${edge.node.name}"` : edge.node.name);
      expect(row).toContain(strongest(edge.reasons).replace(/"/g, '""'));
      expect(row.endsWith(`,${appUrl}/experts/${edge.node.slug}`)).toBe(true);
    }

    // "More": the next page below, the count, the address; the focus on the first new expert.
    await page.locator('button.more').click();
    const more = Math.min(20, api.totalCount);
    await untilShown(page, `li.expert:nth-child(${more})`);
    shown = await shownExperts(page);
    expect(shown.map((e) => e.slug)).toEqual(api.edges.slice(0, more).map((e) => e.node.slug));
    expect(await page.locator('.result-count').textContent()).toBe(`${more} of ${api.totalCount} shown`);
    expect(await page.evaluate(() => document.activeElement?.closest('li.expert')?.getAttribute('data-slug'))).toBe(
      api.edges[10]!.node.slug,
    );
    expect(await page.locator('button.more').isVisible()).toBe(api.totalCount > 20);
    expect(new URL(page.url()).searchParams.get('shown')).toBe(String(more));
    await page.screenshot({ path: `${SHOTS}/more.png`, fullPage: true });

    // The link shows the same experts again, as many as were shown.
    const link = await page.locator('a.result-link').getAttribute('href');
    expect(link).toBe(`${appUrl}/?q=semiconductors&shown=${more}`);
    const again = await context.newPage();
    await again.goto(link!);
    await untilShown(again, `li.expert:nth-child(${more})`);
    expect((await shownExperts(again)).map((e) => e.slug)).toEqual(shown.map((e) => e.slug));
    expect(errors).toEqual([]);
    await again.close();
    await page.close();
  });

  it('proposes REKA for Kazakhstan; a filing whose answer was lost is retried with its key, stored once', async () => {
    const page = await context.newPage();
    // A question of this run's own, so that the API's count below is of this filing alone.
    const question = `Who knows about energy in Kazakhstan? (${RUN})`;
    const keys: string[] = [];
    let lost = false;
    await page.route('**/graphql', async (route) => {
      if (operationOf(route) !== 'RecordInquiry') return route.continue();
      keys.push((await route.request().headerValue('idempotency-key')) ?? '');
      if (lost) return route.continue();
      // The server stores the inquiry; its answer never reaches the page.
      lost = true;
      const stored = await route.fetch();
      expect(stored.status()).toBe(200);
      await route.abort('timedout');
    });
    await page.goto(`${appUrl}/?q=${encodeURIComponent('Who knows about energy in Kazakhstan?')}`);
    await untilShown(page, 'li.expert');
    await page.locator('.file-details summary').click();
    await page.locator('textarea[name=question]').fill(question);
    expect(await page.locator('select[name=routedTo]').inputValue()).toBe('reka');
    expect(await page.locator('.proposal').textContent()).toContain('Kazakhstan');

    // The asking institution found by typing part of its name.
    const askedBy = page.locator('input[name=askedBy]');
    await askedBy.pressSequentially('Foreign Aff');
    await page.waitForSelector('datalist#askedBy-institutions option[value=min-bz]', { state: 'attached' });
    await askedBy.fill('min-bz');

    await page.locator('form.file-inquiry button[type=submit]').click();
    const retry = page.locator('.file-outcome button.retry');
    await retry.waitFor();
    expect(await page.locator('.file-outcome .error').textContent()).toContain('will not file it twice');
    // Nothing invites a second filing: the form stays locked until the retry answers.
    expect(await page.locator('form.file-inquiry button[type=submit]').isDisabled()).toBe(true);
    expect(await page.locator('input[name=askedBy]').evaluate((input) => input.matches(':disabled'))).toBe(true);
    await retry.click();
    const filed = page.locator('.file-outcome .already-filed');
    await filed.waitFor();
    const slug = (await filed.getAttribute('data-slug'))!;
    expect(await filed.textContent()).toContain(`Already filed as ${slug}`);
    expect(await page.locator('form.file-inquiry button[type=submit]').isDisabled()).toBe(true);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/\S/);
    expect(keys[1]).toBe(keys[0]);

    // Links to the inquiry (the officer's line in "my inquiries") and to "my inquiries".
    expect(await page.locator('a.open-inquiry').getAttribute('href')).toBe(`#inquiry-${slug}`);
    expect(await page.locator('a.to-my-inquiries').getAttribute('href')).toBe('#my-inquiries');
    await page.waitForSelector(`#my-inquiries li#inquiry-${slug}`);
    await page.screenshot({ path: `${SHOTS}/filed-once.png`, fullPage: true });

    // Exactly one inquiry of that question, sent to REKA.
    const mine = await graphql(
      `
        {
          inquiries(filter: { filedByMe: true }, first: 100) {
            edges {
              node {
                slug
                question
                routedTo {
                  slug
                }
              }
            }
          }
        }
      `,
      {},
      { as: officer },
    );
    expect(mine.errors).toBeUndefined();
    const same = mine.data.inquiries.edges.filter((e: { node: { question: string } }) => e.node.question === question);
    expect(same.map((e: { node: unknown }) => e.node)).toEqual([{ slug, question, routedTo: { slug: 'reka' } }]);
    await page.close();
  });
});
