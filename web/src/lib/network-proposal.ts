// Where an inquiry should go, proposed from the countries a question names: the filing form preselects it, the
// officer may choose otherwise. The graph links no network to countries (a network is its names, its secretariat
// and a description), so the countries are written here, after the networks' descriptions in
// seed/data/networks.json and the seed's regions (a unit test holds REKA's to those regions).

/** The teams an inquiry is filed with, by their network slug. */
export type Team = 'ckn' | 'reka' | 'knowledge-security-desk';

/** The countries each knowledge network covers (ISO codes). */
export const NETWORK_COUNTRIES = {
  /** China, with Hong Kong, Macao and Taiwan (the seed's questions on Taiwan went to CKN). */
  ckn: ['CN', 'HK', 'MO', 'TW'],
  /** Russia and Eastern Europe, the South Caucasus and Central Asia: the seed's regions of those names. */
  reka: ['RU', 'BY', 'UA', 'MD', 'AM', 'AZ', 'GE', 'KZ', 'KG', 'TJ', 'TM', 'UZ'],
} as const satisfies Record<Exclude<Team, 'knowledge-security-desk'>, readonly string[]>;

export interface Proposal {
  team: Team;
  /** The country that decided it, or null for the desk (no country of a network). */
  because: string | null;
}

/**
 * CKN when a country is China's, else REKA when one is in its area, else the desk. China comes first: the seed's
 * questions about China together with Russia or Central Asia went to CKN.
 */
export function proposeTeam(countryCodes: readonly string[]): Proposal {
  for (const team of ['ckn', 'reka'] as const) {
    const covered: readonly string[] = NETWORK_COUNTRIES[team];
    const because = countryCodes.find((code) => covered.includes(code.toUpperCase()));
    if (because) return { team, because };
  }
  return { team: 'knowledge-security-desk', because: null };
}
