/**
 * The words of notifications, in the inbox and by e-mail: Dutch first, English below it in every mail (the people
 * who handle inquiries work in Dutch; some read English more easily). The inbox gives both.
 */

/** What happened, for whom (see src/notifications/service.ts for who gets each). */
export const NOTIFICATION_KINDS = [
  'NEW_INQUIRY',
  'ASSIGNED',
  'HANDED_OVER',
  'DUE_TOMORROW',
  'OVERDUE',
  'EXPERT_ANSWERED',
  'MINISTRY_ANSWERED',
  'FILED_INQUIRY_ANSWERED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type MailLanguage = 'nl' | 'en';

/** What a notification's text quotes: the inquiry, who did it, and (for answers) who answered. */
export interface NotificationFacts {
  kind: NotificationKind;
  inquiryId: string;
  question: string;
  actorName: string | null;
  detail: string | null;
}

const quoted = (question: string) => `"${question.length > 80 ? `${question.slice(0, 79)}…` : question}"`;

type Say = (f: NotificationFacts) => string;

const NL: Record<NotificationKind, Say> = {
  NEW_INQUIRY: (f) => `Nieuwe vraag voor uw team: ${f.inquiryId} ${quoted(f.question)}`,
  ASSIGNED: (f) => `${f.actorName ?? 'Iemand'} heeft ${f.inquiryId} aan u toegewezen: ${quoted(f.question)}`,
  HANDED_OVER: (f) => `${f.actorName ?? 'Een collega'} heeft ${f.inquiryId} aan u overgedragen: ${quoted(f.question)}`,
  DUE_TOMORROW: (f) => `${f.inquiryId} moet morgen (de volgende werkdag) beantwoord zijn: ${quoted(f.question)}`,
  OVERDUE: (f) => `${f.inquiryId} is over de termijn: ${quoted(f.question)}`,
  EXPERT_ANSWERED: (f) =>
    `${f.detail ? `Expert ${f.detail}` : 'Een expert'} heeft geantwoord op ${f.inquiryId}: ${quoted(f.question)}`,
  MINISTRY_ANSWERED: (f) => `${f.detail ?? 'Een ministerie'} heeft geantwoord op ${f.inquiryId}: ${quoted(f.question)}`,
  FILED_INQUIRY_ANSWERED: (f) => `Uw vraag ${f.inquiryId} is beantwoord: ${quoted(f.question)}`,
};

const EN: Record<NotificationKind, Say> = {
  NEW_INQUIRY: (f) => `New inquiry for your team: ${f.inquiryId} ${quoted(f.question)}`,
  ASSIGNED: (f) => `${f.actorName ?? 'Someone'} assigned ${f.inquiryId} to you: ${quoted(f.question)}`,
  HANDED_OVER: (f) => `${f.actorName ?? 'A colleague'} handed ${f.inquiryId} over to you: ${quoted(f.question)}`,
  DUE_TOMORROW: (f) => `${f.inquiryId} is due tomorrow (the next working day): ${quoted(f.question)}`,
  OVERDUE: (f) => `${f.inquiryId} is overdue: ${quoted(f.question)}`,
  EXPERT_ANSWERED: (f) =>
    `${f.detail ? `Expert ${f.detail}` : 'An expert'} answered on ${f.inquiryId}: ${quoted(f.question)}`,
  MINISTRY_ANSWERED: (f) => `${f.detail ?? 'A ministry'} answered on ${f.inquiryId}: ${quoted(f.question)}`,
  FILED_INQUIRY_ANSWERED: (f) => `Your inquiry ${f.inquiryId} has been answered: ${quoted(f.question)}`,
};

const SAY: Record<MailLanguage, Record<NotificationKind, Say>> = { nl: NL, en: EN };

/** One notification in a language's words. */
export function notificationText(facts: NotificationFacts, language: MailLanguage): string {
  return SAY[language][facts.kind](facts).replace(/\s+/g, ' ');
}

/** The mails' fixed texts. */
export const MAIL_TEXTS = {
  immediateSubject: (facts: NotificationFacts) =>
    `${notificationText(facts, 'nl')} / ${notificationText(facts, 'en')}`.slice(0, 200),
  digestSubject: (day: string, count: number) =>
    `Uw meldingen van ${day}: ${count} / Your notifications of ${day}: ${count}`,
  intro: {
    nl: (name: string) => `Beste ${name},`,
    en: (name: string) => `Dear ${name},`,
  },
  digestLead: {
    nl: (count: number) => `Er ${count === 1 ? 'is 1 nieuwe melding' : `zijn ${count} nieuwe meldingen`} voor u:`,
    en: (count: number) => `There ${count === 1 ? 'is 1 new notification' : `are ${count} new notifications`} for you:`,
  },
  immediateLead: { nl: 'Er is een nieuwe melding voor u:', en: 'There is a new notification for you:' },
  inbox: {
    nl: 'U vindt al uw meldingen in de app (myNotifications).',
    en: 'All your notifications are in the app (myNotifications).',
  },
  englishBelow: '(English below)',
} as const;
