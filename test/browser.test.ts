// The pages in real headless Chromium on the seed graph: the dashboard draws every chart from the API's
// numbers, a click on a coverage gap shows its experts and inquiries, the search page answers Dutch and
// English questions with reasons, contact details appear only where the API returns them, and no request
// leaves the app's origin. Screenshots go to test-results/ (git-ignored).
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, claimsOf, type Edge, graphql, type GraphqlResponse, testServer, tokenFor } from './helpers/api.js';
import {
  browserTestsRun,
  type DashboardGlobals,
  openBrowser,
  type PageChart,
  SERVER_WAIT_MS,
  signInContext,
} from './helpers/browser.js';
import { startDevServer, type DevServer } from './helpers/dev-server.js';
import { maybeUnset } from './helpers/maybe-unset.js';
import { amsterdamDay, amsterdamMidnight, nextDay } from '../web/src/lib/amsterdam.js';

const SHOTS = 'test-results/browser';
// The period the dashboard is opened with, and the same period as the API takes it: the page counts days in
// Amsterdam, whatever the browser's zone (UTC here).
const FROM_DAY = '2024-11-01';
const TO_DAY = amsterdamDay(new Date());
const PERIOD = {
  from: amsterdamMidnight(FROM_DAY).toISOString(),
  to: amsterdamMidnight(nextDay(TO_DAY)).toISOString(),
};

/** A cell of the coverage grid in an answer, as far as these tests read it. */
interface CoverageCell {
  expertCount: number;
  demand: number;
  gap: boolean;
}

