/**
 * The knowledge-security desk's risk categories: the RiskCategory enum of inquiries, which a handler may
 * record and the statistics count. OTHER is a worry none of the rest names.
 */
export const RISK_CATEGORIES = ['UNWANTED_TRANSFER', 'COVERT_INFLUENCE', 'ETHICAL', 'SANCTIONS', 'OTHER'] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** The categories a question's words or themes can name, in the same order: every one but OTHER. */
export type NamedRiskCategory = Exclude<RiskCategory, 'OTHER'>;
export const NAMED_RISK_CATEGORIES = RISK_CATEGORIES.filter(
  (category): category is NamedRiskCategory => category !== 'OTHER',
);

/** The words that name each category in English and Dutch; a recognised theme names one too (see THEME_RISKS). */
export const RISK_PHRASES: Record<NamedRiskCategory, string[]> = {
  UNWANTED_TRANSFER: [
    'unwanted transfer',
    'knowledge transfer',
    'technology transfer',
    'transfer of knowledge',
    'transfer of technology',
    'knowledge leakage',
    'technology theft',
    'dual use',
    'dual-use',
    'military end use',
    'military end user',
    'kennisoverdracht',
    'technologieoverdracht',
    'ongewenste overdracht',
    'overdracht van kennis',
    'kennislek',
    'kennislekken',
    'tweeërlei gebruik',
    'militair eindgebruik',
  ],
  COVERT_INFLUENCE: [
    'covert influence',
    'interference',
    'foreign interference',
    'influence operations',
    'espionage',
    'united front',
    'intimidation',
    'heimelijke beïnvloeding',
    'beïnvloeding',
    'inmenging',
    'buitenlandse inmenging',
    'spionage',
    'intimidatie',
    'eenheidsfront',
  ],
  ETHICAL: [
    'ethical',
    'ethics',
    'human rights',
    'fundamental rights',
    'forced labour',
    'forced labor',
    'repression',
    'surveillance',
    'ethisch',
    'ethiek',
    'mensenrechten',
    'grondrechten',
    'dwangarbeid',
    'onderdrukking',
    'repressie',
    'surveillance',
  ],
  SANCTIONS: [
    'sanction',
    'sanctions',
    'sanctioned',
    'embargo',
    'export ban',
    'sanctie',
    'sancties',
    'gesanctioneerd',
    'sanctieomzeiling',
    'sanctiewet',
  ],
};

/** Themes of the seed taxonomy that name a risk category by themselves. */
export const THEME_RISKS: Record<string, NamedRiskCategory> = {
  'unwanted-technology-transfer': 'UNWANTED_TRANSFER',
  'dual-use-technology': 'UNWANTED_TRANSFER',
  'talent-programmes': 'UNWANTED_TRANSFER',
  'military-civil-fusion': 'UNWANTED_TRANSFER',
  'covert-influence': 'COVERT_INFLUENCE',
  'united-front-work': 'COVERT_INFLUENCE',
  'cyber-espionage': 'COVERT_INFLUENCE',
  'transnational-repression': 'COVERT_INFLUENCE',
  'ethics-of-international-cooperation': 'ETHICAL',
  'human-rights': 'ETHICAL',
  'forced-labour': 'ETHICAL',
  xinjiang: 'ETHICAL',
  sanctions: 'SANCTIONS',
  'russia-sanctions': 'SANCTIONS',
  'belarus-sanctions': 'SANCTIONS',
  'sanctions-evasion': 'SANCTIONS',
  'sanctions-compliance': 'SANCTIONS',
};
