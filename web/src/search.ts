// The search page (/): "who knows about X in country Y" for policy officers, with the reasons for each
// expert, contact details where the API returns them, similar earlier inquiries, and filing an inquiry.
import {
  RecordInquiryDocument,
  SimilarInquiriesDocument,
  WhoKnowsDocument,
  type WhoKnowsQuery,
  type SimilarInquiriesQuery,
} from './gql/graphql';
import { errorAt, request, RequestFailed, type GraphqlError } from './lib/client';
import { elementById, h, render } from './lib/dom';
import { formatCount, formatDate, labels, localName, localText } from './lib/i18n';
import { readQuestion } from './lib/question';
import { currentRoles } from './lib/session';
import { mountHeader, pageOptions } from './lib/signin';
import { mountFileForm } from './file-inquiry';
import { mountMyInquiries } from './my-inquiries';
import { EXPERT_FORMS, roleAt, SEARCH_TEXT } from './search-text';
import './pages.css';
import { errorContent } from './lib/errors';

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
const mine = h('section', { class: 'my-inquiries', 'aria-label': t('myInquiries') });

type Edge = WhoKnowsQuery['whoKnows']['edges'][number];
type Similar = SimilarInquiriesQuery['similarInquiries'][number];

function expertCard(edge: Edge, index: number, errors: readonly GraphqlError[]): HTMLElement {
  const expert = edge.node;
  const at = (field: string) => ['whoKnows', 'edges', index, 'node', field];
  const contacts = [
    expert.email && !errorAt(errors, at('email'))
      ? h('a', { class: 'email', href: `mailto:${expert.email}` }, expert.email)
      : null,
    expert.phone && !errorAt(errors, at('phone'))
      ? h('a', { class: 'phone', href: `tel:${expert.phone}` }, expert.phone)
      : null,
  ].filter((item): item is HTMLAnchorElement => item !== null);
  const affiliation = expert.affiliations.find((a) => a.current);
  const headline = localText(expert.headline, expert.headlineNl);
  const networks = expert.networks.map((n) => n.acronym).join(', ');
  return h(
    'li',
    { class: 'expert', dataset: { slug: expert.slug } },
    h('h3', {}, expert.name),
    headline.text ? h('p', { class: 'headline', lang: headline.lang }, headline.text) : null,
    h(
      'p',
      { class: 'meta' },
      affiliation ? roleAt(affiliation.role, localName(affiliation.institution)) : null,
      affiliation && networks ? ' · ' : null,
      networks,
    ),
    h(
      'ul',
      { class: 'reasons', 'aria-label': t('reasons') },
      edge.reasons.map((reason) => h('li', { class: 'reason', dataset: { kind: reason.kind } }, reason.text)),
    ),
    contacts.length
      ? h(
          'p',
          { class: 'contact' },
          t('contact'),
          ' ',
          contacts.flatMap((c, i) => (i ? [' · ', c] : [c])),
        )
      : h('p', { class: 'no-contact' }, expert.contactConsent ? t('contactHidden') : t('viaSecretariat')),
  );
}

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

/** whoKnows with the country read from the question, or without it when the API does not know that place. */
async function whoKnows(text: string, chosenCountry: string) {
  const read = readQuestion(text);
  const country = chosenCountry || read.country;
  try {
    return {
      ...(await request(WhoKnowsDocument, {
        about: read.about,
        country: country || null,
        first: 10,
        contacts: mayReadContacts,
      })),
      country,
    };
  } catch (error) {
    if (!(error instanceof RequestFailed) || chosenCountry || !read.country || error.code !== 'BAD_USER_INPUT')
      throw error;
    const whole = read.about + ' in ' + read.country;
    return {
      ...(await request(WhoKnowsDocument, { about: whole, country: null, first: 10, contacts: mayReadContacts })),
      country: null,
    };
  }
}

async function search(text: string, chosenCountry: string): Promise<void> {
  render(status, t('searching'));
  render(experts);
  render(similar);
  render(filing);
  main.setAttribute('aria-busy', 'true');
  const read = readQuestion(text);
  const [found, earlier] = await Promise.allSettled([
    whoKnows(text, chosenCountry),
    request(SimilarInquiriesDocument, { question: text, country: chosenCountry || null, first: 5 }),
  ]);
  main.removeAttribute('aria-busy');
  if (found.status === 'rejected') {
    render(status, h('span', { class: 'error' }, errorContent(found.reason)));
  } else {
    const { data, errors } = found.value;
    const result = data.whoKnows;
    const understood = [
      result.theme ? localName(result.theme) : `“${read.about}”`,
      result.region ? localName(result.region) : result.countries.map(localName).join(', '),
    ]
      .filter(Boolean)
      .join(' — ');
    render(status, `${formatCount(result.totalCount, EXPERT_FORMS)} ${t('found')} ${understood}`);
    render(
      experts,
      h('h2', {}, t('experts')),
      result.edges.length
        ? h(
            'ol',
            { class: 'expert-list' },
            result.edges.map((edge, index) => expertCard(edge, index, errors)),
          )
        : h('p', { class: 'empty' }, t('noExperts')),
    );
  }
  if (earlier.status === 'fulfilled') {
    const items = earlier.value.data.similarInquiries;
    render(
      similar,
      h('h2', {}, t('similar')),
      items.length
        ? h('ol', { class: 'similar-list' }, items.map(similarCard))
        : h('p', { class: 'empty' }, t('noSimilar')),
    );
  } else {
    render(similar, h('h2', {}, t('similar')), h('p', { class: 'error' }, errorContent(earlier.reason)));
  }
  if (currentRoles().some((role) => MAY_FILE.includes(role))) {
    const theme = found.status === 'fulfilled' ? (found.value.data.whoKnows.theme?.slug ?? null) : null;
    const country = found.status === 'fulfilled' ? found.value.country : null;
    mountFileForm(filing, t, { question: text, theme, country }, async (input) => {
      const filed = await request(RecordInquiryDocument, { input });
      if (currentRoles().includes('officer')) void mountMyInquiries(mine, t);
      return filed;
    });
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
        const url = new URL(location.href);
        url.searchParams.set('q', text);
        if (countryInput.value.trim()) url.searchParams.set('country', countryInput.value.trim());
        else url.searchParams.delete('country');
        history.replaceState(null, '', url);
        void search(text, countryInput.value.trim());
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
  h('div', { class: 'results' }, experts, similar),
  filing,
  mine,
);
// Officers see what they filed, after the filing form.
if (currentRoles().includes('officer')) void mountMyInquiries(mine, t);

// A question in the address (after a sign-in or language switch, or a shared link) is asked again.
const params = new URLSearchParams(location.search);
questionInput.value = params.get('q') ?? '';
countryInput.value = params.get('country') ?? '';
if (questionInput.value) void search(questionInput.value, countryInput.value);