describe.runIf(browserTestsRun)('the pages in a browser', { timeout: 3 * SERVER_WAIT_MS }, () => {
  const appUrl = testServer().appUrl;
  /** The app's origins: the test server's, and that of a server of this file's own on the embedded default. */
  const origins = new Set([new URL(appUrl).origin]);
  let browser: Browser;
  const requested: string[] = [];

  /** A browser context signed in as `actor` (a cookie session for its token, as the sign-in box makes it). */
  async function contextAs(actor: Actor, locale = 'en-GB'): Promise<BrowserContext> {
    const context = await browser.newContext({ locale, timezoneId: 'UTC', viewport: { width: 1280, height: 1600 } });
    context.on('request', (request) => requested.push(request.url()));
    context.setDefaultTimeout(SERVER_WAIT_MS);
    if (actor !== null) {
      const token = await tokenFor(claimsOf(actor));
      await signInContext(context, appUrl, token);
    }
    return context;
  }

  /**
   * The GraphQL responses a page received, by operation name (the latest of each): what a page drew is compared
   * with what the API sent that page, not with a later query.
   */
  const operationOf = (response: Response) => {
    if (response.request().method() !== 'POST' || new URL(response.url()).pathname !== '/graphql') return null;
    const body = response.request().postDataJSON() as { query?: string } | null;
    return /\b(?:query|mutation)\s+(\w+)/.exec(body?.query ?? '')?.[1] ?? null;
  };
  const receivedBy = new WeakMap<Page, Map<string, Promise<GraphqlResponse>>>();
  const received = async (page: Page, operation: string) => {
    const response = await receivedBy.get(page)?.get(operation);
    expect(response, `the page received ${operation}`).toBeDefined();
    expect(response!.errors).toBeUndefined();
    return response!.data;
  };

  async function openPage(context: BrowserContext, path: string): Promise<Page> {
    const page = await context.newPage();
    const responses = new Map<string, Promise<GraphqlResponse>>();
    receivedBy.set(page, responses);
    page.on('response', (response) => {
      const operation = operationOf(response);
      if (!operation) return;
      // The header's inbox asks in the background too: a body still unread when the test closes the page is no
      // failure (a test that awaits a response still sees its rejection).
      const body = response.json() as Promise<GraphqlResponse>;
      body.catch(() => undefined);
      responses.set(operation, body);
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    (page as Page & { errors?: string[] }).errors = errors;
    await page.goto(`${appUrl}${path}`);
    return page;
  }
  const pageErrors = (page: Page) => (page as Page & { errors?: string[] }).errors ?? [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await openBrowser();
  }, 90_000);

  afterAll(async () => {
    await maybeUnset(browser)?.close();
  });

  describe('dashboard', () => {
    let page: Page;
    let context: BrowserContext;
    /** A gap threshold that makes some asked-about cell of the seed graph a gap. */
    let minExperts: number;
    beforeAll(async () => {
      const api = await graphql(
        `
          query ($from: DateTime, $to: DateTime) {
            coverage(from: $from, to: $to) {
              rows {
                cells {
                  expertCount
                  demand
                }
              }
            }
          }
        `,
        PERIOD,
      );
      const cells: CoverageCell[] = api.data.coverage.rows.flatMap((row: { cells: CoverageCell[] }) => row.cells);
      const asked = cells.filter((cell) => cell.demand > 0);
      minExperts = Math.min(...asked.map((cell) => cell.expertCount)) + 1;
      context = await contextAs('admin');
      page = await openPage(
        context,
        `/dashboard?from=${FROM_DAY}&to=${TO_DAY}&interval=MONTH&minExperts=${minExperts}`,
      );
      await page.waitForSelector('body[data-loaded]');
    }, 2 * SERVER_WAIT_MS);
    afterAll(() => maybeUnset(context)?.close());

    it('draws the coverage heatmap with a mark per cell and the gaps outlined, as the API counts them', async () => {
      const coverage = (await received(page, 'Coverage')).coverage;
      expect(coverage.minExperts).toBe(minExperts);
      expect(coverage.gaps.length).toBeGreaterThan(0);
      const cells: CoverageCell[] = coverage.rows.flatMap((row: { cells: CoverageCell[] }) => row.cells);
      expect(cells.length).toBeGreaterThan(0);

      const drawn = await page.evaluate(() => {
        const chart = (globalThis as DashboardGlobals).dashboardCharts.coverage;
        const data = chart.getModel().getSeriesByIndex(0).getData();
        const marks: Array<{ experts: number; demand: number; gap: boolean; drawn: boolean }> = [];
        for (let i = 0; i < data.count(); i++) {
          const item = data.getRawDataItem(i);
          marks.push({
            experts: item.value[2],
            demand: item.value[3],
            gap: item.gap,
            drawn: !!data.getItemGraphicEl(i),
          });
        }
        return marks;
      });
      expect(drawn.filter((mark) => mark.drawn)).toHaveLength(cells.length);
      expect(drawn.map((m) => [m.experts, m.demand, m.gap])).toEqual(
        cells.map((c) => [c.expertCount, c.demand, c.gap]),
      );
      expect(await page.locator('.gap-list button.gap').count()).toBe(coverage.gaps.length);
    });

    it('draws inquiries over time by status, the on-time share and the tiles from inquiryStatistics', async () => {
      const stats = (await received(page, 'Dashboard')).inquiryStatistics;
      expect(stats.received).toBeGreaterThan(0);
      const statuses = ['RECEIVED', 'IN_PROGRESS', 'COORDINATING', 'ANSWERED', 'CLOSED'];
      const expectedBars = statuses.map((status) =>
        stats.series.map(
          (b: { byStatus: Array<{ status: string; count: number }> }) =>
            b.byStatus.find((s) => s.status === status)?.count ?? 0,
        ),
      );

      const drawn = await page.evaluate(() => {
        const { flow, share } = (globalThis as DashboardGlobals).dashboardCharts;
        const seriesData = (chart: PageChart) =>
          chart
            .getModel()
            .getSeries()
            .map((s) => {
              const data = s.getData();
              let marks = 0;
              for (let i = 0; i < data.count(); i++) if (data.getItemGraphicEl(i)) marks++;
              return {
                type: s.subType,
                values: data.mapArray(data.mapDimension('y') ?? 'value', (v) => (Number.isNaN(v) ? null : v)),
                marks,
              };
            });
        return { flow: seriesData(flow), share: seriesData(share) };
      });
      const bars = drawn.flow.filter((s) => s.type === 'bar');
      expect(bars.map((s) => s.values)).toEqual(expectedBars);
      // A bar (of zero height where none) is drawn for every bucket and status.
      expect(bars.reduce((sum, s) => sum + s.marks, 0)).toBe(expectedBars.flat().length);
      expect(drawn.flow.find((s) => s.type === 'line')!.values).toEqual(
        stats.series.map((b: { overdueAtEnd: number }) => b.overdueAtEnd),
      );
      expect(drawn.share[0]!.values).toEqual(
        stats.series.map((b: { answeredOnTimeShare: number | null }) =>
          b.answeredOnTimeShare == null ? null : b.answeredOnTimeShare * 100,
        ),
      );

      expect(await page.locator('[data-tile=received] .value').textContent()).toBe(String(stats.received));
      const current = stats.series.find((b: { current: boolean }) => b.current);
      expect(await page.locator('[data-tile=overdue-now] .value').textContent()).toBe(String(current.overdueAtEnd));
      expect(await page.locator('[data-tile=on-time] .value').textContent()).toBe(
        `${Math.round(stats.answeredOnTimeShare * 100)}%`,
      );
    });

    it('ranks the most-asked themes and countries by their counts', async () => {
      const top = (await received(page, 'Dashboard')).mostAsked.themes.map((t: { count: number }) => t.count);
      const drawn = await page.evaluate(() => {
        const values = (chart: PageChart) => chart.getOption().series![0]!.data as number[];
        return {
          themes: values((globalThis as DashboardGlobals).dashboardCharts.themes),
          countries: values((globalThis as DashboardGlobals).dashboardCharts.countries),
        };
      });
      expect(drawn.themes).toEqual(top);
      expect(drawn.countries.length).toBeGreaterThan(0);
      expect([...drawn.countries].sort((a, b) => b - a)).toEqual(drawn.countries);
      await page.screenshot({ path: `${SHOTS}/dashboard.png`, fullPage: true });
    });

    it('shows who covers a gap and what was asked when the gap is clicked in the heatmap', async () => {
      const coverage = (await received(page, 'Coverage')).coverage;
      let target: { x: number; y: number } | null = null;
      coverage.rows.forEach((row: { cells: CoverageCell[] }, y: number) =>
        row.cells.forEach((cell, x) => {
          if (!target && cell.gap && cell.expertCount > 0) target = { x, y };
        }),
      );
      coverage.rows.forEach((row: { cells: CoverageCell[] }, y: number) =>
        row.cells.forEach((cell, x) => {
          if (!target && cell.gap) target = { x, y };
        }),
      );
      expect(target, 'the seed graph has a coverage gap').not.toBeNull();
      const { x, y } = target!;
      const theme = coverage.rows[y].theme.slug;
      const column = coverage.columns[x].id;

      const box = (await page.locator('[data-chart=coverage]').boundingBox())!;
      const [px, py] = await page.evaluate(
        ([cx, cy]) =>
          (globalThis as DashboardGlobals).dashboardCharts.coverage.convertToPixel({ seriesIndex: 0 }, [cx, cy]),
        [x, y] as [number, number],
      );
      const detail = page.waitForResponse((response) => operationOf(response) === 'CoverageCell');
      await page.mouse.click(box.x + px, box.y + py);
      const cell = (await (await detail).json()).data.coverageCell;
      expect(cell).toMatchObject({ theme: { slug: theme }, column: { id: column } });
      expect(cell.gap).toBe(true);
      expect(cell.inquiries.edges.length).toBeGreaterThan(0); // a gap is asked about
      await page.waitForSelector(`.cell-detail[data-theme="${theme}"][data-column="${column}"] h2`);
      const shownExperts = await page
        .locator('.cell-experts li')
        .evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.slug));
      const shownInquiries = await page
        .locator('.cell-inquiries li')
        .evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.slug));
      expect(shownExperts).toEqual(cell.experts.edges.map((e: Edge) => e.node.slug));
      expect(shownInquiries).toEqual(cell.inquiries.edges.map((e: Edge) => e.node.slug));
      await page.screenshot({ path: `${SHOTS}/dashboard-gap.png`, fullPage: true });
      expect(pageErrors(page)).toEqual([]);
    });

    it('expands a region into its countries, a theme into its narrower themes, when its label is clicked', async () => {
      const coverage = (await received(page, 'Coverage')).coverage;
      const region = coverage.columns.find(
        (c: { region: { countries: unknown[] } | null }) => c.region!.countries.length > 1,
      ).region;
      const row = coverage.rows.find((r: { hasNarrower: boolean }) => r.hasNarrower);
      const axis = (name: 'xAxis' | 'yAxis') =>
        page.evaluate((n) => (globalThis as DashboardGlobals).dashboardCharts.coverage.getOption()[n]![0]!.data, name);
      const nextCoverage = () =>
        page
          .waitForResponse((response) => operationOf(response) === 'Coverage')
          .then(async (response) => (await response.json()).data.coverage);

      let expanded = nextCoverage();
      await page.locator('[data-chart=coverage]').getByText(region.name, { exact: true }).click();
      const countries = (await expanded).columns;
      expect(countries.map((c: { country: { code: string } }) => c.country.code)).toEqual(
        region.countries.map((c: { code: string }) => c.code),
      );
      await page.waitForFunction(
        (count) =>
          (globalThis as DashboardGlobals).dashboardCharts.coverage.getOption().xAxis![0]!.data.length === count,
        countries.length,
      );
      expect(await axis('xAxis')).toEqual(countries.map((c: { country: { name: string } }) => c.country.name));

      expanded = nextCoverage();
      await page.locator('[data-chart=coverage]').getByText(row.theme.name, { exact: true }).click();
      const narrower = (await expanded).rows;
      expect(narrower.map((r: { theme: { slug: string } }) => r.theme.slug)).toEqual(
        row.narrower.map((t: { slug: string }) => t.slug),
      );
      await page.waitForFunction(
        (count) =>
          (globalThis as DashboardGlobals).dashboardCharts.coverage.getOption().yAxis![0]!.data.length === count,
        narrower.length,
      );
      expect(await axis('yAxis')).toEqual(narrower.map((r: { theme: { name: string } }) => r.theme.name));
      await page.screenshot({ path: `${SHOTS}/dashboard-expanded.png`, fullPage: true });

      // Back to the default rows, as the API gives them now.
      const reset = nextCoverage();
      await page.locator('button.reset-drill').click();
      const defaults = (await reset).rows;
      await page.waitForFunction(
        (count) =>
          (globalThis as DashboardGlobals).dashboardCharts.coverage.getOption().yAxis![0]!.data.length === count,
        defaults.length,
      );
      expect(await page.locator('button.reset-drill').isHidden()).toBe(true);
    });
  });

  describe('search page', () => {
    /** Asks a question on the search page and returns the experts shown, with their reasons and contacts. */
    async function ask(page: Page, question: string) {
      await page.locator('input.question').fill(question);
      await page.locator('form.ask button[type=submit]').click();
      await page.waitForSelector('li.expert, .experts .empty, .status .error');
      await page.waitForSelector('.similar h2');
      return page.locator('li.expert').evaluateAll((items) =>
        items.map((li) => ({
          slug: (li as HTMLElement).dataset.slug!,
          reasons: [...li.querySelectorAll('.reason')].map((r) => r.textContent),
          headline: li.querySelector('.headline')?.textContent ?? null,
          email: li.querySelector('.email')?.textContent ?? null,
          phone: li.querySelector('.phone')?.textContent ?? null,
        })),
      );
    }

    it('answers an English question with ranked experts, their reasons and similar inquiries', async () => {
      const context = await contextAs('officer');
      const page = await openPage(context, '/');
      const shown = await ask(page, 'Who knows about semiconductors in Taiwan?');
      const api = await graphql(
        `
          {
            whoKnows(about: "semiconductors", country: "Taiwan", first: 10) {
              edges {
                node {
                  slug
                }
                reasons {
                  text
                }
              }
            }
          }
        `,
        {},
        { as: 'officer' },
      );
      expect(shown.map((e) => e.slug)).toEqual(api.data.whoKnows.edges.map((e: Edge) => e.node.slug));
      expect(shown.length).toBeGreaterThan(0);
      // Each reason once: the strongest as the line, the others folded under it (test/search-results.test.ts).
      expect(shown.map((e) => [...e.reasons].sort())).toEqual(
        api.data.whoKnows.edges.map((e: { reasons: Array<{ text: string }> }) =>
          [...new Set(e.reasons.map((r) => r.text))].sort(),
        ),
      );
      expect(await page.locator('li.similar-inquiry').count()).toBeGreaterThan(0);
      await page.screenshot({ path: `${SHOTS}/search-en.png`, fullPage: true });
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    });

    it('answers a Dutch question in Dutch: reasons, headlines, the count, the title and an error', async () => {
      const context = await contextAs('officer', 'nl-NL');
      const page = await openPage(context, '/');
      expect(await page.locator('h1').textContent()).toContain('Wie weet');
      expect(await page.title()).toBe('Expertisegraaf — wie weet het?');
      const shown = await ask(page, 'Wie weet iets van halfgeleiders in China?');
      const api = await graphql(
        `
          {
            whoKnows(about: "halfgeleiders", country: "China", first: 10, language: NL) {
              edges {
                node {
                  slug
                  headlineNl
                }
                reasons {
                  text
                }
              }
            }
          }
        `,
        {},
        { as: 'officer' },
      );
      type DutchEdge = Edge & { node: { headlineNl: string | null }; reasons: Array<{ text: string }> };
      const edges: DutchEdge[] = api.data.whoKnows.edges;
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.map((e) => e.slug)).toEqual(edges.map((e) => e.node.slug));
      // The reasons in Dutch words, with the theme's Dutch name; the Dutch headlines, none of them marked English.
      // (The page puts the strongest reason first, as its one line, and folds out the others: compared as sets.)
      const sorted = (texts: string[]) => [...texts].sort();
      expect(shown.map((e) => sorted(e.reasons))).toEqual(edges.map((e) => sorted(e.reasons.map((r) => r.text))));
      expect(shown.flatMap((e) => e.reasons).join(' ')).toMatch(/Expertiseniveau \d van 5 in Halfgeleiders/);
      expect(shown.flatMap((e) => e.reasons).join(' ')).not.toMatch(/\(\+|%|\.;|Expertise level|counted/);
      expect(edges.every((e) => e.node.headlineNl)).toBe(true);
      expect(shown.map((e) => e.headline)).toEqual(edges.map((e) => e.node.headlineNl));
      expect(await page.locator('li.expert .headline[lang=en]').count()).toBe(0);
      expect(await page.locator('.status').textContent()).toMatch(/^\d+ experts? voor Halfgeleiders — China$/);
      await page.screenshot({ path: `${SHOTS}/search-nl.png`, fullPage: true });

      // A place the API does not know: the page says so in Dutch, with the API's English detail marked English.
      await page.locator('input.country').fill('Atlantis');
      await ask(page, 'halfgeleiders');
      const error = page.locator('.status .error');
      expect(await error.textContent()).toContain('Dit kon niet worden gebruikt zoals het is ingevuld.');
      expect(await error.locator('[lang=en]').textContent()).toContain('Atlantis');
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    });

    it('shows contact details only where the API gives them to the role', async () => {
      const question = 'Who knows about semiconductors?';
      const query = `{ whoKnows(about: "semiconductors", first: 10) { edges { node { slug email phone } } } }`;
      const seen: Record<string, Awaited<ReturnType<typeof ask>>> = {};
      for (const role of ['officer', 'admin', null] as const) {
        const context = await contextAs(role);
        seen[String(role)] = await ask(await openPage(context, '/'), question);
        await context.close();
      }
      // The officer sees an expert's e-mail exactly when the API returns it to an officer (consent), and
      // an administrator sees more; without a token nothing is asked for or shown.
      type Contact = { node: { email: string | null } };
      const asOfficer: Contact[] = (await graphql(query, {}, { as: 'officer' })).data.whoKnows.edges;
      const asAdmin: Contact[] = (await graphql(query, {}, { as: 'admin' })).data.whoKnows.edges;
      expect(seen.officer!.map((e) => e.email)).toEqual(asOfficer.map((e) => e.node.email ?? null));
      expect(seen.admin!.map((e) => e.email)).toEqual(asAdmin.map((e) => e.node.email ?? null));
      expect(seen.officer!.some((e) => e.email === null)).toBe(true); // some experts did not consent
      expect(seen.admin!.filter((e) => e.email).length).toBeGreaterThan(seen.officer!.filter((e) => e.email).length);
      expect(seen.null!.every((e) => e.email === null && e.phone === null)).toBe(true);
    });

    it('files an inquiry for an officer, and offers no form without a token', async () => {
      const anonymous = await contextAs(null);
      const viewerPage = await openPage(anonymous, '/?q=semiconductors');
      await viewerPage.waitForSelector('li.expert');
      expect(await viewerPage.locator('form.file-inquiry').count()).toBe(0);
      await anonymous.close();

      const context = await contextAs('officer');
      const page = await openPage(context, '/?q=Who+knows+about+semiconductors+in+Taiwan%3F');
      await page.waitForSelector('li.expert');
      await page.locator('.file-details summary').click();
      expect(await page.locator('select[name=routedTo]').inputValue()).toBe('ckn'); // proposed for Taiwan
      await page.locator('input[name=askedBy]').fill('min-bz');
      await page.locator('form.file-inquiry button[type=submit]').click();
      const filed = await page.waitForSelector('.filed');
      const slug = await filed.getAttribute('data-slug');
      const id = await filed.getAttribute('data-id');
      const stored = await graphql(
        `
          query ($id: ID!) {
            node(id: $id) {
              ... on Inquiry {
                slug
                question
                themes {
                  slug
                }
                countries {
                  code
                }
              }
            }
          }
        `,
        { id },
      );
      expect(stored.data.node).toMatchObject({
        slug,
        question: 'Who knows about semiconductors in Taiwan?',
        countries: [{ code: 'TW' }],
      });
      await context.close();
    });
  });

  describe('development sign-in (embedded default)', () => {
    let server: DevServer;
    beforeAll(async () => {
      server = await startDevServer();
      origins.add(new URL(server.url).origin);
    });
    afterAll(() => maybeUnset(server)?.stop());

    it('signs in with a picked role, which then decides what the page offers', async () => {
      const context = await contextAs(null);
      const page = await context.newPage();
      await page.goto(`${server.url}/?q=semiconductors`);
      await page.waitForSelector('li.expert');
      expect(await page.locator('form.file-inquiry').count()).toBe(0);
      await page.locator('select.dev-role').selectOption('sample-officer');
      await Promise.all([page.waitForEvent('load'), page.locator('button.dev-use').click()]);
      expect(await page.locator('.signin-who').textContent()).toContain('Policy officer (sample)');
      await page.waitForSelector('form.file-inquiry', { state: 'attached' });
      // Signing out ends the session: the page comes back signed out.
      await Promise.all([page.waitForEvent('load'), page.locator('button.signout').click()]);
      expect(await page.locator('.signin-who').textContent()).toContain('Not signed in');
      await context.close();
    });
  });

  it('sent no request outside the app', () => {
    expect(requested.length).toBeGreaterThan(0);
    const elsewhere = requested.filter((url) => !url.startsWith('data:') && !origins.has(new URL(url).origin));
    expect(elsewhere).toEqual([]);
  });
});
