// The search page (/): "who knows about X in country Y" for policy officers, with the reasons for each
// expert, contact details where the API returns them, similar earlier inquiries, and filing an inquiry.
import {
  RecordInquiryDocument,
  SimilarInquiriesDocument,
  WhoKnowsDocument,
  type SimilarInquiriesQuery,
} from './gql/graphql';
import { request, RequestFailed } from './lib/client';
import { elementById, h, render } from './lib/dom';
import { formatCount, formatDate, labels, localName } from './lib/i18n';
import { failureNotice } from './lib/failure';
import { readQuestion } from './lib/question';
import { addressOf, PAGE_SIZE, readAddress, type SearchAddress } from './lib/search-address';
import { currentRoles } from './lib/session';
import { mountHeader, pageOptions } from './lib/signin';
import { mountFileForm } from './file-inquiry';
import { mountMyInquiries } from './my-inquiries';
import { loadPartnerFiles } from './partner-file';
import { showResults } from './search-results';
import { faqMatches } from './faq-matches';
import { EXPERT_FORMS, SEARCH_TEXT } from './search-text';
import './pages.css';
import './results.css';

const t = labels(SEARCH_TEXT);
mountHeader(elementById('header'), { ...pageOptions(), current: 'search' });

/** Roles that may file an inquiry (recordInquiry's scope); the API refuses everyone else anyway. */
const MAY_FILE = ['officer', 'secretariat', 'desk', 'admin'];
/**
 * Dashboards (viewers) never see contact details, so they do not ask; the API decides for everyone else, per expert.
 */
const mayReadContacts = currentRoles().some((role) => MAY_FILE.includes(role));

const main = elementById('app');
const questionInput = h('input', {
  type: 'search',
  name: 'q',
  class: 'question',
  required: true,
  placeholder: t('placeholder'),
  'aria-label': t('question'),
  maxLength: 500,
});
const countryInput = h('input', {
  type: 'text',
  name: 'country',
  class: 'country',
  placeholder: t('countryPlaceholder'),
  'aria-label': t('country'),
  maxLength: 100,
});
const status = h('p', { class: 'status', role: 'status' });
const experts = h('section', { class: 'experts', 'aria-label': t('experts') });
const similar = h('section', { class: 'similar', 'aria-label': t('similar') });
const filing = h('section', { class: 'file' });
const partnerFiles = h('div', { class: 'partner-files' });
const mine = h('section', { class: 'my-inquiries', id: 'my-inquiries', 'aria-label': t('myInquiries') });

type Similar = SimilarInquiriesQuery['similarInquiries'][number];

function similarCard(item: Similar): HTMLElement {
  const inquiry = item.inquiry;
  const about = [...inquiry.themes.map(localName), ...inquiry.countries.map(localName)].join(', ');
  return h(
    'li',
    { class: 'similar-inquiry', dataset: { slug: inquiry.slug } },
    h('p', { class: 'asked' }, inquiry.question),
    h(
      'p',
      { class: 'meta' },
      [formatDate(inquiry.receivedAt), t(`status_${inquiry.status}` as 'status_RECEIVED'), about]
        .filter(Boolean)
        .join(' · '),
    ),
    item.sharedAnswer
      ? h(
          'blockquote',
          { class: 'answer' },
          item.sharedAnswer,
          item.answeredBy.length
            ? h('footer', {}, `${t('answeredBy')} ${item.answeredBy.map((e) => e.name).join(', ')}`)
            : null,
        )
      : h('p', { class: 'no-answer' }, inquiry.answeredAt ? t('answerNotShared') : t('notAnswered')),
    // Each reason is a sentence of its own.
    h('p', { class: 'why' }, item.reasons.map((r) => r.text).join(' ')),
  );
}

/** What whoKnows was asked: the subject and the country or region, as the API took them. */
interface Asked {
  about: string;
  country: string | null;
}

const askWhoKnows = (asked: Asked, first: number, after: string | null = null) =>
  request(WhoKnowsDocument, { ...asked, first, after, contacts: mayReadContacts });

/** whoKnows with the country read from the question, or without it when the API does not know that place. */
async function whoKnows(text: string, chosenCountry: string, first: number) {
  const read = readQuestion(text);
  const country = chosenCountry || read.country;
  try {
    const asked = { about: read.about, country: country || null };
    return { ...(await askWhoKnows(asked, first)), asked };
  } catch (error) {
    if (!(error instanceof RequestFailed) || chosenCountry || !read.country || error.code !== 'BAD_USER_INPUT')
      throw error;
    const asked = { about: read.about + ' in ' + read.country, country: null };
    return { ...(await askWhoKnows(asked, first)), asked };
  }
}

