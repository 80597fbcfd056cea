/** The Dutch catalogue: how the reasons read in Dutch, in words (their points go beside them, not in them). */
import { countOf, dayInWords, listInWords, sinceInWords } from './format.js';
import type { Catalogue } from './language.js';
import type { ClaimBelief, ProvenanceMessage, WorkCount } from './reasons.js';

const quote = (text: string) => `‘${text}’`;
const count = (n: number, one: string, other: string) => countOf('nl', n, { one, other });
const either = (names: string[]) => listInWords('nl', names, 'disjunction');

/** "3 bijdragen en 1 beantwoorde vraag". */
function workInWords({ contributions, inquiries }: WorkCount): string {
  const parts = [
    contributions > 0 ? count(contributions, 'bijdrage', 'bijdragen') : null,
    inquiries > 0 ? count(inquiries, 'beantwoorde vraag', 'beantwoorde vragen') : null,
  ];
  return listInWords(
    'nl',
    parts.filter((part) => part !== null),
    'conjunction',
  );
}

/**
 * "geverifieerd door het CKN-secretariaat op 3 maart 2026", "opgegeven door de expert zelf", "aangetoond met 3
 * bijdragen en 1 beantwoorde vraag".
 */
function provenanceInWords(provenance: ProvenanceMessage): string {
  switch (provenance.how) {
    case 'verified': {
      const who = provenance.network ? `het ${provenance.network}-secretariaat` : provenance.verifiedBy;
      return [
        'geverifieerd',
        who ? `door ${who}` : null,
        provenance.verifiedAt ? `op ${dayInWords('nl', provenance.verifiedAt)}` : null,
      ]
        .filter(Boolean)
        .join(' ');
    }
    case 'evidenced':
      return provenance.contributions + provenance.inquiries > 0
        ? `aangetoond met ${workInWords(provenance)}`
        : 'aangetoond met eigen werk';
    case 'declared':
      return 'opgegeven door de expert zelf';
  }
}

/** Why a declared level counts as it does. */
function beliefInWords(belief: ClaimBelief | null): string {
  if (belief === null) return '';
  if (belief.backing !== null) return ` en gestaafd door ${workInWords(belief.backing)} hierover`;
  if (belief.broadClaims === null) return ', nog zonder werk hierover dat het staaft, dus het telt minder zwaar';
  return (
    `, zonder werk hierover; de expert geeft ${belief.broadClaims} ongerelateerde onderwerpen op niveau 4 of 5 op ` +
    'zonder werk te tonen, dus het telt veel minder zwaar'
  );
}

const theme = (name: string | null) => name ?? 'het thema';
const inPlaces = (places: string[]) => (places.length > 0 ? ` in ${either(places)}` : '');
const forExample = (title: string | null) => (title ? `, bijvoorbeeld ${quote(title)}` : '');
const RISKS: Record<string, string> = {
  UNWANTED_TRANSFER: 'ongewenste kennisoverdracht',
  COVERT_INFLUENCE: 'heimelijke beïnvloeding',
  ETHICAL: 'ethische bezwaren',
  SANCTIONS: 'sancties',
};

export const nl: Catalogue = {
  provenance: provenanceInWords,
  reasons: {
    themeClaim: (p) => {
      const what =
        p.relation === 'exact'
          ? p.themeName
          : `${p.themeName}, ${p.relation === 'narrower' ? 'een smaller thema binnen' : 'het bredere thema boven'} ` +
            theme(p.askedThemeName);
      const provenance = provenanceInWords(p.provenance);
      return `Expertiseniveau ${p.level} van 5 in ${what}, ${provenance}${beliefInWords(p.belief)}.`;
    },
    noStatedExpertise: (p) => `Geen opgegeven expertise in ${theme(p.themeName)}; gevonden via het werk hieronder.`,
    countryFocus: (p) => {
      const where = p.within === null ? p.countryName : `${p.countryName} (in ${either(p.within)})`;
      const belief =
        p.belief === null
          ? ''
          : p.belief.backed
            ? ' en gestaafd door werk over dit land'
            : ', nog niet gestaafd door werk over dit land';
      return `Richt zich op ${where} op niveau ${p.level} van 5, ${provenanceInWords(p.provenance)}${belief}.`;
    },
    countryEvidence: (p) => {
      const about = p.places.length > 0 ? ` over ${either(p.places)}` : '';
      return `${workInWords(p.work)}${about}${p.noFocus ? ', zonder opgegeven focus erop' : ''}.`;
    },
    themeContributions: (p) =>
      `${count(p.count, 'bijdrage', 'bijdragen')} over ${theme(p.themeName)}${inPlaces(p.places)}` +
      `${forExample(p.example)}.`,
    themeInquiries: (p) =>
      `Beantwoordde ${count(p.count, 'eerdere vraag', 'eerdere vragen')} over ${theme(p.themeName)}` +
      `${inPlaces(p.places)}.`,
    wordsOnly: (p) =>
      `Geen opgegeven expertise of werk over ${either(p.themeNames)}; gevonden via de woorden ${quote(p.words)}.`,
    textProfile: (p) => `Het profiel past bij ${quote(p.words)}.`,
    textContributions: (p) =>
      `${count(p.count, 'bijdrage past', 'bijdragen passen')} bij ${quote(p.words)}${forExample(p.example)}.`,
    textInquiries: (p) =>
      `Beantwoordde ${count(p.count, 'eerdere vraag die past', 'eerdere vragen die passen')} bij ${quote(p.words)}.`,
    inferredTheme: (p) =>
      `${p.themeName ?? 'Het thema'} is waar de gevonden teksten vooral over gaan, geen thema dat u noemde; daarom ` +
      'telt de positie daarin minder zwaar.',
    flaggedAffiliation: (p) =>
      `Werkt bij ${p.institutionName}, vermeld in “${p.listName}”${p.programme ? ` (${p.programme})` : ''}` +
      `${p.listedSince ? ` sinds ${sinceInWords('nl', p.listedSince)}` : ''} (bevestigde match).`,
  },
  similarity: {
    followUp: () => 'De ene vraag is een vervolg op de andere.',
    similarWords: () => 'De vraag gebruikt vergelijkbare woorden.',
    sharedTheme: (p) => `Gaat ook over ${p.themeName}.`,
    relatedTheme: (p) => `Gaat over ${p.themeName}, een breder of smaller thema.`,
    sharedCountry: (p) => `Betreft ook ${p.countryName}.`,
    samePartner: (p) => `Betreft dezelfde partnerinstelling, ${p.partnerName}.`,
    sameRisk: (p) => `Hetzelfde risico: ${RISKS[p.risk] ?? p.risk.toLowerCase().replace(/_/g, ' ')}.`,
  },
};
