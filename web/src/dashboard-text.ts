// The dashboard's labels, in English and Dutch.
export const DASHBOARD_TEXT = {
  en: {
    title: 'Dashboard', network: 'Network', allNetworks: 'All networks and the desk', from: 'From', to: 'Until', interval: 'Per', minExperts: 'Gap: fewer experts than',
    WEEK: 'week', MONTH: 'month', QUARTER: 'quarter', apply: 'Show', loading: 'Loading…',
    received: 'Inquiries received', onTime: 'Answered within 3 working days', overdueNow: 'Overdue now', open: 'Still open',
    median: 'Median working days to answer', ministries: 'Waited on ministries', none: '–',
    coverage: 'Coverage: experts per theme × region', coverageHint: 'Cells show experts / inquiries. Red outline: a gap (asked about, fewer than {n} experts). Click a cell for who covers it and what was asked; click a theme or region to expand it.',
    reset: 'Back to all themes and regions', gaps: 'Gaps, most asked first', noGaps: 'No gaps in this selection.',
    flow: 'Inquiries over time, by status', share: 'Share answered within 3 working days', overdueAtEnd: 'Overdue at end',
    topThemes: 'Most-asked themes (all time)', topCountries: 'Most-asked countries (all time)', inquiries: 'inquiries', experts: 'experts',
    networks: 'Networks', activeExperts: 'active experts', consenting: 'consent to contact', events: 'events held', routed: 'inquiries routed', answered: 'answered',
    cell: 'Cell', whoCovers: 'Who covers it', whatAsked: 'What was asked', noExperts: 'Nobody covers this cell.', noInquiries: 'No inquiries about this cell in the period.',
    inquiriesHidden: 'Sign in as an officer or handler to see the inquiries themselves.', byLevel: 'By level', byProvenance: 'By provenance', close: 'Close',
    status_RECEIVED: 'received', status_IN_PROGRESS: 'in progress', status_COORDINATING: 'coordinating', status_ANSWERED: 'answered', status_CLOSED: 'closed',
  },
  nl: {
    title: 'Dashboard', network: 'Netwerk', allNetworks: 'Alle netwerken en het loket', from: 'Van', to: 'Tot', interval: 'Per', minExperts: 'Lacune: minder experts dan',
    WEEK: 'week', MONTH: 'maand', QUARTER: 'kwartaal', apply: 'Toon', loading: 'Laden…',
    received: 'Ontvangen vragen', onTime: 'Binnen 3 werkdagen beantwoord', overdueNow: 'Nu over tijd', open: 'Nog open',
    median: 'Mediaan werkdagen tot antwoord', ministries: 'Wachtte op ministeries', none: '–',
    coverage: 'Dekking: experts per thema × regio', coverageHint: 'Cellen tonen experts / vragen. Rode rand: een lacune (gevraagd, minder dan {n} experts). Klik op een cel voor wie hem dekt en wat er gevraagd is; klik op een thema of regio om die uit te klappen.',
    reset: 'Terug naar alle thema’s en regio’s', gaps: 'Lacunes, meest gevraagd eerst', noGaps: 'Geen lacunes in deze selectie.',
    flow: 'Vragen door de tijd, per status', share: 'Aandeel binnen 3 werkdagen beantwoord', overdueAtEnd: 'Over tijd aan het eind',
    topThemes: 'Meest gevraagde thema’s (altijd)', topCountries: 'Meest gevraagde landen (altijd)', inquiries: 'vragen', experts: 'experts',
    networks: 'Netwerken', activeExperts: 'actieve experts', consenting: 'willen benaderd worden', events: 'bijeenkomsten', routed: 'vragen ontvangen', answered: 'beantwoord',
    cell: 'Cel', whoCovers: 'Wie dekt dit', whatAsked: 'Wat er gevraagd is', noExperts: 'Niemand dekt deze cel.', noInquiries: 'Geen vragen over deze cel in de periode.',
    inquiriesHidden: 'Log in als beleidsmedewerker of behandelaar om de vragen zelf te zien.', byLevel: 'Per niveau', byProvenance: 'Per herkomst', close: 'Sluiten',
    status_RECEIVED: 'ontvangen', status_IN_PROGRESS: 'in behandeling', status_COORDINATING: 'afstemming', status_ANSWERED: 'beantwoord', status_CLOSED: 'gesloten',
  },
};
export type DashboardLabel = keyof typeof DASHBOARD_TEXT.en;
