// No string from the API becomes markup in a page (issue 18): a secretariat plants HTML in the names it may
// write (a theme, an institution, an expert's name, headline and role, an inquiry's question), and the search
// page and the dashboard, with the heatmap's tooltips shown and a cell's detail open, show it as literal text:
// no element, no navigation and no script comes of it. Countries and networks cannot be created through the
// API; their names come from the seed. Every name carries a random suffix, so no other test file sees them
// in its own fixtures (they may appear as one more top-level theme in other files' dashboards, harmlessly).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsOf, fixturePrefix, graphql, testServer, tokenFor, type UntypedData } from './helpers/api.js';
import {
  browserTestsRun,
  type DashboardGlobals,
  openBrowser,
  SERVER_WAIT_MS,
  signInContext,
} from './helpers/browser.js';
import { maybeUnset } from './helpers/maybe-unset.js';

const P = fixturePrefix('hostile');
const WORD = `hostile${P.slice(-6)}`;
/** What a hostile secretariat would write: an element to find, a script, a navigation and a fake link. */
const PAYLOAD = [
  '<b id=injected>x</b>',
  '<img src=x onerror=window.__pwned=1>',
  '<meta http-equiv="refresh" content="0;url=about:blank#pwned">',
  '<a href="https://evil.example">sign in again</a>',
].join('');
const hostile = (what: string) => `${what} ${WORD} ${PAYLOAD}`;
const NAMES = {
  theme: hostile('Theme'),
  institution: hostile('Institution'),
  expert: hostile('Expert'),
  headline: hostile('Headline'),
  role: hostile('Role'),
  question: `Who knows about ${WORD}? ${PAYLOAD}`,
};

