// The expert profile (/experts/<slug>) in real headless Chromium against the test server: a seed expert in English
// (as an officer) and in Dutch (as a viewer), each section checked against what the API gives the same reader; axe
// finds nothing to fix; on paper the navigation is gone; a card on the search page leads there; an unknown slug is a
// 404 in the page's language, and a merged expert's old slug leads to the kept one.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '../src/auth/tokens.js';
import { graphql, testServer, tokenFor } from './helpers/api.js';
import { browserTestsRun, openBrowser, SERVER_WAIT_MS, openSignedIn } from './helpers/browser.js';
import { maybeUnset } from './helpers/maybe-unset.js';
import { axeViolations } from './helpers/axe.js';

/** Consented to direct contact, in CKN, with a Dutch bio and answered inquiries in the seed. */
const SLUG = 'anke-visser';
const officer: TokenClaims = { subject: 'profile-officer', name: 'Olga Officer', roles: ['officer'] };
/** Named for its network, as a secretariat signs in: its verifications read "verified by the CKN secretariat". */
const cknSecretariat: TokenClaims = {
  subject: 'profile-ckn',
  name: 'CKN secretariat (test)',
  roles: ['secretariat'],
  networks: ['ckn'],
};

/** What the API gives `who` of the expert: the page must show exactly this. */
async function apiExpert(who: TokenClaims | null) {
  const answer = await graphql(
    `
      query ($slug: String!) {
        expert(slug: $slug) {
          name
          headline
          headlineNl
          bio
          bioNl
          expertise {
            provenance
            theme {
              name
              nameNl
            }
          }
          countryFocus {
            country {
              name
            }
          }
          affiliations {
            role
            institution {
              name
            }
          }
          networks {
            acronym
          }
          contributions {
            slug
          }
          events {
            slug
          }
        }
      }
    `,
    { slug: SLUG },
    { as: who },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data.expert;
}

const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();

describe.runIf(browserTestsRun)('the expert profile in a browser', { timeout: 4 * SERVER_WAIT_MS }, () => {
  const appUrl = testServer().appUrl;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let verifiedTheme: { name: string; nameNl: string };
  let eventSlug: string;

  async function open(who: TokenClaims | null, path: string, locale = 'en-GB'): Promise<Page> {
    const token = who ? await tokenFor(who) : null;
    const { context, page } = await openSignedIn(browser, {
      url: `${appUrl}${path}`,
      token,
      locale,
      errors: pageErrors,
    });
    contexts.push(context);
    return page;
  }

  beforeAll(async () => {
    browser = await openBrowser();
    // The secretariat verifies the expert's first theme, and the expert speaks at a CKN meeting.
    const read = await graphql(
      `
        query ($slug: String!) {
          expert(slug: $slug) {
            version
            expertise {
              level
              theme {
                slug
                name
                nameNl
              }
            }
          }
        }
      `,
      { slug: SLUG },
    );
    const { version, expertise } = read.data.expert as {
      version: number;
      expertise: Array<{ level: number; theme: { slug: string; name: string; nameNl: string } }>;
    };
    verifiedTheme = expertise[0]!.theme;
    const verified = await graphql(
      `
        mutation ($id: String!, $v: Int!, $expertise: [ExpertiseInput!]!) {
          updateExpert(input: { id: $id, expectedVersion: $v, expertise: $expertise }) {
            version
          }
        }
      `,
      {
        id: SLUG,
        v: version,
        expertise: expertise.map((x, i) => ({
          theme: x.theme.slug,
          level: x.level,
          provenance: i === 0 ? 'VERIFIED' : 'DECLARED',
        })),
      },
      { as: cknSecretariat },
    );
    expect(verified.errors).toBeUndefined();
    const event = await graphql(
      `
        mutation ($input: CreateEventInput!) {
          createEvent(input: $input) {
            slug
          }
        }
      `,
      {
        input: {
          kind: 'NETWORK_MEETING',
          network: 'ckn',
          title: 'Spring meeting on research security',
          startsAt: '2026-03-10T13:00:00Z',
          location: 'The Hague',
          speakers: [{ expert: SLUG, topic: 'Partnerships' }],
        },
      },
      { as: cknSecretariat },
    );
    expect(event.errors).toBeUndefined();
    eventSlug = event.data.createEvent.slug;
  }, 2 * SERVER_WAIT_MS);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await maybeUnset(browser)?.close();
    expect(pageErrors).toEqual([]);
  });

  it('shows an officer every section in English, as the API gives it, with nothing for axe to fix', async () => {
    const [expert, answered] = await Promise.all([
      apiExpert(officer),
      graphql(
        `
          query ($e: String!) {
            inquiries(filter: { answeredBy: $e }, first: 20) {
              edges {
                node {
                  slug
                }
              }
            }
          }
        `,
        {
          e: SLUG,
        },
        { as: officer },
      ),
    ]);
    const page = await open(officer, `/experts/${SLUG}`);
    await page.locator('article.profile').waitFor();
    expect(await page.locator('h1').allTextContents()).toEqual([expert.name]);
    expect(await page.title()).toContain(expert.name);
    expect(await page.locator('.headline').textContent()).toBe(expert.headline);
    expect(await page.locator('.bio').textContent()).toBe(expert.bio);
    expect(await page.locator('main [lang="en"]').count()).toBe(0);

    expect(await texts(page, '.profile-expertise .level-name')).toEqual(
      expert.expertise.map((x: { theme: { name: string } }) => x.theme.name),
    );
    const verified = page.locator('.profile-expertise li[data-provenance="VERIFIED"] .provenance');
    const today = new Date().toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Amsterdam',
    });
    expect(await verified.textContent()).toBe(`verified by the CKN secretariat on ${today}`);
    expect(await texts(page, '.profile-expertise li[data-provenance="DECLARED"] .provenance')).toEqual(
      Array(expert.expertise.length - 1).fill('declared by the expert'),
    );
    expect(await texts(page, '.profile-countryFocus .level-name')).toEqual(
      expert.countryFocus.map((f: { country: { name: string } }) => f.country.name),
    );
    // Role and institution each in a cell of their own.
    expect(await texts(page, 'table.affiliations td.role')).toEqual(
      expert.affiliations.map((a: { role: string | null }) => a.role ?? ''),
    );
    expect(await texts(page, 'table.affiliations td.institution')).toEqual(
      expert.affiliations.map((a: { institution: { name: string } }) => a.institution.name),
    );
    expect((await texts(page, '.profile-networks li')).join()).toContain('CKN');
    expect(
      await page
        .locator('.profile-contributions li')
        .evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.slug)),
    ).toEqual(expert.contributions.map((c: { slug: string }) => c.slug));
    expect(
      await page
        .locator('.profile-events li')
        .evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.slug)),
    ).toEqual([eventSlug]);
    // The inquiries the officer may see: the seed's shareable answered ones.
    const mayRead = answered.data.inquiries.edges.map((e: { node: { slug: string } }) => e.node.slug).sort();
    expect(mayRead.length).toBeGreaterThan(0);
    expect(
      (
        await page
          .locator('.profile-inquiries li')
          .evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.slug))
      ).sort(),
    ).toEqual(mayRead);
    // The expert consented: an officer gets the e-mail address.
    expect(await page.locator('.profile-contact a[href^="mailto:"]').count()).toBe(1);

    // Landmarks, one h1, headings in order, the skip link first.
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('body > :first-child').getAttribute('class')).toBe('skip-link');
    const levels = await page
      .locator('main h1, main h2, main h3')
      .evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels.every((level, i) => i === 0 || level <= levels[i - 1]! + 1)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // On paper: the profile without the page's header and skip link.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#header').isVisible()).toBe(false);
    expect(await page.locator('nav').isVisible()).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(255, 255, 255)');
  });

  it('shows a viewer the Dutch profile: Dutch where there is Dutch, English marked as such, no inquiries', async () => {
    const expert = await apiExpert(null);
    const page = await open(null, `/experts/${SLUG}`, 'nl-NL');
    await page.locator('article.profile').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    const headline = page.locator('.headline');
    if (expert.headlineNl) expect(await headline.textContent()).toBe(expert.headlineNl);
    else expect([await headline.textContent(), await headline.getAttribute('lang')]).toEqual([expert.headline, 'en']);
    expect(await page.locator('.bio').textContent()).toBe(expert.bioNl);
    expect(await page.locator('.bio').getAttribute('lang')).toBeNull();
    expect(await page.locator('h2#expertise-title').textContent()).toBe('Expertise');
    const today = new Date().toLocaleDateString('nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Amsterdam',
    });
    expect(await page.locator('li[data-provenance="VERIFIED"] .level-name').textContent()).toBe(verifiedTheme.nameNl);
    expect(await page.locator('li[data-provenance="VERIFIED"] .provenance').textContent()).toBe(
      `geverifieerd door het CKN-secretariaat op ${today}`,
    );
    expect(await page.locator('table.affiliations th').allTextContents()).toEqual(['Functie', 'Instelling', 'Periode']);
    // A viewer reads no inquiries and no contact details, and is told of no refusal.
    expect(await page.locator('.profile-inquiries').count()).toBe(0);
    expect(await page.locator('.profile-contact').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toMatch(/FORBIDDEN|not open|niet voor/i);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('links a card on the search page to the profile', async () => {
    const page = await open(officer, '/?q=semiconductors');
    const link = page.locator('li.expert h3 a').first();
    await link.waitFor();
    const name = await link.textContent();
    const slug = await page.locator('li.expert').first().getAttribute('data-slug');
    expect(await link.getAttribute('href')).toBe(`/experts/${slug}`);
    await link.click();
    await page.locator('article.profile').waitFor();
    expect(await page.locator('h1').textContent()).toContain(name);
  });

  it('answers an unknown slug with a 404 in its reader’s language, and a merged one with the kept expert', async () => {
    const page = await open(null, '/experts/nobody-by-this-name', 'nl-NL');
    await page.locator('h1').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Geen expert gevonden');
    expect(
      await page.evaluate(() =>
        performance.getEntriesByType('navigation').map((n) => (n as PerformanceNavigationTiming).responseStatus),
      ),
    ).toEqual([404]);

    const versions = await graphql(`
      {
        a: expert(slug: "anke-visser") {
          version
        }
        b: expert(slug: "judith-kamphuis") {
          version
        }
      }
    `);
    const merged = await graphql(
      `
        mutation ($input: MergeExpertsInput!) {
          mergeExperts(input: $input) {
            slug
          }
        }
      `,
      {
        input: {
          keep: SLUG,
          keepVersion: versions.data.a.version,
          remove: 'judith-kamphuis',
          removeVersion: versions.data.b.version,
        },
      },
    );
    expect(merged.errors).toBeUndefined();
    const old = await fetch(`${appUrl}/experts/judith-kamphuis`, {
      headers: { accept: 'text/html' },
      redirect: 'manual',
    });
    expect([old.status, old.headers.get('location')]).toEqual([301, `/experts/${SLUG}`]);
  });
});
