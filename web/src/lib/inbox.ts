// The header's inbox, on every page for a signed-in person: the unread count (unreadNotificationCount) on a
// button that opens the latest notifications, each marked read when followed or with "mark all read". A handler's
// notification links to the inquiry on /desk.
import {
  MarkAllNotificationsReadDocument,
  MarkNotificationReadDocument,
  MyNotificationsDocument,
  UnreadCountDocument,
} from '../gql/graphql';
import { request } from './client';
import { h, render } from './dom';
import { currentLang, formatDate } from './i18n';
import { errorContent } from './errors';

const TEXT = {
  en: { inbox: 'Inbox', unread: 'unread', markAll: 'Mark all read', markRead: 'Mark read', empty: 'No notifications.' },
  nl: {
    inbox: 'Postvak',
    unread: 'ongelezen',
    markAll: 'Alles gelezen',
    markRead: 'Gelezen',
    empty: 'Geen meldingen.',
  },
} as const;

/** The inbox button and its panel; `linkToDesk`: whether notifications link to the inquiry on /desk. */
export function inbox(linkToDesk: boolean): HTMLElement {
  const lang = currentLang();
  const t = TEXT[lang];
  const count = h('span', { class: 'inbox-count', dataset: { count: '0' } }, '0');
  const panel = h('div', { class: 'inbox-panel', id: 'inbox-panel', hidden: true });
  const button = h(
    'button',
    { type: 'button', class: 'inbox-button', 'aria-expanded': 'false', 'aria-controls': 'inbox-panel' },
    `${t.inbox} `,
    count,
  );
  const wrap = h('span', { class: 'inbox' }, button, panel);

  const setCount = (n: number) => {
    render(count, String(n));
    count.dataset.count = String(n);
    button.setAttribute('aria-label', `${t.inbox}: ${n} ${t.unread}`);
  };
  const refresh = () =>
    request(UnreadCountDocument, {}).then(
      ({ data }) => setCount(data.unreadNotificationCount),
      () => undefined,
    );

  const markRead = (id: string) => request(MarkNotificationReadDocument, { id }).then(refresh, () => undefined);

  async function fill(): Promise<void> {
    try {
      const { data } = await request(MyNotificationsDocument, { first: 15 });
      const items = data.myNotifications.edges.map(({ node }) => {
        const text = lang === 'nl' ? node.textNl : node.text;
        const label = `${node.inquirySlug}: ${text}`;
        return h(
          'li',
          { class: node.read ? 'read' : 'unread', dataset: { kind: node.kind, slug: node.inquirySlug } },
          linkToDesk
            ? h(
                'a',
                {
                  href: `/desk?queue=ALL&inquiry=${encodeURIComponent(node.inquirySlug)}`,
                  on: { click: () => void markRead(node.id) },
                },
                label,
              )
            : h('span', {}, label),
          h('span', { class: 'inbox-meta' }, ` · ${formatDate(node.createdAt)}`),
          node.read
            ? null
            : h(
                'button',
                {
                  type: 'button',
                  class: 'inbox-mark',
                  on: {
                    click: (event) => {
                      (event.currentTarget as HTMLButtonElement).disabled = true;
                      void markRead(node.id).then(fill);
                    },
                  },
                },
                t.markRead,
              ),
        );
      });
      render(
        panel,
        items.length ? h('ul', {}, items) : h('p', {}, t.empty),
        h(
          'button',
          {
            type: 'button',
            class: 'inbox-mark-all',
            on: {
              click: () =>
                void request(MarkAllNotificationsReadDocument, {}).then(
                  () => Promise.all([refresh(), fill()]),
                  () => undefined,
                ),
            },
          },
          t.markAll,
        ),
      );
    } catch (error) {
      render(panel, h('p', { class: 'error' }, errorContent(error)));
    }
  }

  const close = () => {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
  };
  button.addEventListener('click', () => {
    if (!panel.hidden) {
      close();
      return;
    }
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    void fill();
  });
  wrap.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      close();
      button.focus();
    }
  });
  void refresh();
  // The count follows what arrives while the page is open.
  setInterval(() => {
    if (document.visibilityState === 'visible') void refresh();
  }, 60_000);
  return wrap;
}