async function ok<T = UntypedData>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await graphql<T>(query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

describe.runIf(browserTestsRun)('hostile names in the pages', { timeout: 3 * SERVER_WAIT_MS }, () => {
  const appUrl = testServer().appUrl;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    await ok(`mutation ($input: CreateThemeInput!) { createTheme(input: $input) { slug } }`, {
      input: { slug: `${P}-theme`, name: NAMES.theme, nameNl: NAMES.theme, aliases: [WORD], description: PAYLOAD },
    });
    await ok(`mutation ($input: CreateInstitutionInput!) { createInstitution(input: $input) { slug } }`, {
      input: {
        slug: `${P}-institution`,
        name: NAMES.institution,
        nameNl: NAMES.institution,
        kind: 'UNIVERSITY',
        country: 'NL',
      },
    });
    await ok(`mutation ($input: CreateExpertInput!) { createExpert(input: $input) { slug } }`, {
      input: {
        name: NAMES.expert,
        headline: NAMES.headline,
        headlineNl: NAMES.headline,
        bio: PAYLOAD,
        networks: ['CKN'],
        expertise: [{ theme: `${P}-theme`, level: 5 }],
        countryFocus: [{ country: 'CN', level: 5 }],
        affiliations: [{ institution: `${P}-institution`, role: NAMES.role }],
      },
    });
    // Two questions about it in China: the theme is among the busiest top-level themes, and its China cell a gap.
    for (let i = 0; i < 2; i++) {
      await ok(`mutation ($input: RecordInquiryInput!) { recordInquiry(input: $input) { inquiry { slug } } }`, {
        input: {
          askedBy: `${P}-institution`,
          kind: 'EXPERTISE_REQUEST',
          routedTo: 'ckn',
          question: NAMES.question,
          themes: [`${P}-theme`],
          countries: ['CN'],
          context: PAYLOAD,
        },
      });
    }
    browser = await openBrowser();
    context = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC', viewport: { width: 1280, height: 1600 } });
    context.setDefaultTimeout(SERVER_WAIT_MS);
    const token = await tokenFor(claimsOf('admin'));
    await signInContext(context, appUrl, token);
    // Nothing leaves the app's origin, whatever a page tries.
    await context.route(
      (url) => url.origin !== new URL(appUrl).origin,
      (route) => route.abort(),
    );
  }, 2 * SERVER_WAIT_MS);

  afterAll(async () => {
    await maybeUnset(context)?.close();
    await maybeUnset(browser)?.close();
  });

  /** Opens a page and records every navigation of its main frame after the first. */
  async function open(path: string): Promise<{ page: Page; navigations: string[] }> {
    const page = await context.newPage();
    const navigations: string[] = [];
    await page.goto(`${appUrl}${path}`);
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    return { page, navigations };
  }

  /** Nothing the payload asks for happened: no planted element, no script ran, no navigation. */
  async function expectNothingCameOfIt(page: Page, navigations: string[], path: string): Promise<void> {
    // A refresh of 0 s happens at once; give a busy machine a moment anyway.
    await page.waitForTimeout(1_000);
    // The page may put its filters into its own address (history.replaceState); it may not go anywhere else.
    const here = new URL(path, appUrl).pathname;
    expect(
      [...navigations, page.url()].filter((url) => !url.startsWith(`${appUrl}${here}`)),
      'navigations away from the page',
    ).toEqual([]);
    const planted = await page.evaluate(() => ({
      injected: document.querySelectorAll('#injected').length,
      images: document.querySelectorAll('img').length,
      refresh: document.querySelectorAll('meta[http-equiv]').length,
      evilLinks: document.querySelectorAll('a[href*="evil.example"]').length,
      pwned: (globalThis as { __pwned?: unknown }).__pwned,
    }));
    expect(planted).toEqual({ injected: 0, images: 0, refresh: 0, evilLinks: 0, pwned: undefined });
  }

  it('the search page shows the names as text', async () => {
    const path = `/?q=${WORD}`;
    const { page, navigations } = await open(path);
    const card = page.locator('li.expert', { hasText: WORD });
    await card.waitFor({ timeout: SERVER_WAIT_MS });
    await page.locator('li.similar-inquiry', { hasText: WORD }).first().waitFor({ timeout: SERVER_WAIT_MS });
    const cardText = await card.textContent();
    for (const text of [NAMES.expert, NAMES.headline, NAMES.role, NAMES.institution]) expect(cardText).toContain(text);
    // The theme's name in the reasons, and in what the page understood.
    expect(await page.locator('.status').textContent()).toContain(NAMES.theme);
    const inquiryText = await page.locator('li.similar-inquiry', { hasText: WORD }).first().textContent();
    expect(inquiryText).toContain(NAMES.question);
    expect(inquiryText).toContain(NAMES.theme);
    await expectNothingCameOfIt(page, navigations, path);
    await page.close();
  });

  it("the dashboard shows them as text in the heatmap, its tooltips, the gap list and a cell's detail", async () => {
    const path = '/dashboard?minExperts=2';
    const { page, navigations } = await open(path);
    await page.waitForSelector('body[data-loaded]');
    const coverage = await page.evaluate(() => {
      const option = (globalThis as DashboardGlobals).dashboardCharts.coverage.getOption();
      return { rows: option.yAxis![0]!.data as string[], columns: option.xAxis![0]!.data as string[] };
    });
    const y = coverage.rows.indexOf(NAMES.theme);
    expect(y, 'the hostile theme is a row of the heatmap').toBeGreaterThanOrEqual(0);
    const x = coverage.columns.indexOf('East Asia');
    expect(x, 'East Asia is a column').toBeGreaterThanOrEqual(0);

    const box = (await page.locator('[data-chart=coverage]').boundingBox())!;
    const [px, py] = await page.evaluate(
      ([cx, cy]) =>
        (globalThis as DashboardGlobals).dashboardCharts.coverage.convertToPixel({ seriesIndex: 0 }, [cx, cy]),
      [x, y] as [number, number],
    );
    /** The text of the heatmap's tooltip once it shows the hostile theme. */
    const tooltipText = () =>
      page
        .waitForFunction((word) => {
          // A page sent elsewhere (a planted refresh) has no tooltip to wait for: say where it went.
          if (location.pathname !== '/dashboard') return `navigated to ${location.href}`;
          // echarts' tooltip: a div in the chart's box, outside the SVG the chart is drawn in.
          const tip = [...document.querySelectorAll('[data-chart=coverage] div')].find(
            (div) => !div.querySelector('svg') && div.textContent.includes(word),
          );
          return tip?.textContent ?? false;
        }, WORD)
        .then((handle) => handle.jsonValue() as Promise<string>);

    // The row's label, then the cell: the tooltip formatter runs with the theme's name.
    await page.mouse.move(box.x + 60, box.y + py);
    await page.mouse.move(box.x + px, box.y + py, { steps: 5 });
    expect(await tooltipText()).toContain(`${NAMES.theme} × East Asia`);
    await expectNothingCameOfIt(page, navigations, path);

    // The gap list names the theme; a click on the cell opens its detail with the expert and the questions.
    expect(await page.locator('.gap-list button.gap', { hasText: WORD }).first().textContent()).toContain(NAMES.theme);
    await page.mouse.click(box.x + px, box.y + py);
    const detail = page.locator('.cell-detail');
    await detail.locator('.cell-inquiries li', { hasText: WORD }).first().waitFor({ timeout: SERVER_WAIT_MS });
    const detailText = await detail.textContent();
    for (const text of [NAMES.theme, NAMES.expert, NAMES.question]) expect(detailText).toContain(text);
    await expectNothingCameOfIt(page, navigations, path);
    await page.close();
  });
});
