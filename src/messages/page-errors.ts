/**
 * What the pages tell their reader when a request fails, in plain words: by the API's error code (extensions.code, see
 * src/graphql/errors.ts) or the page's own (UNREACHABLE: no answer at all). No developer advice: what happened and
 * what the reader can do.
 */
import type { Language } from './language.js';

export const PAGE_ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'BUSY',
  'IDEMPOTENCY_KEY_REUSED',
  'UNREACHABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type PageErrorCode = (typeof PAGE_ERROR_CODES)[number];

/** The API's codes for "not now": the server is busy, the request waited too long or came too often. */
const BUSY_CODES = new Set(['SERVICE_UNAVAILABLE', 'RATE_LIMITED', 'TIMEOUT']);

/** The page's code for an API code (anything unknown reads as the server's own failure). */
export function pageErrorCode(code: string | undefined): PageErrorCode {
  if (code !== undefined && BUSY_CODES.has(code)) return 'BUSY';
  // A page without its session's CSRF token: to its reader, a sign-in that was not accepted.
  if (code === 'CSRF_REFUSED') return 'UNAUTHENTICATED';
  return PAGE_ERROR_CODES.find((known) => known === code) ?? 'INTERNAL_SERVER_ERROR';
}

/**
 * Codes whose API message says what in the request to change ("no country or region called …"): the page shows it
 * after its own words (it is English: marked so on a Dutch page).
 */
export const DETAILED_ERRORS: ReadonlySet<PageErrorCode> = new Set(['BAD_USER_INPUT', 'NOT_FOUND']);

export const PAGE_ERRORS: Record<Language, Record<PageErrorCode, string>> = {
  en: {
    BAD_USER_INPUT: 'This could not be used as entered.',
    NOT_FOUND: 'What you asked for was not found.',
    UNAUTHENTICATED: 'Your sign-in has expired or was not accepted: please sign in again.',
    FORBIDDEN: 'Your role may not see or do this.',
    CONFLICT: 'Someone else changed this in the meantime: reload the page and try again.',
    BUSY: 'The server is busy right now. Please try again in a moment.',
    IDEMPOTENCY_KEY_REUSED: 'This was sent before with other content, so nothing was changed: reload and try again.',
    UNREACHABLE: 'The server cannot be reached. Check your connection and try again.',
    INTERNAL_SERVER_ERROR:
      'Something went wrong on the server. Please try again; if it keeps happening, tell the desk.',
  },
  nl: {
    BAD_USER_INPUT: 'Dit kon niet worden gebruikt zoals het is ingevuld.',
    NOT_FOUND: 'Wat u zocht is niet gevonden.',
    UNAUTHENTICATED: 'Uw inlog is verlopen of niet geaccepteerd: log opnieuw in.',
    FORBIDDEN: 'Uw rol mag dit niet zien of doen.',
    CONFLICT: 'Iemand anders heeft dit intussen gewijzigd: laad de pagina opnieuw en probeer het nog eens.',
    BUSY: 'De server is op dit moment druk. Probeer het over een ogenblik opnieuw.',
    IDEMPOTENCY_KEY_REUSED:
      'Dit is eerder met andere inhoud verstuurd, dus er is niets gewijzigd: laad de pagina opnieuw en probeer het ' +
      'nog eens.',
    UNREACHABLE: 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
    INTERNAL_SERVER_ERROR:
      'Er ging iets mis op de server. Probeer het opnieuw; blijft het gebeuren, meld het dan bij het loket.',
  },
};
