// The sign-in box shared by the pages and GraphiQL. Every way in ends in the server's cookie session, shared by the
// tabs (lib/session.ts): the organisation's sign-in (OpenID Connect, when the server has it), a development role
// (only on the embedded default, where the server offers them), or a pasted bearer token (in GraphiQL, and on every
// page of a server without OpenID Connect).
import './header.css';
import { h, render } from './dom';
import { inbox } from './inbox';
import { currentLang, setLang, type Lang } from './i18n';
import {
  currentIdentity,
  identityOf,
  oidcSignInUrl,
  session as serverSession,
  signInAsDevelopment,
  signInWithToken,
  signOut,
} from './session';
import { mountSkipLink } from './skip-link';

export interface DevIdentity {
  id: string;
  label: string;
}

const TEXT = {
  en: {
    signIn: 'Sign in',
    signInOrganisation: 'Sign in with your organisation',
    signOut: 'Sign out',
    token: 'Bearer token',
    paste: 'Paste a token',
    devRole: 'Development role',
    use: 'Use',
    anonymous: 'Not signed in (viewer)',
    as: 'Signed in as',
    rejected: 'The server refused the token: ',
    expired: 'The token has expired.',
    unreadable: 'This is not a token (expected three parts separated by dots).',
    search: 'Search',
    dashboard: 'Dashboard',
    faq: 'FAQ',
    desk: 'Desk',
    graphiql: 'GraphiQL',
    guide: 'Guide',
    title_search: 'Expertise graph — who knows?',
    title_dashboard: 'Expertise graph — dashboard',
    title_desk: 'Expertise graph — inquiry desk',
    title_graphiql: 'Expertise graph — GraphiQL',
    title_faq: 'Expertise graph — frequently asked questions',
    role_viewer: 'viewer',
    role_officer: 'policy officer',
    role_secretariat: 'secretariat',
    role_desk: 'knowledge security desk',
    role_admin: 'administrator',
  },
  nl: {
    signIn: 'Inloggen',
    signInOrganisation: 'Inloggen met uw organisatie',
    signOut: 'Uitloggen',
    token: 'Bearer-token',
    paste: 'Plak een token',
    devRole: 'Ontwikkelrol',
    use: 'Gebruik',
    anonymous: 'Niet ingelogd (kijker)',
    as: 'Ingelogd als',
    rejected: 'De server weigert het token: ',
    expired: 'Het token is verlopen.',
    unreadable: 'Dit is geen token (drie delen, gescheiden door punten).',
    search: 'Zoeken',
    dashboard: 'Dashboard',
    faq: 'Veelgestelde vragen',
    desk: 'Loket',
    graphiql: 'GraphiQL',
    guide: 'Handleiding',
    title_search: 'Expertisegraaf — wie weet het?',
    title_dashboard: 'Expertisegraaf — dashboard',
    title_desk: 'Expertisegraaf — vragenloket',
    title_graphiql: 'Expertisegraaf — GraphiQL',
    title_faq: 'Expertisegraaf — veelgestelde vragen',
    role_viewer: 'kijker',
    role_officer: 'beleidsmedewerker',
    role_secretariat: 'secretariaat',
    role_desk: 'loket kennisveiligheid',
    role_admin: 'beheerder',
  },
} as const;

const ROLE_KEYS = {
  viewer: 'role_viewer',
  officer: 'role_officer',
  secretariat: 'role_secretariat',
  desk: 'role_desk',
  admin: 'role_admin',
} as const;

/** The roles that handle inquiries on /desk. */
export const HANDLER_ROLES = ['desk', 'secretariat', 'admin'];

/** What the server puts in every page (src/http/pages.ts): the development sign-ins offered, the page's guide. */
export interface PageOptions {
  devIdentities: DevIdentity[] | null;
  /** The guide for this page's reader, under /docs/ (the docs rendered by web/docs.ts). */
  guide: string;
  /**
   * Parts the page loads later, by their build's entry name (`graphiql-editor`, `editor.worker`), at their
   * hashed addresses: GraphiQL's editor and Monaco's workers.
   */
  entries?: Record<string, { script: string; style?: string }>;
}

/** The options the server put in the page (a JSON element, so that the page has no inline script). */
export function pageOptions(): PageOptions {
  const element = document.getElementById('page-options');
  return JSON.parse(element?.textContent || '{}') as PageOptions;
}

/**
 * Renders the navigation (with the page's guide), language switch and sign-in into `container`. A change of sign-in
 * or language reloads the page, so that nothing read under the previous identity stays on screen.
 */
