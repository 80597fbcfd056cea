// The desk page's inquiry view: the intake fields, handler and dates, the whole timeline (built from what the
// API records: status changes, notes, messages to the asker, edits, consultations, ministries, reroutes and the
// assignments in its change history), and beside it the similar earlier inquiries and suggested experts.
import { DeskAsideDocument, type DeskInquiryQuery } from './gql/graphql';
import { request } from './lib/client';
import { h, render } from './lib/dom';
import { expertPath } from './lib/experts';
import { currentLang, formatDate, localName } from './lib/i18n';
import type { DeskLabel, DeskT } from './desk-text';
import { errorContent } from './lib/errors';
import { why } from './lib/reasons';

export type DeskInquiry = NonNullable<DeskInquiryQuery['inquiry']>;
export type ChangeRecords = DeskInquiryQuery['history']['edges'];

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** A date with its time, in the page's language (Dutch notation on the Dutch page). */
export const formatMoment = (iso: string | null | undefined): string =>
  iso ? `${formatDate(iso)} ${new Date(iso).toLocaleTimeString(currentLang() === 'nl' ? 'nl-NL' : 'en-GB', TIME)}` : '';

interface Entry {
  at: string;
  kind: string;
  label: string;
  by: string | null | undefined;
  text: string;
}

const ASSIGNMENT_ACTIONS = ['claimInquiry', 'assignInquiry', 'handOverInquiry', 'releaseInquiry'] as const;

