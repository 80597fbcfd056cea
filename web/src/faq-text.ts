// The FAQ page's labels, in English and Dutch.
export const FAQ_TEXT = {
  en: {
    heading: 'Frequently asked questions',
    intro:
      'Answers the knowledge security desk gave to questions about international cooperation, rewritten for anyone ' +
      'to read. Your question not here? Ask the desk.',
    searchLabel: 'Search the questions',
    searchHint: 'In Dutch or English, e.g. “samenwerking met Russische universiteiten”.',
    search: 'Search',
    clear: 'All questions',
    loading: 'Loading the questions…',
    none: 'No published answer matches this yet: ask the desk.',
    recognised: 'Read as',
    results: 'Answers to your search',
    back: 'All questions',
    notFoundTitle: 'No answer found',
    notFound: 'No published answer goes by this address: the link may be old, or the answer was withdrawn.',
    published: 'Published',
    topics: 'Topics',
    notPublished: 'Not published: only handlers see this article.',
    failed: 'The questions could not be loaded.',
  },
  nl: {
    heading: 'Veelgestelde vragen',
    intro:
      'Antwoorden die het loket kennisveiligheid gaf op vragen over internationale samenwerking, herschreven zodat ' +
      'iedereen ze kan lezen. Staat uw vraag er niet bij? Stel haar aan het loket.',
    searchLabel: 'Zoek in de vragen',
    searchHint: 'In het Nederlands of Engels, bijvoorbeeld “samenwerking met Russische universiteiten”.',
    search: 'Zoeken',
    clear: 'Alle vragen',
    loading: 'De vragen worden geladen…',
    none: 'Nog geen gepubliceerd antwoord past hierbij: stel uw vraag aan het loket.',
    recognised: 'Gelezen als',
    results: 'Antwoorden bij uw zoekvraag',
    back: 'Alle vragen',
    notFoundTitle: 'Geen antwoord gevonden',
    notFound:
      'Er staat geen gepubliceerd antwoord op dit adres: de link is misschien oud, of het antwoord is ingetrokken.',
    published: 'Gepubliceerd',
    topics: 'Onderwerpen',
    notPublished: 'Niet gepubliceerd: alleen behandelaars zien dit artikel.',
    failed: 'De vragen konden niet worden geladen.',
  },
};
