// The desk page (/desk) in real headless Chromium against the test server and its Neo4j: a desk question from
// intake to answer, a reroute to REKA, a hand-over that reaches the colleague's inbox, the Dutch page, and the
// keyboard alone. Every step is checked in the page and against the API. The file files its own inquiries (an
// unknown word in each question, so that the text filter finds them alone). Screenshots go to test-results/.
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '../src/auth/tokens.js';
import { graphql, testServer, tokenFor } from './helpers/api.js';
import { browserTestsRun, openBrowser, SERVER_WAIT_MS, openSignedIn } from './helpers/browser.js';
import { maybeUnset } from './helpers/maybe-unset.js';
import { axeViolations } from './helpers/axe.js';

const SHOTS = 'test-results/desk-page';
/** Letters only, so that the full-text filter reads it as one word no seed inquiry has. */
const word = () =>
  `zq${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
const RUN = word();
const person = (key: string, name: string, roles: TokenClaims['roles'], networks: string[] = []): TokenClaims => ({
  subject: `desk-page-${RUN}-${key}`,
  name,
  roles,
  networks,
});
const deskA = person('desk-a', 'Anna Desk', ['desk']);
const deskB = person('desk-b', 'Bram Desk', ['desk']);
const reka = person('reka', 'Rosa Reka', ['secretariat'], ['reka']);
const officer = person('officer', 'Olga Officer', ['officer']);

interface Filed {
  id: string;
  slug: string;
  word: string;
}

/** Files a knowledge-security question as the officer, through the API, with a word of its own. */
async function fileInquiry(topic: string): Promise<Filed> {
  const own = word();
  const answer = await graphql(
    `
      mutation ($input: RecordInquiryInput!) {
        recordInquiry(input: $input) {
          inquiry {
            id
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
      },
    },
    { as: officer },
  );
  expect(answer.errors).toBeUndefined();
  return { ...answer.data.recordInquiry.inquiry, word: own };
}