/** Every event on the inquiry, oldest first. */
export function timelineOf(t: DeskT, inquiry: DeskInquiry, changes: ChangeRecords): Entry[] {
  const join = (...parts: Array<string | null | undefined>) => parts.filter(Boolean).join(' — ');
  const entries: Entry[] = [
    ...inquiry.history.map((s) => ({
      at: s.at,
      kind: 'STATUS',
      label: `${t('tl_STATUS')}: ${t(`status_${s.status}`)}`,
      by: s.by,
      text: join(s.ministries.map(localName).join(', '), s.note),
    })),
    ...(inquiry.notes ?? []).map((n) => ({ at: n.at, kind: 'NOTE', label: t('tl_NOTE'), by: n.by, text: n.text })),
    ...(inquiry.askerMessages ?? []).map((m) => ({
      at: m.at,
      kind: 'MESSAGE',
      label: `${t('tl_MESSAGE')} (${t(`channel_${m.channel}`)})`,
      by: m.by,
      text: m.summary,
    })),
    ...(inquiry.edits ?? []).map((e) => ({
      at: e.at,
      kind: 'EDIT',
      label: t('tl_EDIT'),
      by: e.by,
      text: join(e.fields.join(', '), e.note),
    })),
    ...inquiry.consultations.flatMap((c) => [
      ...(c.askedAt
        ? [
            {
              at: c.askedAt,
              kind: 'ASKED',
              label: `${t('tl_ASKED')}${c.channel ? ` (${t(`channel_${c.channel}`)})` : ''}`,
              by: c.by,
              text: c.expert?.name ?? '',
            },
          ]
        : []),
      ...(c.outcome
        ? [
            {
              at: c.answeredAt ?? c.at ?? c.askedAt ?? '',
              kind: 'CONSULTED',
              label: `${t('tl_CONSULTED')}: ${t(`outcome_${c.outcome}`)}`,
              by: c.by,
              text: join(c.expert?.name, c.referredTo ? `→ ${c.referredTo.name}` : null, c.note),
            },
          ]
        : []),
    ]),
    ...(inquiry.ministryCoordinations ?? []).flatMap((line) => [
      ...(line.askedAt
        ? [
            {
              at: line.askedAt,
              kind: 'MINISTRY_ASKED',
              label: t('tl_MINISTRY_ASKED'),
              by: line.by,
              text: localName(line.ministry),
            },
          ]
        : []),
      ...(line.answeredAt
        ? [
            {
              at: line.answeredAt,
              kind: 'MINISTRY_ANSWERED',
              label: t('tl_MINISTRY_ANSWERED'),
              by: line.by,
              text: join(localName(line.ministry), line.outcome),
            },
          ]
        : []),
    ]),
    ...inquiry.reroutes.map((r) => ({
      at: r.at,
      kind: 'REROUTE',
      label: `${t('tl_REROUTE')}: ${r.from.acronym} → ${r.to.acronym}`,
      by: r.by,
      text: r.reason,
    })),
    ...changes
      .map(({ node }) => node)
      .filter((c) => (ASSIGNMENT_ACTIONS as readonly string[]).includes(c.action))
      .map((c) => {
        const to = typeof c.after?.handlerName === 'string' ? c.after.handlerName : null;
        return {
          at: c.at,
          kind: 'ASSIGNMENT',
          label: t(`tl_${c.action}` as DeskLabel) + (to && c.action !== 'claimInquiry' ? ` ${t('to')} ${to}` : ''),
          by: c.actorName,
          text: c.note ?? '',
        };
      }),
  ];
  return entries.filter((e) => e.at).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export function timelineList(t: DeskT, entries: Entry[], oldestFirst: boolean): HTMLElement {
  const ordered = oldestFirst ? entries : [...entries].reverse();
  return h(
    'ol',
    { class: 'desk-timeline' },
    ordered.map((entry) =>
      h(
        'li',
        { class: 'desk-event', dataset: { kind: entry.kind } },
        h('time', { dateTime: entry.at }, formatMoment(entry.at)),
        ' ',
        h('strong', {}, entry.label),
        entry.by ? ` ${t('by')} ${entry.by}` : '',
        entry.text ? h('p', {}, entry.text) : null,
      ),
    ),
  );
}

/** The intake fields and where the inquiry stands, as a definition list. */
export function intake(t: DeskT, inquiry: DeskInquiry): HTMLElement {
  const row = (label: DeskLabel, value: Node | string | null | undefined, key = label) =>
    value ? [h('dt', {}, t(label)), h('dd', { dataset: { field: key } }, value)] : [];
  return h(
    'dl',
    { class: 'desk-intake' },
    row('status', t(`status_${inquiry.status}`)),
    row('kind', t(`kind_${inquiry.kind}`)),
    row('routedTo', inquiry.routedTo ? `${inquiry.routedTo.acronym} ${inquiry.routedTo.name}` : null),
    row('routedFrom', inquiry.routedFrom.map((n) => n.acronym).join(', ')),
    row('handlerNow', inquiry.handler ? inquiry.handler.name : t('nobody'), 'handler'),
    row('received', formatMoment(inquiry.receivedAt)),
    row('due', `${formatMoment(inquiry.dueAt)}${inquiry.overdue ? ` (${t('overdue')})` : ''}`),
    row('expectedAnswer', formatDate(inquiry.expectedAnswerAt)),
    row('lastAskerMessage', formatMoment(inquiry.lastAskerMessageAt)),
    row('askedBy', inquiry.askedBy ? localName(inquiry.askedBy) : null),
    row('contact', inquiry.contact ? [inquiry.contact.name, inquiry.contact.email].filter(Boolean).join(' · ') : null),
    row('context', inquiry.context),
    row('partner', inquiry.partner?.name),
    row('themes', inquiry.themes.map(localName).join(', ')),
    row('countries', inquiry.countries.map(localName).join(', ')),
    row('risks', inquiry.riskCategories.join(', ')),
    row('answer', inquiry.answerSummary),
    row(
      'closingReason',
      inquiry.closingReason
        ? t(`reason_${inquiry.closingReason}`) +
            (inquiry.duplicateOf ? ` (${t('duplicateOf')} ${inquiry.duplicateOf.slug})` : '')
        : null,
    ),
  );
}

/**
 * Fills the aside with the similar earlier inquiries and the experts whoKnows suggests for the inquiry's first
 * theme (or its question) and country; `useExpert` puts a suggested expert's slug in the ask-an-expert form.
 */
export async function loadAside(
  t: DeskT,
  aside: HTMLElement,
  inquiry: DeskInquiry,
  useExpert: (slug: string) => void,
): Promise<void> {
  render(aside, h('p', { class: 'status' }, t('loading')));
  const about = inquiry.themes[0]?.slug ?? inquiry.question.slice(0, 200);
  const country = inquiry.countries[0]?.code ?? null;
  try {
    const { data } = await request(DeskAsideDocument, { slug: inquiry.slug, about, country });
    const similar = data.inquiry?.similar ?? [];
    const experts = data.whoKnows.edges;
    render(
      aside,
      h('h3', {}, t('similar')),
      similar.length
        ? h(
            'ol',
            { class: 'desk-similar' },
            similar.map((item) =>
              h(
                'li',
                {},
                h('a', { href: `/desk?queue=ALL&inquiry=${encodeURIComponent(item.inquiry.slug)}` }, item.inquiry.slug),
                ` · ${t(`status_${item.inquiry.status}`)} · ${formatDate(item.inquiry.receivedAt)}`,
                h('p', {}, item.inquiry.question),
                item.sharedAnswer ? h('blockquote', {}, item.sharedAnswer) : null,
              ),
            ),
          )
        : h('p', { class: 'empty' }, t('noSimilar')),
      h('h3', {}, t('suggested')),
      experts.length
        ? h(
            'ol',
            { class: 'desk-suggested' },
            experts.map((edge) =>
              h(
                'li',
                { dataset: { slug: edge.node.slug } },
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'link',
                    title: t('askExpert'),
                    on: { click: () => useExpert(edge.node.slug) },
                  },
                  edge.node.name,
                ),
                ' · ',
                h('a', { class: 'profile-link', href: expertPath(edge.node.slug) }, t('profile')),
                why(edge.reasons, (key) => t(key)),
              ),
            ),
          )
        : h('p', { class: 'empty' }, t('noSuggested')),
    );
  } catch (error) {
    render(aside, h('p', { class: 'error' }, errorContent(error)));
  }
}
