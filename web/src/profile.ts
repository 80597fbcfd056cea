// An expert's profile (/experts/<slug>): headline and bio in the page's language, expertise and country focus
// with where each level comes from, affiliations, networks, contributions, meetings, the inquiries they helped
// answer, and contact details. The API decides what the reader may see; what it does not give is left out.
import {
  ExpertAnswersDocument,
  ExpertProfileDocument,
  type ExpertAnswersQuery,
  type ExpertProfileQuery,
} from './gql/graphql';
import { errorAt, request, type GraphqlError } from './lib/client';
import { elementById, h, render } from './lib/dom';
import { expertPath } from './lib/experts';
import { currentLang, formatDate, labels, localName } from './lib/i18n';
import { currentRoles } from './lib/session';
import { mountHeader, pageOptions } from './lib/signin';
import { PROFILE_TEXT } from './profile-text';
import './pages.css';
import './profile.css';

type Expert = NonNullable<ExpertProfileQuery['expert']>;
type Level = Expert['expertise'][number] | Expert['countryFocus'][number];
type Answered = ExpertAnswersQuery['inquiries']['edges'][number]['node'];

const t = labels(PROFILE_TEXT);
const lang = currentLang();
const main = elementById('app');
mountHeader(elementById('header'), { ...pageOptions(), current: null });

/** Staff may read inquiries and ask for contact details; a dashboard (viewer) gets neither, so it does not ask. */
const STAFF = ['officer', 'secretariat', 'desk', 'admin'];
const isStaff = currentRoles().some((role) => STAFF.includes(role));

const languageNames = new Intl.DisplayNames([lang === 'nl' ? 'nl' : 'en'], { type: 'language' });

/** The Dutch text where the page is Dutch and there is one, else the English marked as such. */
function inPageLanguage(tag: 'p' | 'div', className: string, english: string | null, dutch: string | null) {
  if (lang === 'nl' && dutch) return h(tag, { class: className }, dutch);
  if (!english) return null;
  return h(tag, { class: className, lang: lang === 'en' ? undefined : 'en' }, english);
}

type SectionKey = 'profile' | 'contact' | 'affiliations' | ListKey;
type ListKey = 'expertise' | 'countryFocus' | 'networks' | 'contributions' | 'events' | 'inquiries';

/** A section of the profile, named by its heading. */
const section = (key: SectionKey, ...content: Array<Node | null>) =>
  h(
    'section',
    { class: `profile-${key}`, 'aria-labelledby': `${key}-title` },
    h('h2', { id: `${key}-title` }, t(key)),
    content,
  );

/** A section of items, left out when there are none. */
function listSection<T>(key: ListKey, items: readonly T[], item: (value: T) => Node): HTMLElement | null {
  return items.length ? section(key, h('ul', { class: 'profile-list' }, items.map(item))) : null;
}

const levelItem = (name: string, level: Level) =>
  h(
    'li',
    { dataset: { provenance: level.provenance } },
    h('span', { class: 'level-name' }, name),
    ' ',
    h('span', { class: 'level' }, `${t('level')} ${level.level} ${t('of5')}`),
    // Worded by the API's message catalogue, in the page's language (the request's Accept-Language).
    h('span', { class: 'provenance' }, level.provenanceText),
  );

const year = (date: string | null | undefined) => (date ? date.slice(0, 4) : '');

function affiliations(expert: Expert): HTMLElement | null {
  if (!expert.affiliations.length) return null;
  return section(
    'affiliations',
    h(
      'table',
      { class: 'affiliations' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('role')),
          h('th', { scope: 'col' }, t('institution')),
          h('th', { scope: 'col' }, t('period')),
        ),
      ),
      h(
        'tbody',
        {},
        expert.affiliations.map((a) =>
          h(
            'tr',
            { class: a.current ? 'current' : 'former' },
            h('td', { class: 'role' }, a.role ?? ''),
            h('td', { class: 'institution' }, localName(a.institution)),
            h(
              'td',
              { class: 'period' },
              a.since || a.until ? `${year(a.since)}–${a.current ? t('now') : year(a.until)}` : '',
            ),
          ),
        ),
      ),
    ),
  );
}

/** E-mail and phone where the API gives them; otherwise, without consent, the way through the secretariat. */
function contact(expert: Expert, errors: readonly GraphqlError[]): HTMLElement | null {
  const open = (field: 'email' | 'phone') => !!expert[field] && !errorAt(errors, ['expert', field]);
  const lines = [
    open('email')
      ? h('p', { class: 'email' }, `${t('email')}: `, h('a', { href: `mailto:${expert.email ?? ''}` }, expert.email))
      : null,
    open('phone')
      ? h('p', { class: 'phone' }, `${t('phone')}: `, h('a', { href: `tel:${expert.phone ?? ''}` }, expert.phone))
      : null,
  ].filter((line) => line !== null);
  if (lines.length) return section('contact', ...lines);
  if (expert.contactConsent || !expert.networks.length) return null;
  return section(
    'contact',
    h('p', { class: 'via-secretariat' }, t('viaSecretariat'), ' ', expert.networks.map((n) => n.acronym).join(', ')),
  );
}