/** The inquiry as the API has it now (read as an administrator). */
async function apiInquiry(slug: string) {
  const answer = await graphql(
    `
      query ($slug: String!) {
        inquiry(slug: $slug) {
          status
          version
          closingReason
          answerSummary
          handler {
            id
            name
          }
          routedTo {
            slug
          }
          reroutes {
            reason
          }
          notes {
            text
          }
          askerMessages {
            channel
            summary
          }
          consultations {
            status
            expert {
              slug
            }
          }
          dueAt
        }
      }
    `,
    { slug },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data.inquiry;
}

describe.runIf(browserTestsRun)('the desk page in a browser', { timeout: 4 * SERVER_WAIT_MS }, () => {
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
  /** Console errors other than the API's refusals a test provokes on purpose. */
  const pageErrors = (page: Page) => (errors.get(page) ?? []).filter((text) => !/status of 4\d\d/.test(text));

  /** Opens a form of the inquiry view, fills it and sends it. */
  async function submit(page: Page, action: string, fill: (form: ReturnType<Page['locator']>) => Promise<void>) {
    const details = page.locator(`details[data-action="${action}"]`);
    await details.locator('summary').click();
    await fill(details);
    await details.locator('button[type="submit"]').click();
  }
  const handlerShown = (page: Page) => page.locator('.desk-intake dd[data-field="handler"]');

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await openBrowser();
    // Colleagues known as handlers (as the desk page registers whoever opens it).
    for (const who of [deskA, deskB, reka]) {
      const registered = await graphql('mutation { registerHandler { id } }', {}, { as: who });
      expect(registered.errors).toBeUndefined();
    }
  }, 2 * SERVER_WAIT_MS);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await maybeUnset(browser)?.close();
  });

  it('takes a desk question from intake to answer: claim, expert, note, message, answer, close', async () => {
    const filed = await fileInquiry('May our lab share lithography know-how with a partner abroad?');
    const page = await open(deskA, `/desk?queue=UNASSIGNED&text=${filed.word}`);
    const row = page.locator(`.desk-row[data-slug="${filed.slug}"]`);
    await row.waitFor();
    expect(await page.locator('.desk-row').count()).toBe(1);
    // The queue's count is the API's, for the same person.
    const counts = await graphql('{ inquiryQueues { queue count } }', {}, { as: deskA });
    const unassigned = counts.data.inquiryQueues.find((q: { queue: string }) => q.queue === 'UNASSIGNED').count;
    expect(await page.locator('.count[data-queue="UNASSIGNED"]').textContent()).toBe(String(unassigned));

    await row.locator('a').click();
    await page.locator('.desk-inquiry-main h2', { hasText: filed.slug }).waitFor();
    expect(page.url()).toContain(`inquiry=${filed.slug}`);
    await expect.poll(() => handlerShown(page).textContent()).toBe('nobody');

    await page.locator('button[data-action="claim"]').click();
    await page.locator('.desk-intake dd[data-field="handler"]', { hasText: deskA.name! }).waitFor();
    expect((await apiInquiry(filed.slug)).handler).toEqual({ id: deskA.subject, name: deskA.name });

    // A suggested expert is offered; ask one by slug.
    await submit(page, 'ask-expert', async (form) => {
      await form.locator('input[name="expert"]').fill('maarten-kooistra');
      await form.locator('select[name="channel"]').selectOption('PHONE');
    });
    await page.locator('.desk-event[data-kind="ASKED"]', { hasText: 'Maarten' }).waitFor();
    expect((await apiInquiry(filed.slug)).consultations).toEqual([
      { status: 'WAITING', expert: { slug: 'maarten-kooistra' } },
    ]);

    await submit(page, 'outcome', async (form) => {
      await form.locator('select[name="outcome"]').selectOption('ANSWERED');
      await form.locator('textarea[name="note"]').fill('Sharing is fine under conditions.');
    });
    await page.locator('.desk-event[data-kind="CONSULTED"]', { hasText: 'Sharing is fine' }).waitFor();
    expect((await apiInquiry(filed.slug)).consultations[0].status).toBe('ANSWERED');

    const note = `Checked the export list ${filed.word}.`;
    await submit(page, 'note', (form) => form.locator('textarea[name="text"]').fill(note));
    await page.locator('.desk-event[data-kind="NOTE"]', { hasText: note }).waitFor();
    expect((await apiInquiry(filed.slug)).notes).toEqual([{ text: note }]);

    const message = 'We asked an expert and come back to you by Friday.';
    await submit(page, 'message', async (form) => {
      await form.locator('select[name="channel"]').selectOption('EMAIL');
      await form.locator('textarea[name="summary"]').fill(message);
    });
    await page.locator('.desk-event[data-kind="MESSAGE"]', { hasText: message }).waitFor();
    expect((await apiInquiry(filed.slug)).askerMessages).toEqual([{ channel: 'EMAIL', summary: message }]);

    const answer = 'Yes, under the conditions the expert named.';
    await submit(page, 'answer', (form) => form.locator('textarea[name="answerSummary"]').fill(answer));
    await page.locator('.desk-inquiry-main h2', { hasText: 'answered' }).waitFor();
    expect(await apiInquiry(filed.slug)).toMatchObject({ status: 'ANSWERED', answerSummary: answer });

    await submit(page, 'close', async (form) => {
      await form.locator('select[name="reason"]').selectOption('ANSWERED');
    });
    await page.locator('.desk-inquiry-main h2', { hasText: 'closed' }).waitFor();
    expect(await apiInquiry(filed.slug)).toMatchObject({ status: 'CLOSED', closingReason: 'ANSWERED' });
    await page.locator('.desk-intake dd[data-field="closingReason"]', { hasText: 'answered' }).waitFor();
    // The whole story is in the timeline, newest first.
    const kinds = await page
      .locator('.desk-event')
      .evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.kind));
    expect(kinds[0]).toBe('STATUS');
    expect(kinds).toEqual(expect.arrayContaining(['ASSIGNMENT', 'ASKED', 'CONSULTED', 'NOTE', 'MESSAGE', 'STATUS']));
    await page.screenshot({ path: `${SHOTS}/intake-to-answer.png`, fullPage: true });
    expect(pageErrors(page)).toEqual([]);
  });

  it('reroutes a question from the desk to REKA with a reason: the desk reads it only, REKA queues it', async () => {
    const filed = await fileInquiry('Can we host a researcher from a Belarusian institute?');
    const page = await open(deskA, `/desk?queue=ALL&inquiry=${filed.slug}`);
    await page.locator('.desk-inquiry-main h2', { hasText: filed.slug }).waitFor();
    const reason = 'About a Belarusian partner: a question for REKA.';
    await submit(page, 'reroute', async (form) => {
      await form.locator('select[name="to"]').selectOption('reka');
      await form.locator('textarea[name="reason"]').fill(reason);
    });
    await page.locator('.desk-readonly').waitFor();
    expect(await page.locator('.desk-actions').count()).toBe(0);
    await page.locator('.desk-event[data-kind="REROUTE"]', { hasText: reason }).waitFor();
    const after = await apiInquiry(filed.slug);
    expect(after.routedTo.slug).toBe('reka');
    expect(after.reroutes).toEqual([{ reason }]);
    // A write the desk tries anyway is refused by the API.
    const refused = await graphql(
      'mutation ($input: AddInquiryNoteInput!) { addInquiryNote(input: $input) { version } }',
      { input: { id: filed.slug, expectedVersion: after.version, text: 'still mine?' } },
      { as: deskA },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const rekaPage = await open(reka, `/desk?queue=UNASSIGNED&text=${filed.word}`);
    await rekaPage.locator(`.desk-row[data-slug="${filed.slug}"]`).waitFor();
    await rekaPage.locator(`.desk-row[data-slug="${filed.slug}"] a`).click();
    await rekaPage.locator('button[data-action="claim"]').waitFor();
    await rekaPage.screenshot({ path: `${SHOTS}/rerouted-reka.png`, fullPage: true });
    expect(pageErrors(page)).toEqual([]);
    expect(pageErrors(rekaPage)).toEqual([]);
  });

  it('hands a question over to a colleague with a note; the colleague’s unread count in the header rises', async () => {
    const filed = await fileInquiry('Which checks apply to a visiting PhD student in photonics?');
    const colleague = await open(deskB, '/');
    const count = colleague.locator('#header .inbox-count');
    const unread = async (): Promise<number> =>
      (await graphql('{ unreadNotificationCount }', {}, { as: deskB })).data.unreadNotificationCount as number;
    const before = await unread();
    await expect.poll(() => count.textContent()).toBe(String(before));

    const page = await open(deskA, `/desk?queue=ALL&inquiry=${filed.slug}`);
    await page.locator('button[data-action="claim"]').click();
    await page.locator('.desk-intake dd[data-field="handler"]', { hasText: deskA.name! }).waitFor();
    const note = 'Draft answer ready; RVO calls back on Thursday.';
    await submit(page, 'hand-over', async (form) => {
      await form.locator(`select[name="assignee"] option[value="${deskB.subject}"]`).waitFor({ state: 'attached' });
      await form.locator('select[name="assignee"]').selectOption(deskB.subject);
      await form.locator('textarea[name="note"]').fill(note);
    });
    await page.locator('.desk-intake dd[data-field="handler"]', { hasText: deskB.name! }).waitFor();
    await page.locator('.desk-event[data-kind="ASSIGNMENT"]', { hasText: note }).waitFor();
    expect((await apiInquiry(filed.slug)).handler).toEqual({ id: deskB.subject, name: deskB.name });

    const now = await unread();
    expect(now).toBe(before + 1);
    await colleague.reload();
    await expect.poll(() => count.textContent()).toBe(String(now));
    // The inbox lists it, linking to the inquiry on /desk.
    await colleague.locator('#header .inbox-button').click();
    await colleague.locator(`.inbox-panel li[data-kind="HANDED_OVER"][data-slug="${filed.slug}"] a`).waitFor();
    expect(pageErrors(colleague)).toEqual([]);
  });

  it('speaks Dutch on the Dutch page, with Dutch dates, with nothing for axe to fix', async () => {
    const filed = await fileInquiry('Mogen wij kennis over drones delen met een buitenlandse universiteit?');
    const page = await open(deskA, `/desk?queue=UNASSIGNED&inquiry=${filed.slug}`, 'nl-NL');
    await page.locator('.desk-inquiry-main h2', { hasText: filed.slug }).waitFor();
    expect(await page.locator('h1').textContent()).toBe('Vragenloket');
    expect(await page.locator('a[data-queue="UNASSIGNED"]').textContent()).toContain('Niet toegewezen');
    expect(await page.locator('a[data-queue="WAITING_ON_MINISTRIES"]').textContent()).toContain('Wacht op ministeries');
    expect(await page.locator('button[data-action="claim"]').textContent()).toBe('Neem');
    expect(await page.locator('#header nav a[href="/desk"]').textContent()).toBe('Loket');
    expect(await page.locator('.desk-inquiry-main h2').textContent()).toContain('ontvangen');
    const { dueAt } = await apiInquiry(filed.slug);
    const dutch = new Date(dueAt).toLocaleDateString('nl-NL', {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
    expect(await page.locator('.desk-intake dd[data-field="due"]').textContent()).toContain(dutch);
    expect(await page.locator('.desk-intake').textContent()).toContain('Uiterlijk');
    await page.screenshot({ path: `${SHOTS}/dutch.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  });

  it('works by keyboard alone: reach a queue, open an inquiry, claim it; Escape closes a form', async () => {
    const filed = await fileInquiry('Who checks a joint lab with a foreign defence university?');
    const page = await open(deskA, `/desk?queue=MINE&text=${filed.word}`);
    await page.locator('.desk-queue .status', { hasText: /Nothing|shown/ }).waitFor();
    /** Presses Tab until the focused element matches, within a bound. */
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await tabTo('a[data-queue="UNASSIGNED"]');
    await page.keyboard.press('Enter');
    await page.locator(`.desk-row[data-slug="${filed.slug}"]`).waitFor();
    await tabTo(`.desk-row[data-slug="${filed.slug}"] a`);
    await page.keyboard.press('Enter');
    await page.locator('.desk-inquiry-main h2', { hasText: filed.slug }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await tabTo('button[data-action="claim"]');
    await page.keyboard.press('Enter');
    await page.locator('.desk-intake dd[data-field="handler"]', { hasText: deskA.name! }).waitFor();
    expect((await apiInquiry(filed.slug)).handler.id).toBe(deskA.subject);

    // Focus is back on the inquiry; a form opens with Enter on its summary and closes with Escape.
    await tabTo('details[data-action="note"] summary');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('text');
    await page.keyboard.press('Escape');
    expect(await page.locator('details[data-action="note"]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(
      false,
    );
    expect(pageErrors(page)).toEqual([]);
  });
});