async function showSimilar(text: string, chosenCountry: string): Promise<void> {
  try {
    const [answered, found] = await Promise.all([
      faqMatches(text),
      request(SimilarInquiriesDocument, { question: text, country: chosenCountry || null, first: 5 }),
    ]);
    const items = found.data.similarInquiries;
    render(
      similar,
      answered,
      h('h2', {}, t('similar')),
      items.length
        ? h('ol', { class: 'similar-list' }, items.map(similarCard))
        : h('p', { class: 'empty' }, t('noSimilar')),
    );
  } catch (error) {
    render(
      similar,
      h('h2', {}, t('similar')),
      failureNotice(error, () => void showSimilar(text, chosenCountry)),
    );
  }
}

/** Keeps the search in the address (replacing the entry), so that a reload or a shared link shows it again. */
const keepInAddress = (search: SearchAddress) => history.replaceState(null, '', addressOf(search, location.href));

async function search({ question: text, country: chosenCountry, shown }: SearchAddress): Promise<void> {
  keepInAddress({ question: text, country: chosenCountry, shown });
  render(status, t('searching'));
  render(experts);
  render(similar);
  render(filing);
  render(partnerFiles);
  main.setAttribute('aria-busy', 'true');
  const read = readQuestion(text);
  const [found] = await Promise.allSettled([whoKnows(text, chosenCountry, shown), showSimilar(text, chosenCountry)]);
  main.removeAttribute('aria-busy');
  if (found.status === 'rejected') {
    render(
      status,
      failureNotice(found.reason, () => void search({ question: text, country: chosenCountry, shown })),
    );
  } else {
    const { data, asked } = found.value;
    const result = data.whoKnows;
    const understood = [
      result.theme ? localName(result.theme) : `“${read.about}”`,
      result.region ? localName(result.region) : result.countries.map(localName).join(', '),
    ]
      .filter(Boolean)
      .join(' — ');
    render(status, `${formatCount(result.totalCount, EXPERT_FORMS)} ${t('found')} ${understood}`);
    // The files of the partners it names, for staff (viewers may not read them, so they do not ask).
    if (mayReadContacts && result.partners.length)
      void loadPartnerFiles(
        partnerFiles,
        result.partners.map((p) => p.slug),
      );
    showResults(
      experts,
      found.value,
      {
        question: text,
        after: (cursor) => askWhoKnows(asked, PAGE_SIZE, cursor),
        address: (count) => addressOf({ question: text, country: chosenCountry, shown: count }, location.href),
        shown: (count) => keepInAddress({ question: text, country: chosenCountry, shown: count }),
      },
      t,
    );
  }
  if (currentRoles().some((role) => MAY_FILE.includes(role))) {
    const answer = found.status === 'fulfilled' ? found.value : null;
    mountFileForm(
      filing,
      t,
      {
        question: text,
        theme: answer?.data.whoKnows.theme?.slug ?? null,
        country: answer?.asked.country ?? null,
        recognised: answer?.data.whoKnows.countries ?? null,
      },
      async (input, idempotencyKey) => {
        const filed = await request(RecordInquiryDocument, { input }, { idempotencyKey });
        void mountMyInquiries(mine, t);
        return filed;
      },
    );
  }
}

const form = h(
  'form',
  {
    class: 'ask',
    role: 'search',
    on: {
      submit: (event) => {
        event.preventDefault();
        const text = questionInput.value.trim();
        if (!text) return;
        void search({ question: text, country: countryInput.value.trim(), shown: PAGE_SIZE });
      },
    },
  },
  h('label', {}, h('span', {}, t('question')), questionInput),
  h('label', {}, h('span', {}, t('country')), countryInput),
  h('button', { type: 'submit' }, t('ask')),
);

render(
  main,
  h('h1', {}, t('title')),
  h('p', { class: 'intro' }, t('intro')),
  form,
  status,
  h('div', { class: 'results' }, experts, h('div', {}, partnerFiles, similar)),
  filing,
  mine,
);
// Whoever may file sees what they filed, after the filing form.
if (currentRoles().some((role) => MAY_FILE.includes(role))) void mountMyInquiries(mine, t);

// A question in the address (after a sign-in or language switch, or a shared link) is asked again, with as many
// experts as were shown.
const inAddress = readAddress(location.search);
questionInput.value = inAddress.question;
countryInput.value = inAddress.country;
if (inAddress.question) void search(inAddress);
