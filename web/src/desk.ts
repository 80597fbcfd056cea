// The desk page (/desk): for the knowledge security desk, the networks' secretariats and administrators. The
// queues with their counts and a paged list on the left; the opened inquiry with its timeline, the similar
// earlier inquiries and suggested experts beside it, and every action on it. The queue, filters, sort and the
// opened inquiry are kept in the address, so a reload or a shared link comes back to them.
import { DeskInquiryDocument, DeskInquiryReadDocument, RegisterHandlerDocument } from './gql/graphql';
import { request, RequestFailed } from './lib/client';
import { elementById, h, render } from './lib/dom';
import { labels } from './lib/i18n';
import { currentIdentity } from './lib/session';
import { mountHeader, pageOptions } from './lib/signin';
import { actionsPanel } from './desk-actions';
import type { ActionContext } from './desk-form';
import { type DeskInquiry, intake, loadAside, timelineList, timelineOf } from './desk-inquiry';
import { mountQueue } from './desk-queue';
import { type DeskState, readState, stateUrl } from './desk-state';
import { DESK_TEXT } from './desk-text';
import { mountFaqPanel, newFromLabel } from './desk-faq';
import { loadDeskPartnerFile } from './partner-file';
import './pages.css';
import './desk.css';
import { errorContent } from './lib/errors';

const t = labels(DESK_TEXT);
mountHeader(elementById('header'), { ...pageOptions(), current: 'desk' });

const HANDLER_ROLES = ['desk', 'secretariat', 'admin'];
const DESK_TEAM = 'knowledge-security-desk';
const main = elementById('app');
const identity = currentIdentity();

/** Whether the viewer may change inquiries of this team (the API decides in the end; this only hides buttons). */
function handlesTeam(team: string | undefined): boolean {
  if (!identity || !team) return false;
  if (identity.roles.includes('admin')) return true;
  if (team === DESK_TEAM) return identity.roles.includes('desk');
  return identity.roles.includes('secretariat') && identity.networks.some((n) => n.toLowerCase() === team);
}

let state: DeskState = readState();
const view = h('section', { class: 'desk-inquiry', 'aria-live': 'polite' });
const queue = mountQueue(t, () => state, navigate);
const faq = mountFaqPanel();

/** Goes to a new state: the address follows (a new history entry), then the list and the inquiry. */
function navigate(next: DeskState): void {
  const listChanged =
    next.queue !== state.queue ||
    next.sort !== state.sort ||
    JSON.stringify(next.filters) !== JSON.stringify(state.filters);
  state = next;
  history.pushState(null, '', stateUrl(state));
  if (listChanged) void queue.reload();
  else queue.mark(state.inquiry);
  void openInquiry(state.inquiry, true);
}

addEventListener('popstate', () => {
  state = readState();
  void queue.reload();
  void openInquiry(state.inquiry, true);
});

async function openInquiry(slug: string | null, focus: boolean, notice?: string): Promise<void> {
  if (!slug) {
    render(view, h('p', { class: 'empty' }, t('noInquiry')));
    return;
  }
  view.setAttribute('aria-busy', 'true');
  try {
    const full = await request(DeskInquiryDocument, { slug }).catch((error: unknown) => {
      if (error instanceof RequestFailed && error.code === 'FORBIDDEN') return null;
      throw error;
    });
    const shown = full?.data.inquiry
      ? { inquiry: full.data.inquiry, changes: full.data.history.edges }
      : await readOnly(slug);
    if (state.inquiry !== slug) return; // another was opened meanwhile
    if (!shown) {
      render(view, h('p', { class: 'error' }, t('notFound')));
      return;
    }
    showInquiry(shown.inquiry, shown.changes, notice);
    if (focus) view.querySelector<HTMLElement>('h2')?.focus();
  } catch (error) {
    render(view, h('p', { class: 'error', role: 'alert' }, errorContent(error)));
  } finally {
    view.removeAttribute('aria-busy');
  }
}

/**
 * An inquiry rerouted away from the viewer's team: what that team may still read (its handling details are the new
 * team's), shown read only.
 */
async function readOnly(slug: string): Promise<{ inquiry: DeskInquiry; changes: [] } | null> {
  const { data } = await request(DeskInquiryReadDocument, { slug });
  if (!data.inquiry) return null;
  const inquiry: DeskInquiry = {
    ...data.inquiry,
    context: null,
    answerSummary: null,
    visibility: 'INTERNAL',
    duplicateOf: null,
    expectedAnswerAt: null,
    lastAskerMessageAt: null,
    askedBy: null,
    partner: null,
    contact: null,
    history: [],
    notes: null,
    askerMessages: null,
    edits: null,
    consultations: [],
    ministryCoordinations: null,
  };
  return { inquiry, changes: [] };
}

