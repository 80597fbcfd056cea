// The dashboard (/dashboard) in real headless Chromium set to UTC, for its own audience: an anonymous viewer clicks a
// gap and sees what a viewer may see, goes through the coverage table with the keyboard alone to a cell's detail,
// reloads and gets the same drill-down back from the address, reads quarters in Amsterdam time, filters by network,
// and finds no axe-core violation; on a 390 px phone nothing is wider than the screen. Screenshots go to
// test-results/ (git-ignored).
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, testServer } from './helpers/api.js';
import { browserTestsRun, type DashboardGlobals, openBrowser, SERVER_WAIT_MS } from './helpers/browser.js';
import { maybeUnset } from './helpers/maybe-unset.js';
import { axeViolations } from './helpers/axe.js';

const SHOTS = 'test-results/dashboard-page';
// 1 November 2024 begins at 23:00 UTC the day before in Amsterdam (winter time): what the page must send from UTC.
const FROM_DAY = '2024-11-01';
const FROM_IN_AMSTERDAM = '2024-10-31T23:00:00.000Z';
const ADDRESS = `/dashboard?from=${FROM_DAY}&interval=QUARTER`;

/** The quarter a moment falls in, in Amsterdam ("2025 Q1"). */
function amsterdamQuarter(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: 'numeric' })
    .formatToParts(new Date(iso))
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${parts.year} Q${Math.floor((Number(parts.month) - 1) / 3) + 1}`;
}

/** The variables of the latest request of an operation a page sent. */
const variablesOf = (requests: Request[], operation: string) =>
  requests
    .map((request) => request.postDataJSON() as { query: string; variables: Record<string, unknown> } | null)
    .filter((body) => body && new RegExp(`\\bquery ${operation}\\b`).test(body.query))
    .at(-1)?.variables;

describe.runIf(browserTestsRun)('the dashboard in a browser', { timeout: 4 * SERVER_WAIT_MS }, () => {
  const appUrl = testServer().appUrl;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const sent = new Map<Page, Request[]>();
  const errors = new Map<Page, string[]>();

  /** The dashboard for an anonymous viewer in a browser set to UTC, loaded. */
  async function open(path: string, width = 1366): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC', viewport: { width, height: 900 } });
    context.setDefaultTimeout(SERVER_WAIT_MS);
    contexts.push(context);
    const page = await context.newPage();
    const requests: Request[] = [];
    const seen: string[] = [];
    sent.set(page, requests);
    errors.set(page, seen);
    page.on('request', (request) => new URL(request.url()).pathname === '/graphql' && requests.push(request));
    page.on('pageerror', (error) => seen.push(error.message));
    await page.goto(`${appUrl}${path}`);
    await page.waitForSelector('body[data-loaded]');
    return page;
  }

  /** The detail once it shows the cell (theme, column), with the text it shows. */
  async function detailOf(page: Page, theme: string, column: string): Promise<string> {
    const detail = page.locator(`.cell-detail[data-theme="${theme}"][data-column="${column}"]`);
    await detail.locator('h2').waitFor();
    return detail.innerText();
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await openBrowser();
  }, 90_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await maybeUnset(browser)?.close();
  });

  describe('for an anonymous viewer at 1366 px', () => {
    let page: Page;
    beforeAll(async () => {
      page = await open(ADDRESS);
    }, 2 * SERVER_WAIT_MS);

    it('counts from Amsterdam midnight and labels quarters in Amsterdam time, from a UTC browser', async () => {
      expect(variablesOf(sent.get(page)!, 'Dashboard')).toMatchObject({ from: FROM_IN_AMSTERDAM, interval: 'QUARTER' });
      const api = await graphql(
        `
          query ($from: DateTime) {
            inquiryStatistics(from: $from) {
              series(interval: QUARTER) {
                start
              }
            }
          }
        `,
        { from: FROM_IN_AMSTERDAM },
        { as: null },
      );
      const expected = api.data.inquiryStatistics.series.map((b: { start: string }) => amsterdamQuarter(b.start));
      // Quarters start at 23:00 or 22:00 UTC the day before: a UTC reading would name the quarter before.
      expect(expected[1]).not.toBe(`${new Date(api.data.inquiryStatistics.series[1].start).getUTCFullYear()} Q4`);
      const labels = await page.evaluate(
        () => (globalThis as DashboardGlobals).dashboardCharts.flow.getOption().xAxis![0]!.data,
      );
      expect(labels).toEqual(expected);
    });

    it('shows a viewer what a viewer may see of a clicked gap: counts, the counted experts, no refusal', async () => {
      const gap = page.locator('.gap-list button.gap').first();
      const [theme, column] = [await gap.getAttribute('data-theme'), await gap.getAttribute('data-column')];
      await gap.click();
      const text = await detailOf(page, theme!, column!);
      expect(text).not.toMatch(/not open to viewer|FORBIDDEN|is not open/i);
      const api = await graphql(
        `
          query ($theme: String!, $column: String!, $from: DateTime) {
            coverageCell(theme: $theme, country: $column, from: $from) {
              expertCount
              demand
              experts(first: 10) {
                totalCount
                edges {
                  node {
                    slug
                  }
                }
              }
              inquiries {
                totalCount
              }
            }
          }
        `,
        { theme, column, from: FROM_IN_AMSTERDAM },
        { as: null },
      );
      expect(api.errors).toBeUndefined();
      const cell = api.data.coverageCell;
      expect(cell.experts.totalCount).toBe(cell.expertCount);
      expect(cell.inquiries.totalCount).toBe(0);
      const noun = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;
      expect(text).toContain(
        `${noun(cell.expertCount, 'expert', 'experts')} · ${noun(cell.demand, 'inquiry', 'inquiries')}`,
      );
      const shown = await page
        .locator('.cell-detail .cell-experts li')
        .evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.slug));
      expect(shown).toEqual(cell.experts.edges.map((edge: { node: { slug: string } }) => edge.node.slug));
      expect(text).toMatch(/sign in as an officer or handler/i);
      // The detail takes the focus and is in view.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('cell-detail-title');
      const box = (await page.locator('.cell-detail').boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeLessThan(900);
      expect(new URL(page.url()).searchParams.get('theme')).toBe(theme);
      expect(new URL(page.url()).searchParams.get('column')).toBe(column);
      await page.screenshot({ path: `${SHOTS}/viewer-gap.png` });
    });

    it('goes through the coverage table to a cell’s detail with the keyboard alone, and back', async () => {
      const summary = page.locator('.coverage-table-box summary');
      await summary.focus();
      await page.keyboard.press('Enter');
      const target = page.locator('.coverage-table button.cell').nth(1);
      const [theme, column] = [await target.getAttribute('data-theme'), await target.getAttribute('data-column')];
      const focusedCell = () =>
        page.evaluate(() => {
          const active = document.activeElement as HTMLElement | null;
          return active?.matches('.coverage-table button.cell')
            ? `${active.dataset.theme}|${active.dataset.column}`
            : null;
        });
      for (let presses = 0; (await focusedCell()) !== `${theme}|${column}`; presses++) {
        expect(presses, 'Tab reaches the cell').toBeLessThan(60);
        await page.keyboard.press('Tab');
      }
      expect(await target.locator('.visually-hidden').textContent()).toMatch(/ × .*: \d+ experts? · \d+ inquir(y|ies)/);
      await page.keyboard.press('Enter');
      await detailOf(page, theme!, column!);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('cell-detail-title');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('close');
      await page.keyboard.press('Enter');
      expect(await focusedCell()).toBe(`${theme}|${column}`);
      expect(new URL(page.url()).searchParams.get('theme')).toBeNull();
    });

    it('reopens an expanded region and an open cell from the address after a reload', async () => {
      const region = page.locator('.coverage-table thead button.expand').first();
      const expanded = page.waitForResponse((r) => /query Coverage\b/.test(r.request().postData() ?? ''));
      await region.click();
      await expanded;
      const cell = page.locator('.coverage-table tbody button.cell').first();
      await cell.waitFor();
      const [theme, column] = [await cell.getAttribute('data-theme'), await cell.getAttribute('data-column')];
      await cell.click();
      await detailOf(page, theme!, column!);
      const countries = new URL(page.url()).searchParams.get('countries');
      expect(countries).toContain(column);
      await page.reload();
      await page.waitForSelector('body[data-loaded]');
      await detailOf(page, theme!, column!);
      expect(variablesOf(sent.get(page)!, 'Coverage')).toMatchObject({ countries: countries!.split(',') });
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('cell-detail-title');
    });

    it('has no axe-core violations, with the table and a cell’s detail open', async () => {
      await page.locator('.coverage-table-box').evaluate((details) => ((details as HTMLDetailsElement).open = true));
      expect(await axeViolations(page)).toEqual([]);
    });

    it('draws the most-asked themes for the network filtered on, as the API counts them', async () => {
      await page.selectOption('select[name=network]', 'reka');
      const figures = page.waitForResponse((r) => /query Dashboard\b/.test(r.request().postData() ?? ''));
      await page.locator('form.filters button[type=submit]').click();
      const received = (await (await figures).json()).data;
      await page.waitForSelector('body[data-loaded]:not([data-loading])');
      expect(variablesOf(sent.get(page)!, 'Dashboard')).toMatchObject({ network: 'reka' });
      expect(variablesOf(sent.get(page)!, 'Coverage')).toMatchObject({ network: 'reka' });
      const api = await graphql(
        `
          query ($from: DateTime) {
            mostAsked(network: "reka", from: $from) {
              themes {
                count
              }
              countries {
                count
              }
            }
          }
        `,
        { from: FROM_IN_AMSTERDAM },
        { as: null },
      );
      const counts = (list: Array<{ count: number }>) => list.map((item) => item.count);
      expect(counts(received.mostAsked.themes)).toEqual(counts(api.data.mostAsked.themes));
      const drawn = await page.evaluate(() => {
        const { themes, countries } = (globalThis as DashboardGlobals).dashboardCharts;
        return [themes, countries].map((chart) => chart.getOption().series![0]!.data as number[]);
      });
      expect(drawn).toEqual([counts(api.data.mostAsked.themes), counts(api.data.mostAsked.countries)]);
      expect(errors.get(page)).toEqual([]);
    });
  });

  it('fits a 390 px phone: nothing wider than the screen, the digits apart, the detail from the address', async () => {
    const gap = await graphql(
      `
        query ($from: DateTime) {
          coverage(from: $from) {
            gaps {
              theme {
                slug
              }
              column {
                id
              }
            }
          }
        }
      `,
      { from: FROM_IN_AMSTERDAM },
      { as: null },
    );
    const first = gap.data.coverage.gaps[0];
    const page = await open(`${ADDRESS}&theme=${first.theme.slug}&column=${first.column.id}`, 390);
    await detailOf(page, first.theme.slug, first.column.id);
    const widths = await page.evaluate(() => ({
      document: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(widths.document).toBeLessThanOrEqual(widths.viewport);
    expect(await page.locator('.coverage-table-box').getAttribute('open')).not.toBeNull();
    const cells = await page.locator('.coverage-table tbody tr:first-child button.cell').evaluateAll((buttons) =>
      buttons.map((b) => {
        const box = b.getBoundingClientRect();
        return { left: box.left, right: box.right, font: parseFloat(getComputedStyle(b).fontSize) };
      }),
    );
    expect(cells.length).toBeGreaterThan(1);
    for (const [index, cell] of cells.entries()) {
      expect(cell.font).toBeGreaterThanOrEqual(12);
      if (index > 0) expect(cell.left).toBeGreaterThanOrEqual(cells[index - 1]!.right);
    }
    await page.screenshot({ path: `${SHOTS}/phone.png`, fullPage: true });
    expect(errors.get(page)).toEqual([]);
  });
});
