// The partner file on the pages, in real headless Chromium against the test server and its Neo4j: on the desk
// beside an inquiry about Harbin Institute of Technology (its names, flags, earlier inquiries, risks and the
// "also open" notice), the desk's flagged-partners filter, and on the search page beside the experts for staff
// (not for a viewer), in English and Dutch, each with nothing for axe to fix. The file records its own inquiries
// (an unknown word in each question, so that the text filter finds them alone). Screenshots go to test-results/.
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '../src/auth/tokens.js';
import { graphql, testServer, tokenFor } from './helpers/api.js';
import { browserTestsRun, openBrowser, SERVER_WAIT_MS, openSignedIn } from './helpers/browser.js';
import { maybeUnset } from './helpers/maybe-unset.js';
import { axeViolations } from './helpers/axe.js';

const SHOTS = 'test-results/partner-pages';
const HARBIN = 'harbin-institute-of-technology';
/** Letters only, so that the full-text filter reads it as one word no seed inquiry has. */
const word = () =>
  `zq${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
const RUN = word();
const person = (key: string, name: string, roles: TokenClaims['roles']): TokenClaims => ({
  subject: `partner-pages-${RUN}-${key}`,
  name,
  roles,
});
const desk = person('desk', 'Dirk Desk', ['desk']);
const officer = person('officer', 'Olga Officer', ['officer']);
const viewer = person('viewer', 'Vera Viewer', ['viewer']);

/** Records a knowledge-security question as the officer, about a partner or none, with a word of its own. */
async function record(topic: string, partner: string | null) {
  const own = word();
  const answer = await graphql(
    `
      mutation ($input: RecordInquiryInput!) {
        recordInquiry(input: $input) {
          inquiry {
            slug
          }
        }
      }
    `,
    {
      input: {
        kind: 'KNOWLEDGE_SECURITY',
        askedBy: 'tu-delft',
        question: `${topic} (${own})`,
        contactName: 'Dr. Test Asker',
        contactEmail: 'asker@example.org',
        ...(partner ? { partner } : {}),
      },
    },
    { as: officer },
  );
  expect(answer.errors).toBeUndefined();
  return { slug: answer.data.recordInquiry.inquiry.slug as string, word: own };
}

interface ApiFile {
  screening: Array<{ status: string; list: string; delistedOn: string | null }>;
  partnerFile: { inquiries: Array<{ slug: string }>; riskCategories: Array<{ category: string }> };
}

/** The partner's screening and file as the API gives them to someone. */
async function apiFile(slug: string, as: TokenClaims): Promise<ApiFile> {
  const answer = await graphql(
    `
      query ($slug: String!) {
        institution(slug: $slug) {
          screening {
            status
            list
            delistedOn
          }
          partnerFile {
            inquiries {
              slug
            }
            riskCategories {
              category
            }
          }
        }
      }
    `,
    { slug },
    { as },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data.institution;
}

/** The partners whoKnows recognises in a question. */
async function partnersOf(about: string): Promise<string[]> {
  const answer = await graphql(
    'query ($about: String!) { whoKnows(about: $about, first: 1) { partners { slug } } }',
    { about },
    { as: officer },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data.whoKnows.partners.map((p: { slug: string }) => p.slug);
}

describe.runIf(browserTestsRun)('the partner file on the pages', { timeout: 4 * SERVER_WAIT_MS }, () => {
  const appUrl = testServer().appUrl;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors = new Map<Page, string[]>();

  async function open(who: TokenClaims, path: string, locale = 'en-GB', width = 1366): Promise<Page> {
    const seen: string[] = [];
    const token = await tokenFor(who);
    const url = `${appUrl}${path}`;
    const opened = await openSignedIn(browser, { url, token, locale, width, errors: seen, consoleErrors: true });
    contexts.push(opened.context);
    errors.set(opened.page, seen);
    return opened.page;
  }
  const pageErrors = (page: Page) => errors.get(page) ?? [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await openBrowser();
  }, 2 * SERVER_WAIT_MS);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await maybeUnset(browser)?.close();
  });

  it('shows the partner file beside a desk inquiry about Harbin, English and Dutch; filters flagged', async () => {
    const first = await record('May our lab host a visiting researcher from Harbin?', HARBIN);
    const second = await record('May we co-author a paper on composites with this partner?', HARBIN);
    const plain = await record('May we co-author a paper on composites with a Dutch firm?', null);
    const api = await apiFile(HARBIN, desk);
    const flags = api.screening.filter((m) => m.status === 'CONFIRMED');
    expect(flags.length).toBeGreaterThan(0);

    const page = await open(desk, `/desk?queue=ALL&text=${second.word}&inquiry=${second.slug}`);
    const file = page.locator(`.desk-partner .partner-file[data-partner="${HARBIN}"]`);
    await file.waitFor();
    expect(await file.locator('h3').first().textContent()).toBe('Partner file: Harbin Institute of Technology');
    // The original name is marked as Chinese; country and kind in words.
    expect(await file.locator('span[lang="zh"]').textContent()).toBe('哈尔滨工业大学');
    const names = await file.locator('.partner-names').textContent();
    expect(names).toContain('China');
    expect(names).toContain('university');
    // Every confirmed flag with its list, as the API has them.
    expect(await file.locator('.partner-flag').count()).toBe(flags.length);
    for (const flag of flags) expect(await file.locator('.partner-flags').textContent()).toContain(flag.list);
    expect(await file.locator('.partner-flags').textContent()).toContain('confirmed by');
    // The inquiries about it the desk may see, answered first, as the API lists them; and the other open one.
    const shown = await file
      .locator('.partner-inquiries > li')
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.slug));
    expect(shown).toEqual(api.partnerFile.inquiries.map((i) => i.slug));
    expect(shown).toContain(first.slug);
    expect(await file.locator('.partner-also-open').textContent()).toContain(first.slug);
    expect(await file.locator('.partner-also-open').textContent()).not.toContain(second.slug);
    await page.screenshot({ path: `${SHOTS}/desk.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // The flagged-partners filter: the Harbin questions stay, the one without a partner goes.
    const filtered = await open(desk, `/desk?queue=ALL&text=composites&flagged=1`);
    await filtered.locator(`.desk-row[data-slug="${second.slug}"]`).waitFor();
    expect(await filtered.locator(`.desk-row[data-slug="${plain.slug}"]`).count()).toBe(0);
    expect(await filtered.locator('input[name="flagged"]').isChecked()).toBe(true);
    const unfiltered = await open(desk, `/desk?queue=ALL&text=${plain.word}`);
    await unfiltered.locator(`.desk-row[data-slug="${plain.slug}"]`).waitFor();

    // Dutch, at 390 px: the file fits the width.
    const dutch = await open(desk, `/desk?queue=ALL&text=${second.word}&inquiry=${second.slug}`, 'nl-NL', 390);
    const dutchFile = dutch.locator(`.partner-file[data-partner="${HARBIN}"]`);
    await dutchFile.waitFor();
    expect(await dutchFile.locator('h3').first().textContent()).toBe('Partnerdossier: Harbin Institute of Technology');
    expect(await dutchFile.locator('.partner-also-open').textContent()).toContain('Ook open over deze partner');
    expect(await dutchFile.textContent()).toContain('Screeningsvlaggen');
    expect(await dutchFile.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await dutch.screenshot({ path: `${SHOTS}/desk-dutch-390.png`, fullPage: true });
    expect(await axeViolations(dutch)).toEqual([]);
    for (const p of [page, filtered, unfiltered, dutch]) expect(pageErrors(p)).toEqual([]);
  });

  it('shows the files of the partners a search names to staff, in English and Dutch; a viewer sees none', async () => {
    const question = 'robotics at Harbin Institute of Technology and Tsinghua University';
    const partners = await partnersOf(question);
    expect(partners).toEqual(expect.arrayContaining([HARBIN, 'tsinghua-university']));
    const path = `/?q=${encodeURIComponent(question)}`;

    const page = await open(officer, path);
    await page.locator(`.partner-files .partner-file[data-partner="${HARBIN}"]`).waitFor();
    const tsinghua = page.locator('.partner-file[data-partner="tsinghua-university"]');
    await tsinghua.waitFor();
    expect(await page.locator('.partner-files .partner-file').count()).toBe(partners.length);
    expect(await page.locator('.partner-file h2').first().textContent()).toContain('Partner file');
    // The tracker delisted Tsinghua: its flag stays, shown as delisted.
    const api = await apiFile('tsinghua-university', officer);
    expect(api.screening.some((m) => m.status === 'CONFIRMED' && m.delistedOn)).toBe(true);
    expect(await tsinghua.locator('.partner-flag.delisted').textContent()).toContain('delisted on');
    expect(await tsinghua.locator('span[lang="zh"]').textContent()).toBe('清华大学');
    await page.screenshot({ path: `${SHOTS}/search.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    const dutch = await open(officer, path, 'nl-NL', 390);
    await dutch.locator(`.partner-file[data-partner="${HARBIN}"]`).waitFor();
    expect(await dutch.locator('.partner-file h2').first().textContent()).toContain('Partnerdossier');
    expect(await dutch.locator('.partner-flag.delisted').textContent()).toContain('van de lijst gehaald op');
    await dutch.screenshot({ path: `${SHOTS}/search-dutch-390.png`, fullPage: true });
    expect(await axeViolations(dutch)).toEqual([]);

    // A viewer gets the experts and no file, nor any word of a refusal.
    const seen = await open(viewer, path);
    await seen.waitForFunction(
      () => !document.querySelector('#app[aria-busy]') && document.querySelector('.similar h2'),
    );
    expect(await seen.locator('.partner-file').count()).toBe(0);
    expect(await seen.locator('main').textContent()).not.toMatch(/FORBIDDEN|not allowed|Partner file/);
    for (const p of [page, dutch, seen]) expect(pageErrors(p)).toEqual([]);
  });
});