export function mountHeader(
  container: Element,
  options: PageOptions & { current: 'search' | 'dashboard' | 'faq' | 'desk' | 'graphiql' | null },
): void {
  const lang = currentLang();
  const t = TEXT[lang];
  mountSkipLink();
  if (options.current) document.title = t[`title_${options.current}`];
  /** A role as the page's language names it (a role the pages do not know, as the token says it). */
  const roleName = (role: string) => (role in ROLE_KEYS ? t[ROLE_KEYS[role as keyof typeof ROLE_KEYS]] : role);
  const message = h('span', { class: 'signin-message', role: 'status' });
  const fail = (text: string) => render(message, text);
  /** After a sign-in: the page again, as the new reader (null: signed in; else why not). */
  const signedInOr = (why: string | null) => (why ? fail(why) : location.reload());

  const identity = currentIdentity();
  const signedIn = identity !== null;
  /** The desk's roles: they get the desk in the navigation, and their notifications link to it. */
  const handles = signedIn && identity.roles.some((role) => HANDLER_ROLES.includes(role));
  let session: HTMLElement;
  if (signedIn) {
    const roles =
      identity.roles.map(roleName).join(', ') +
      (identity.networks.length ? ` (${identity.networks.join(', ').toUpperCase()})` : '');
    session = h(
      'span',
      { class: 'signin' },
      h(
        'span',
        { class: 'signin-who', dataset: { roles: identity.roles.join(' ') } },
        `${t.as} ${identity.name} · ${roles}`,
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'signout',
          on: { click: () => void signOut().catch((error: unknown) => fail((error as Error).message)) },
        },
        t.signOut,
      ),
    );
  } else {
    const input = h('input', {
      type: 'password',
      class: 'signin-token',
      placeholder: t.paste,
      'aria-label': t.token,
      autocomplete: 'off',
    });
    const form = h(
      'form',
      {
        class: 'signin',
        on: {
          submit: (event) => {
            event.preventDefault();
            const pasted = input.value.trim().replace(/^Bearer\s+/i, '');
            const read = identityOf(pasted);
            if (!read) {
              fail(t.unreadable);
              return;
            }
            if (read.expires != null && read.expires * 1000 < Date.now()) {
              fail(t.expired);
              return;
            }
            signInWithToken(pasted).then(
              (why) => signedInOr(why && t.rejected + why),
              (error: unknown) => fail((error as Error).message),
            );
          },
        },
      },
      h('span', { class: 'signin-who' }, t.anonymous),
      // The organisation's sign-in, when the server has it; a token box then only in GraphiQL, for API users.
      serverSession.oidc ? h('a', { class: 'signin-oidc', href: oidcSignInUrl() }, t.signInOrganisation) : null,
      ...(serverSession.oidc && options.current !== 'graphiql'
        ? []
        : [input, h('button', { type: 'submit' }, t.signIn)]),
    );
    if (options.devIdentities?.length) {
      const select = h(
        'select',
        { class: 'dev-role', 'aria-label': t.devRole },
        options.devIdentities.map((dev) => h('option', { value: dev.id }, dev.label)),
      );
      form.append(
        h(
          'span',
          { class: 'dev-signin' },
          select,
          h(
            'button',
            {
              type: 'button',
              class: 'dev-use',
              on: {
                click: () =>
                  void signInAsDevelopment(select.value).then(signedInOr, (error: unknown) =>
                    fail((error as Error).message),
                  ),
              },
            },
            t.use,
          ),
        ),
      );
    }
    session = form;
  }

  const switchTo = (to: Lang) => () => {
    setLang(to);
    location.reload();
  };
  const link = (href: string, label: string, key: typeof options.current) =>
    h(
      'a',
      {
        href,
        class: key === options.current ? 'current' : undefined,
        'aria-current': key === options.current ? 'page' : undefined,
      },
      label,
    );
  render(
    container,
    h(
      'nav',
      { class: 'site-nav' },
      link('/', t.search, 'search'),
      link('/dashboard', t.dashboard, 'dashboard'),
      link('/faq', t.faq, 'faq'),
      handles ? link('/desk', t.desk, 'desk') : null,
      link('/graphql', t.graphiql, 'graphiql'),
      h('a', { href: options.guide, class: 'guide' }, t.guide),
    ),
    h(
      'span',
      { class: 'lang-switch' },
      h(
        'button',
        { type: 'button', class: lang === 'en' ? 'current' : undefined, lang: 'en', on: { click: switchTo('en') } },
        'EN',
      ),
      h(
        'button',
        { type: 'button', class: lang === 'nl' ? 'current' : undefined, lang: 'nl', on: { click: switchTo('nl') } },
        'NL',
      ),
    ),
    signedIn ? inbox(handles) : null,
    session,
    message,
  );
}
