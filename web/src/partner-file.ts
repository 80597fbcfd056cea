// The partner file of a foreign institution, shown on the desk beside an inquiry about it and on the search page
// beside the experts when whoKnows recognises it: its names (the original script marked with its language),
// country and kind, its screening flags (delisted ones as such), the earlier inquiries about it (answered first)
// with their handler and advice, the risk categories seen, and on the desk the other open inquiries about it.
import {
  DeskPartnerFileDocument,
  type DeskPartnerFileQuery,
  PartnerFileDocument,
  type PartnerFileFieldsFragment,
} from './gql/graphql';
import { request } from './lib/client';
import { h, render } from './lib/dom';
import { formatDate, labels, localName } from './lib/i18n';
import { scriptLang } from './lib/script-lang';
import { DESK_TEXT } from './desk-text';
import './partner-file.css';
import { PARTNER_TEXT, type PartnerLabel, type PartnerT } from './partner-text';

type Partner = PartnerFileFieldsFragment;
type AlsoOpen = NonNullable<DeskPartnerFileQuery['inquiry']>['alsoOpen'];

const deskPath = (slug: string) => `/desk?queue=ALL&inquiry=${encodeURIComponent(slug)}`;

/** One screening flag: the list, programme, since when, from which version, who confirmed it; delisted said so. */
function flag(t: PartnerT, match: Partner['screening'][number]) {
  const parts = [
    match.programme ? `${t('programme')} ${match.programme}` : null,
    match.listedSince ? `${t('listedSince')} ${formatDate(match.listedSince)}` : null,
    `${t('source')} ${match.sourceVersion} (${formatDate(match.sourceDate)})`,
    match.decidedBy ? `${t('confirmedBy')} ${match.decidedBy}` : null,
  ];
  return h(
    'li',
    { class: match.delistedOn ? 'partner-flag delisted' : 'partner-flag', dataset: { list: match.list } },
    h('strong', {}, match.list),
    match.delistedOn ? ` — ${t('delisted')} ${formatDate(match.delistedOn)}` : null,
    ': ',
    parts.filter(Boolean).join(', '),
  );
}

/** The file as a section; `alsoOpen` (the desk's other open inquiries about the partner) leads when there are any. */
export function partnerFileSection(partner: Partner, alsoOpen: AlsoOpen = [], heading: 'h2' | 'h3' = 'h3') {
  const t = labels(PARTNER_TEXT);
  const desk = labels(DESK_TEXT);
  const sub = heading === 'h2' ? 'h3' : 'h4';
  const row = (label: PartnerLabel, value: Node | string | null | undefined) =>
    value ? [h('dt', {}, t(label)), h('dd', {}, value)] : [];
  const original = partner.originalName;
  const flags = partner.screening.filter((m) => m.status === 'CONFIRMED');
  const { inquiries, riskCategories } = partner.partnerFile;
  return h(
    'section',
    { class: 'partner-file', dataset: { partner: partner.slug }, 'aria-label': `${t('title')}: ${partner.name}` },
    h(heading, {}, `${t('title')}: ${localName(partner)}`),
    alsoOpen.length
      ? h(
          'p',
          { class: 'partner-also-open', role: 'note' },
          t('alsoOpen'),
          ' ',
          alsoOpen.flatMap((item, at) => [
            at ? ', ' : '',
            h('a', { href: deskPath(item.slug) }, item.slug),
            ` (${formatDate(item.receivedAt)}, ${item.handler?.name ?? desk('unassigned')})`,
          ]),
        )
      : null,
    h(
      'dl',
      { class: 'partner-names' },
      row('originalName', original ? h('span', { lang: scriptLang(original, partner.country?.code) }, original) : null),
      row('transliterations', partner.transliterations.join(', ')),
      row('country', partner.country ? localName(partner.country) : null),
      row('kind', t(`kind_${partner.kind}`)),
    ),
    h(sub, {}, t('flags')),
    flags.length
      ? h(
          'ul',
          { class: 'partner-flags' },
          flags.map((m) => flag(t, m)),
        )
      : h('p', { class: 'empty' }, t('noFlags')),
    riskCategories.length
      ? [
          h(sub, {}, t('risks')),
          h(
            'p',
            { class: 'partner-risks' },
            riskCategories.map((r) => `${t(`risk_${r.category}`)} (${r.count})`).join(', '),
          ),
        ]
      : null,
    h(sub, {}, t('inquiries')),
    inquiries.length
      ? h(
          'ol',
          { class: 'partner-inquiries' },
          inquiries.map((item) =>
            h(
              'li',
              { dataset: { slug: item.slug, status: item.status } },
              h('a', { href: deskPath(item.slug) }, item.slug),
              ' · ',
              desk(`status_${item.status}`),
              ' · ',
              item.answeredAt
                ? `${t('answered')} ${formatDate(item.answeredAt)}`
                : `${t('received')} ${formatDate(item.receivedAt)}`,
              ' · ',
              item.handler ? `${t('handledBy')} ${item.handler.name}` : desk('unassigned'),
              h('p', {}, item.question),
              item.answerSummary
                ? h('blockquote', { class: 'partner-advice' }, h('strong', {}, `${t('advice')}: `), item.answerSummary)
                : null,
            ),
          ),
        )
      : h('p', { class: 'empty' }, t('noInquiries')),
  );
}

/** Fills `box` with the file of the inquiry's partner (given, else recognised); empties it when there is none. */
export async function loadDeskPartnerFile(box: HTMLElement, inquirySlug: string): Promise<void> {
  render(box);
  try {
    const { data } = await request(DeskPartnerFileDocument, { slug: inquirySlug });
    const partner = data.inquiry?.partner ?? data.inquiry?.inferredPartner;
    if (partner) render(box, partnerFileSection(partner, data.inquiry?.alsoOpen ?? []));
  } catch {
    // The rest of the inquiry is shown; a refused or failed file is left out rather than half shown.
  }
}

/**
 * The files of the partners whoKnows recognised, for staff (the API refuses viewers, and a refusal shows nothing).
 */
export async function loadPartnerFiles(box: HTMLElement, slugs: string[]): Promise<void> {
  render(box);
  const files = await Promise.allSettled(slugs.map((slug) => request(PartnerFileDocument, { slug })));
  render(
    box,
    files.flatMap((file) =>
      file.status === 'fulfilled' && file.value.data.institution
        ? [partnerFileSection(file.value.data.institution, [], 'h2')]
        : [],
    ),
  );
}
