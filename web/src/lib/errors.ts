// A failed request as the page's reader is told it: plain words in the page's language by the API's error code
// (src/messages/page-errors.ts), with the API's own message beside them only where it says what to change.
import { DETAILED_ERRORS, PAGE_ERRORS, pageErrorCode } from '../../../src/messages/page-errors';
import { RequestFailed } from './client';
import { h } from './dom';
import { currentLang, englishOnly } from './i18n';

/** What to put inside the page's error element for `error` (a RequestFailed, or anything thrown). */
export function errorContent(error: unknown): Array<string | HTMLElement> {
  const code = pageErrorCode(error instanceof RequestFailed ? error.code : undefined);
  const words = PAGE_ERRORS[currentLang()][code];
  const detail = error instanceof RequestFailed && DETAILED_ERRORS.has(code) ? error.message : null;
  return detail ? [words, ' ', h('span', { class: 'error-detail', ...englishOnly() }, detail)] : [words];
}
