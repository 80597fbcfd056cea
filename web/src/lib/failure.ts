// A failed read as a page shows it in place of its answer: the plain words of lib/errors.ts, and for a failure that
// says nothing against the request (busy, slow, out of reach) a button that asks again.
import { isTransient } from './client';
import { h } from './dom';
import { errorContent } from './errors';
import { labels } from './i18n';

const FAILURE_TEXT = { en: { retry: 'Try again' }, nl: { retry: 'Opnieuw proberen' } };

/**
 * What a failed read shows in place of its answer: the message, and for a transient failure a button that calls
 * `retry` (which replaces this notice with its own outcome).
 */
export function failureNotice(error: unknown, retry: () => void): HTMLElement {
  const t = labels(FAILURE_TEXT);
  return h(
    'p',
    { class: 'error', role: 'alert' },
    errorContent(error),
    isTransient(error)
      ? [' ', h('button', { type: 'button', class: 'retry', on: { click: retry } }, t('retry'))]
      : null,
  );
}
