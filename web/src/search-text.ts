// The search page's labels, in English and Dutch.
import { h } from './lib/dom';
import { currentLang, englishOnly } from './lib/i18n';

/** "12 experts", "1 expert". */
export const EXPERT_FORMS = { en: { one: 'expert', other: 'experts' }, nl: { one: 'expert', other: 'experts' } };

/**
 * Where an expert works: "Technology Policy, Delft University of Technology" on the English page, "… bij Technische
 * Universiteit Delft" on the Dutch one; the role as recorded (in English: marked so on the Dutch page).
 */
export function roleAt(role: string | null, institution: string): Array<string | Node> {
  if (!role) return [institution];
  const dutch = currentLang() === 'nl';
  return [h('span', { class: 'role', ...englishOnly() }, role), dutch ? ' bij ' : ', ', institution];
}
export const SEARCH_TEXT = {
  en: {
    title: 'Who knows about…?',
    intro:
      'Ask in English or Dutch, e.g. “Who knows about semiconductors ' +
      'in Taiwan?” or “Wie weet iets van halfgeleiders in China?”.',
    question: 'Question',
    placeholder: 'Who knows about … in …?',
    country: 'Country or region (optional)',
    countryPlaceholder: 'e.g. Taiwan, Oost-Azië',
    ask: 'Ask',
    searching: 'Searching…',
    found: 'for',
    experts: 'Experts',
    noExperts: 'No experts found: try a broader subject or leave out the country.',
    reasons: 'Why',
    contact: 'Contact:',
    contactHidden: 'Contact details are not shown to your role.',
    viaSecretariat: 'Contact through the network secretariat.',
    similar: 'Similar earlier inquiries',
    noSimilar: 'No similar earlier inquiries.',
    answeredBy: 'Answered by',
    answerNotShared: 'Answered; the answer is internal.',
    notAnswered: 'Not answered yet.',
    status_RECEIVED: 'received',
    status_IN_PROGRESS: 'in progress',
    status_COORDINATING: 'coordinating with ministries',
    status_ANSWERED: 'answered',
    status_CLOSED: 'closed',
    fileTitle: 'File this as an inquiry',
    fileQuestion: 'Question',
    askedBy: 'Asked by (institution)',
    kind: 'Kind',
    kind_EXPERTISE_REQUEST: 'Expertise request (CKN/REKA)',
    kind_KNOWLEDGE_SECURITY: 'Knowledge-security question (desk)',
    routedTo: 'Network',
    contactName: 'Whom to answer',
    contactEmail: 'Their e-mail',
    context: 'Background',
    file: 'File inquiry',
    filing: 'Filing…',
    filed: 'Filed as',
    due: 'answer due',
    choose: 'Choose…',
    myInquiries: 'My inquiries',
    noMyInquiries: 'You have filed no inquiries yet.',
    received: 'received',
    overdue: 'overdue',
  },
  nl: {
    title: 'Wie weet er iets van…?',
    intro:
      'Vraag in het Nederlands of Engels, bijv. “Wie weet iets van ' +
      'halfgeleiders in China?” of “Who knows about semiconductors in Taiwan?”.',
    question: 'Vraag',
    placeholder: 'Wie weet iets van … in …?',
    country: 'Land of regio (optioneel)',
    countryPlaceholder: 'bijv. Taiwan, East Asia',
    ask: 'Vraag',
    searching: 'Zoeken…',
    found: 'voor',
    experts: 'Experts',
    noExperts: 'Geen experts gevonden: probeer een breder onderwerp of laat het land weg.',
    reasons: 'Waarom',
    contact: 'Contact:',
    contactHidden: 'Contactgegevens worden voor uw rol niet getoond.',
    viaSecretariat: 'Contact via het netwerksecretariaat.',
    similar: 'Vergelijkbare eerdere vragen',
    noSimilar: 'Geen vergelijkbare eerdere vragen.',
    answeredBy: 'Beantwoord door',
    answerNotShared: 'Beantwoord; het antwoord is intern.',
    notAnswered: 'Nog niet beantwoord.',
    status_RECEIVED: 'ontvangen',
    status_IN_PROGRESS: 'in behandeling',
    status_COORDINATING: 'afstemming met ministeries',
    status_ANSWERED: 'beantwoord',
    status_CLOSED: 'gesloten',
    fileTitle: 'Dien dit in als vraag',
    fileQuestion: 'Vraag',
    askedBy: 'Gesteld door (instelling)',
    kind: 'Soort',
    kind_EXPERTISE_REQUEST: 'Kennisvraag (CKN/REKA)',
    kind_KNOWLEDGE_SECURITY: 'Kennisveiligheidsvraag (loket)',
    routedTo: 'Netwerk',
    contactName: 'Wie krijgt het antwoord',
    contactEmail: 'Diens e-mail',
    context: 'Achtergrond',
    file: 'Vraag indienen',
    filing: 'Indienen…',
    filed: 'Ingediend als',
    due: 'antwoord uiterlijk',
    choose: 'Kies…',
    myInquiries: 'Mijn vragen',
    noMyInquiries: 'U hebt nog geen vragen ingediend.',
    received: 'ontvangen',
    overdue: 'te laat',
  },
};
export type SearchLabel = keyof typeof SEARCH_TEXT.en;
