/** The English catalogue: how the reasons read in English, in words (their points go beside them, not in them). */
import { countOf, dayInWords, listInWords, sinceInWords } from './format.js';
import type { Catalogue } from './language.js';
import type { ClaimBelief, ProvenanceMessage, WorkCount } from './reasons.js';

const quote = (text: string) => `“${text}”`;
const count = (n: number, one: string, other: string) => countOf('en', n, { one, other });
const either = (names: string[]) => listInWords('en', names, 'disjunction');

/** "3 contributions and 1 answered inquiry". */
function workInWords({ contributions, inquiries }: WorkCount): string {
  const parts = [
    contributions > 0 ? count(contributions, 'contribution', 'contributions') : null,
    inquiries > 0 ? count(inquiries, 'answered inquiry', 'answered inquiries') : null,
  ];
  return listInWords(
    'en',
    parts.filter((part) => part !== null),
    'conjunction',
  );
}

/**
 * "verified by the CKN secretariat on 3 March 2026", "declared by the expert", "evidenced by 3 contributions and 1
 * answered inquiry".
 */
function provenanceInWords(provenance: ProvenanceMessage): string {
  switch (provenance.how) {
    case 'verified': {
      const who = provenance.network ? `the ${provenance.network} secretariat` : provenance.verifiedBy;
      return [
        'verified',
        who ? `by ${who}` : null,
        provenance.verifiedAt ? `on ${dayInWords('en', provenance.verifiedAt)}` : null,
      ]
        .filter(Boolean)
        .join(' ');
    }
    case 'evidenced':
      return provenance.contributions + provenance.inquiries > 0
        ? `evidenced by ${workInWords(provenance)}`
        : 'evidenced by their work';
    case 'declared':
      return 'declared by the expert';
  }
}

/** Why a declared level counts as it does. */
function beliefInWords(belief: ClaimBelief | null): string {
  if (belief === null) return '';
  if (belief.backing !== null) return ` and borne out by ${workInWords(belief.backing)} on it`;
  if (belief.broadClaims === null) return ', with no work on it to show yet, so it counts for less';
  return (
    `, with no work on it to show; the expert claims ${belief.broadClaims} unrelated subjects at level 4 or 5 ` +
    'without work to show, so it counts for much less'
  );
}

const theme = (name: string | null) => name ?? 'the theme';
const concerning = (places: string[]) => (places.length > 0 ? ` concerning ${either(places)}` : '');
const forExample = (title: string | null) => (title ? `, e.g. ${quote(title)}` : '');
const RISKS: Record<string, string> = {
  UNWANTED_TRANSFER: 'unwanted transfer of knowledge',
  COVERT_INFLUENCE: 'covert influence',
  ETHICAL: 'ethical concerns',
  SANCTIONS: 'sanctions',
};

export const en: Catalogue = {
  provenance: provenanceInWords,
  reasons: {
    themeClaim: (p) => {
      const what =
        p.relation === 'exact'
          ? p.themeName
          : `${p.themeName}, ${p.relation === 'narrower' ? 'a narrower' : 'the broader'} theme of ` +
            theme(p.askedThemeName);
      const provenance = provenanceInWords(p.provenance);
      return `Expertise level ${p.level} of 5 in ${what}, ${provenance}${beliefInWords(p.belief)}.`;
    },
    noStatedExpertise: (p) => `No stated expertise in ${theme(p.themeName)}; found through the work below.`,
    countryFocus: (p) => {
      const where = p.within === null ? p.countryName : `${p.countryName} (in ${either(p.within)})`;
      const belief =
        p.belief === null
          ? ''
          : p.belief.backed
            ? ' and borne out by work concerning it'
            : ', not yet borne out by work concerning it';
      return `Focuses on ${where} at level ${p.level} of 5, ${provenanceInWords(p.provenance)}${belief}.`;
    },
    countryEvidence: (p) =>
      `${workInWords(p.work)}${concerning(p.places)}${p.noFocus ? ', without a stated focus on it' : ''}.`,
    themeContributions: (p) =>
      `${count(p.count, 'contribution', 'contributions')} on ${theme(p.themeName)}${concerning(p.places)}` +
      `${forExample(p.example)}.`,
    themeInquiries: (p) =>
      `Answered ${count(p.count, 'earlier inquiry', 'earlier inquiries')} on ${theme(p.themeName)}` +
      `${concerning(p.places)}.`,
    wordsOnly: (p) => `No stated expertise or work on ${either(p.themeNames)}; found by the words ${quote(p.words)}.`,
    textProfile: (p) => `Profile matches ${quote(p.words)}.`,
    textContributions: (p) =>
      `${count(p.count, 'contribution matches', 'contributions match')} ${quote(p.words)}${forExample(p.example)}.`,
    textInquiries: (p) =>
      `Answered ${count(p.count, 'earlier inquiry', 'earlier inquiries')} matching ${quote(p.words)}.`,
    inferredTheme: (p) =>
      `${p.themeName ?? 'The theme'} is what the matching texts are mostly about, not a theme you named, so the ` +
      'standing in it counts for less.',
    flaggedAffiliation: (p) =>
      `Works at ${p.institutionName}, listed in “${p.listName}”${p.programme ? ` (${p.programme})` : ''}` +
      `${p.listedSince ? ` since ${sinceInWords('en', p.listedSince)}` : ''} (confirmed match).`,
  },
  similarity: {
    followUp: () => 'One follows the other up.',
    similarWords: () => 'The question uses similar words.',
    sharedTheme: (p) => `Also about ${p.themeName}.`,
    relatedTheme: (p) => `About ${p.themeName}, a broader or narrower theme.`,
    sharedCountry: (p) => `Also concerns ${p.countryName}.`,
    samePartner: (p) => `Concerns the same partner institution, ${p.partnerName}.`,
    sameRisk: (p) => `The same risk: ${RISKS[p.risk] ?? p.risk.toLowerCase().replace(/_/g, ' ')}.`,
  },
};