const contribution = (item: Expert['contributions'][number]) =>
  h(
    'li',
    { dataset: { slug: item.slug } },
    h('span', { class: 'kind' }, t(`kind_${item.kind}`)),
    ' · ',
    h('time', { dateTime: item.date }, formatDate(item.date)),
    h('p', { class: 'title' }, item.url ? h('a', { href: item.url }, item.title) : item.title),
    item.summary ? h('p', { class: 'summary' }, item.summary) : null,
  );

const event = (item: Expert['events'][number]) =>
  h(
    'li',
    { dataset: { slug: item.slug } },
    h('span', { class: 'kind' }, t(`kind_${item.kind}`)),
    ' · ',
    h('time', { dateTime: item.startsAt }, formatDate(item.startsAt)),
    h('p', { class: 'title' }, item.title),
    h(
      'p',
      { class: 'meta' },
      [item.network?.acronym, item.location, item.online ? t('online') : null].filter(Boolean).join(' · '),
    ),
  );

const answered = (item: Answered) =>
  h(
    'li',
    { dataset: { slug: item.slug } },
    h('p', { class: 'title' }, item.question),
    item.answeredAt
      ? h(
          'p',
          { class: 'meta' },
          `${t('answered')} `,
          h('time', { dateTime: item.answeredAt }, formatDate(item.answeredAt)),
        )
      : null,
    item.answerSummary ? h('blockquote', { class: 'answer' }, item.answerSummary) : null,
  );

function showNotFound(): void {
  document.title = `${t('notFoundTitle')} — ${t('pageTitle')}`;
  render(
    main,
    h('h1', {}, t('notFoundTitle')),
    h('p', { class: 'not-found' }, t('notFound')),
    h('p', {}, h('a', { href: '/' }, t('toSearch'))),
  );
}

function showProfile(expert: Expert, errors: readonly GraphqlError[], answers: readonly Answered[]): void {
  document.title = `${expert.name} — ${t('pageTitle')}`;
  const name = [expert.academicTitle, expert.name].filter(Boolean).join(' ');
  const bio = inPageLanguage('div', 'bio', expert.bio ?? null, expert.bioNl ?? null);
  render(
    main,
    h(
      'article',
      { class: 'profile', dataset: { slug: expert.slug } },
      h('h1', {}, name),
      inPageLanguage('p', 'headline', expert.headline ?? null, expert.headlineNl ?? null),
      expert.retired && expert.retiredAt
        ? h('p', { class: 'retired' }, `${t('retired')} ${formatDate(expert.retiredAt)}.`)
        : null,
      contact(expert, errors),
      bio || expert.languages.length
        ? section(
            'profile',
            bio,
            expert.languages.length
              ? h(
                  'p',
                  { class: 'languages' },
                  `${t('languages')}: ${expert.languages.map((code) => languageNames.of(code) ?? code).join(', ')}`,
                )
              : null,
          )
        : null,
      listSection('expertise', expert.expertise, (x) => levelItem(localName(x.theme), x)),
      listSection('countryFocus', expert.countryFocus, (f) => levelItem(localName(f.country), f)),
      affiliations(expert),
      listSection('networks', expert.networks, (n) => h('li', {}, `${localName(n)} (${n.acronym})`)),
      listSection('contributions', expert.contributions, contribution),
      listSection('events', expert.events, event),
      listSection('inquiries', answers, answered),
    ),
  );
}

/** The inquiries the expert helped answer, newest first, as far as the reader may see them (none for a viewer). */
async function answersOf(slug: string): Promise<Answered[]> {
  if (!isStaff) return [];
  try {
    const { data } = await request(ExpertAnswersDocument, { expert: slug });
    return data.inquiries.edges
      .map((edge) => edge.node)
      .sort((a, b) => (b.answeredAt ?? '').localeCompare(a.answeredAt ?? ''));
  } catch {
    return []; // left out, like anything else the reader cannot have
  }
}

async function load(): Promise<void> {
  const slug = decodeURIComponent(location.pathname.slice('/experts/'.length));
  render(main, h('p', { class: 'status', role: 'status' }, t('loading')));
  main.setAttribute('aria-busy', 'true');
  try {
    const { data, errors } = await request(ExpertProfileDocument, { slug, contacts: isStaff });
    const expert = data.expert;
    if (!expert) {
      showNotFound();
      return;
    }
    // An old slug of a merged expert: the address names the expert shown.
    if (expert.slug !== slug) history.replaceState(null, '', expertPath(expert.slug));
    showProfile(expert, errors, await answersOf(expert.slug));
  } catch (error) {
    render(main, h('h1', {}, t('pageTitle')), h('p', { class: 'error', role: 'alert' }, (error as Error).message));
  } finally {
    main.removeAttribute('aria-busy');
  }
}

void load();
