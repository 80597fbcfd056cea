/** The English catalogue: how numbers, quotes, dates and the reasons read in English. */
import type { Catalogue } from './language.js';
import type { ProvenanceMessage, WorkCount } from './reasons.js';

const round = (value: number) => Math.round(value * 100) / 100;
const signed = (value: number) => `+${round(value)}`;
const quote = (text: string) => `“${text}”`;
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const DAY_IN_WORDS = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});

/** "3 March 2026". */
export function dayInWords(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DAY_IN_WORDS.format(date);
}

/** "3 contributions and 1 answered inquiry". */
function workInWords({ contributions, inquiries }: WorkCount): string {
  const parts = [
    contributions > 0 ? plural(contributions, 'contribution', 'contributions') : null,
    inquiries > 0 ? plural(inquiries, 'answered inquiry', 'answered inquiries') : null,
  ];
  return parts.filter(Boolean).join(' and ');
}

/**
 * "Verified by the CKN secretariat on 3 March 2026", "Declared by the expert", "Evidenced by 3 contributions and 1
 * answered inquiry".
 */
function provenanceInWords(provenance: ProvenanceMessage): string {
  switch (provenance.how) {
    case 'verified': {
      const who = provenance.network ? `the ${provenance.network} secretariat` : provenance.verifiedBy;
      return [
        'Verified',
        who ? `by ${who}` : null,
        provenance.verifiedAt ? `on ${dayInWords(provenance.verifiedAt)}` : null,
      ]
        .filter(Boolean)
        .join(' ');
    }
    case 'evidenced':
      return provenance.contributions + provenance.inquiries > 0
        ? `Evidenced by ${workInWords(provenance)}`
        : 'Evidenced by their work';
    case 'declared':
      return 'Declared by the expert';
  }
}

const theme = (name: string | null) => name ?? 'the theme';
const counted = (count: number | null) => (count === null ? '' : `, ${count} counted`);
const concerning = (placeLabel: string | null) => (placeLabel ? ` concerning ${placeLabel}` : '');
const forExample = (title: string | null) => (title ? `, e.g. ${quote(title)}` : '');
const likewise = (broadClaims: number | null) =>
  broadClaims === null ? '' : ` and ${broadClaims} unrelated subjects claimed at level 4-5 likewise`;

export const en: Catalogue = {
  reasons: {
    themeClaim: (p) => {
      const what =
        p.relation === 'exact'
          ? p.themeName
          : `${p.themeName}, ${p.relation === 'narrower' ? 'a narrower' : 'the broader'} theme of ` +
            theme(p.askedThemeName);
      const belief =
        p.belief === null
          ? ''
          : p.belief.backing !== null
            ? `, borne out by ${workInWords(p.belief.backing)} on it; counted at ${p.belief.percent} %`
            : `, with nothing to show for it${likewise(p.belief.broadClaims)}; counted at ${p.belief.percent} %`;
      return (
        `Expertise level ${p.level}/5 in ${what}. ${provenanceInWords(p.provenance)}${belief} ` +
        `(${signed(p.points)}).`
      );
    },
    noStatedExpertise: (p) => `No stated expertise in ${theme(p.themeName)}; found through the evidence below.`,
    countryFocus: (p) => {
      const where = p.within === null ? p.countryName : `${p.countryName} (in ${p.within})`;
      const belief =
        p.belief === null
          ? ''
          : `, ${p.belief.backed ? 'borne out by the work concerning it below' : 'with nothing to show for it'}; ` +
            `counted at ${p.belief.percent} %`;
      return (
        `Focuses on ${where} at level ${p.level}/5. ${provenanceInWords(p.provenance)}${belief} ` +
        `(${signed(p.points)}).`
      );
    },
    countryEvidence: (p) =>
      `${workInWords(p.work)} concerning ${p.placeLabel}${p.noFocus ? ' (no stated focus)' : ''} ` +
      `(${signed(p.points)}${counted(p.counted)}).`,
    themeContributions: (p) =>
      `${plural(p.count, 'contribution', 'contributions')} on ` +
      `${theme(p.themeName)}${concerning(p.placeLabel)}${forExample(p.example)} ` +
      `(${signed(p.points)}${counted(p.counted)}).`,
    themeInquiries: (p) =>
      `Answered ${plural(p.count, 'earlier inquiry', 'earlier inquiries')} on ` +
      `${theme(p.themeName)}${concerning(p.placeLabel)} (${signed(p.points)}${counted(p.counted)}).`,
    wordsOnly: (p) =>
      `No stated expertise or work on ${p.themeNames.join(' or ')}; found by the words ${quote(p.words)}.`,
    textProfile: (p) => `Profile matches ${quote(p.words)} (full-text search, ${signed(p.points)}).`,
    textContributions: (p) =>
      `${plural(p.count, 'contribution matches', 'contributions match')} ` +
      `${quote(p.words)}${forExample(p.example)} ` +
      `(${signed(p.points)}${p.bestCounted === null ? '' : `, best ${p.bestCounted} counted`}).`,
    textInquiries: (p) =>
      `Answered ${plural(p.count, 'earlier inquiry', 'earlier inquiries')} matching ${quote(p.words)} ` +
      `(${signed(p.points)}${p.bestCounted === null ? '' : `, best ${p.bestCounted} counted`}).`,
    inferredTheme: (p) =>
      `${p.themeName} is what the matching texts are mostly about, not a theme you named: its part counted at ` +
      `${p.percent} % (${round(p.adjustment)}).`,
  },
  similarity: {
    followUp: (p) => `One follows the other up (+${p.points}).`,
    similarWords: (p) => `The question uses similar words (full text, +${p.points} of ${p.of}).`,
    sharedTheme: (p) => `Also about ${p.themeName} (+${p.points}).`,
    relatedTheme: (p) => `About ${p.themeName}, a broader or narrower theme (+${p.points}).`,
    sharedCountry: (p) => `Also concerns ${p.countryName} (+${p.points}).`,
    samePartner: (p) => `Concerns the same partner institution, ${p.partnerName} (+${p.points}).`,
    sameRisk: (p) => `The same risk: ${p.risk.toLowerCase().replace(/_/g, ' ')} (+${p.points}).`,
  },
};
