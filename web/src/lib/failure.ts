// A failed request as a page shows it: when the server was busy, slow or out of reach, a plain message in the page's
// language with a button that asks again (the API's own words there are advice for developers); any other failure
// with the API's message, which says what to change.
import { isTransient, UNREACHABLE } from './client';
import { h } from './dom';
import { labels } from './i18n';

const FAILURE_TEXT = {
  en: {
    busy: 'The server is busy and could not answer in time. Please try again in a moment.',
    unreachable: 'The server cannot be reached. Check your connection, then try again.',
    retry: 'Try again',
  },
  nl: {
    busy: 'De server is druk en kon niet op tijd antwoorden. Probeer het zo nog eens.',
    unreachable: 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
    retry: 'Opnieuw proberen',
  },
};

/** The plain words for a transient failure (busy or out of reach), or the error's own message. */
export function failureText(error: unknown): string {
  if (!isTransient(error)) return (error as Error).message;
  const t = labels(FAILURE_TEXT);
  return error.code === UNREACHABLE ? t('unreachable') : t('busy');
}

/**
 * What a failed read shows in place of its answer: the message, and for a transient failure a button that calls
 * `retry` (which replaces this notice with its own outcome).
 */
export function failureNotice(error: unknown, retry: () => void): HTMLElement {
  const t = labels(FAILURE_TEXT);
  return h(
    'p',
    { class: 'error', role: 'alert' },
    failureText(error),
    isTransient(error)
      ? [' ', h('button', { type: 'button', class: 'retry', on: { click: retry } }, t('retry'))]
      : null,
  );
}
