// An expert on the search page: name (a link to the profile), headline, role and institution, networks, one line
// saying why they are here (their strongest reason) with the other reasons folded out on demand, and contact.
import type { WhoKnowsQuery } from './gql/graphql';
import { errorAt, type GraphqlError } from './lib/client';
import { h } from './lib/dom';
import { expertPath } from './lib/experts';
import { currentLang, localName, localText, type Lang } from './lib/i18n';
import { why } from './lib/reasons';
import { roleAt, type SearchLabel } from './search-text';

export type ExpertEdge = WhoKnowsQuery['whoKnows']['edges'][number];
/** The headline in the page's language where the expert has one in it. */
export const localHeadline = (expert: ExpertEdge['node'], lang: Lang = currentLang()): string | null =>
  (lang === 'nl' ? expert.headlineNl : null) ?? expert.headline ?? null;

/** Where the expert works now: role and institution, or null. */
export function currentPlace(expert: ExpertEdge['node']): { role: string | null; institution: string } | null {
  const affiliation = expert.affiliations.find((a) => a.current);
  return affiliation ? { role: affiliation.role ?? null, institution: affiliation.institution.name } : null;
}

/** The card of the expert at `index` of the answer that brought it (`errors` are that answer's field errors). */
export function expertCard(
  edge: ExpertEdge,
  index: number,
  errors: readonly GraphqlError[],
  t: (key: SearchLabel) => string,
): HTMLLIElement {
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
    h('h3', {}, h('a', { class: 'profile', href: expertPath(expert.slug) }, expert.name)),
    headline.text ? h('p', { class: 'headline', lang: headline.lang }, headline.text) : null,
    h(
      'p',
      { class: 'meta' },
      affiliation ? roleAt(affiliation.role ?? null, localName(affiliation.institution)) : null,
      affiliation && networks ? ' · ' : null,
      networks,
    ),
    why(edge.reasons, (key) => t(key)),
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