function showInquiry(inquiry: DeskInquiry, changes: Parameters<typeof timelineOf>[2], notice?: string): void {
  const editable = handlesTeam(inquiry.routedTo?.slug);
  const entries = timelineOf(t, inquiry, changes);
  const timeline = h('div', {}, timelineList(t, entries, state.oldestFirst));
  const order = h(
    'button',
    {
      type: 'button',
      class: 'desk-order',
      on: {
        click: () => {
          state = { ...state, oldestFirst: !state.oldestFirst };
          history.replaceState(null, '', stateUrl(state));
          render(timeline, timelineList(t, entries, state.oldestFirst));
          render(order, state.oldestFirst ? t('newestFirst') : t('oldestFirst'));
        },
      },
    },
    state.oldestFirst ? t('newestFirst') : t('oldestFirst'),
  );
  const expertInput = h('input', { type: 'text', name: 'expert', required: true, maxLength: 200 });
  const aside = h('aside', { class: 'desk-aside' });
  const partnerBox = h('div', { class: 'desk-partner' });
  const ctx: ActionContext = {
    t,
    inquiry,
    me: { id: identity?.subject ?? '', name: identity?.name ?? '' },
    admin: identity?.roles.includes('admin') ?? false,
    reload: async (message) => {
      void queue.reload();
      await openInquiry(inquiry.slug, true, message);
    },
  };
  render(
    view,
    h(
      'div',
      { class: 'desk-inquiry-main', dataset: { slug: inquiry.slug, version: String(inquiry.version) } },
      h('h2', { tabIndex: -1 }, `${inquiry.slug} · ${t(`status_${inquiry.status}`)}`),
      notice ? h('p', { class: 'desk-notice', role: 'alert' }, notice) : null,
      h('p', { class: 'desk-question' }, inquiry.question),
      intake(t, inquiry),
      inquiry.answerSummary
        ? h(
            'button',
            {
              type: 'button',
              class: 'faq-promote',
              on: {
                click: () => {
                  const source = { slug: inquiry.slug, question: inquiry.question, answer: inquiry.answerSummary };
                  faq.open({ source });
                  faq.element.scrollIntoView();
                },
              },
            },
            newFromLabel(),
          )
        : null,
      partnerBox,
      editable ? actionsPanel(ctx, expertInput) : h('p', { class: 'desk-readonly' }, t('readOnly')),
      h('section', { class: 'desk-timeline-box' }, h('h3', {}, t('timeline'), ' ', order), timeline),
    ),
    aside,
  );
  void loadDeskPartnerFile(partnerBox, inquiry.slug);
  void loadAside(t, aside, inquiry, (slug) => {
    expertInput.value = slug;
    const form = expertInput.closest('details');
    if (form) form.open = true;
    expertInput.focus();
  });
}

/** j/k move through the list, as help desks do; not while typing in a field. */
addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  if (event.ctrlKey || event.metaKey || event.altKey || target.closest('input, textarea, select, [contenteditable]'))
    return;
  if (event.key !== 'j' && event.key !== 'k') return;
  const links = [...main.querySelectorAll<HTMLAnchorElement>('.desk-list a')];
  if (!links.length) return;
  const at = links.findIndex((link) => link === document.activeElement || link.getAttribute('aria-current'));
  const next = links[Math.min(links.length - 1, Math.max(0, at + (event.key === 'j' ? 1 : -1)))];
  next?.focus();
});

if (!identity || !identity.roles.some((role) => HANDLER_ROLES.includes(role))) {
  render(main, h('h1', {}, t('title')), h('p', { class: 'empty' }, t('notForRole')));
} else {
  render(
    main,
    h('h1', {}, t('title')),
    h('p', { class: 'intro' }, t('intro'), ' ', h('span', { class: 'keys' }, t('keys'))),
    h('div', { class: 'desk' }, queue.element, view),
    faq.element,
  );
  // Known as a handler of my teams, so that colleagues can assign to me before I have acted on anything.
  if (identity.roles.some((role) => role === 'desk' || role === 'secretariat'))
    void request(RegisterHandlerDocument, {}).catch(() => undefined);
  void queue.reload();
  void openInquiry(state.inquiry, false);
}
