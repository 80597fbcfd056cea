import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { connectTestDatabase, fixturePrefix, graphql, type UntypedData } from './helpers/api.js';

/**
 * Cross-language similar inquiries on a graph of 40 inquiries recorded here: 20 originals (10 English, 10
 * Dutch) and 20 others on nearby subjects. Each original's paraphrase in the other language must find it
 * among the first three of these inquiries (the seed's inquiries are left out of the count).
 */
const P = fixturePrefix('similar');

const PAIRS: Array<[original: string, paraphrase: string]> = [
  [
    'May our university share EUV lithography know-how with a Chinese partner university?',
    'Mag onze universiteit kennis over EUV-lithografie delen met een Chinese partneruniversiteit?',
  ],
  [
    'Hoe omzeilen Russische bedrijven de sancties via Kazachstan?',
    'How do Russian companies evade sanctions through Kazakhstan?',
  ],
  [
    'What is known about Chinese investment in Dutch port terminals and critical infrastructure?',
    'Wat weten we over Chinese investeringen in Nederlandse haventerminals en vitale infrastructuur?',
  ],
  [
    "Welke risico's brengt samenwerking met Huawei aan 5G-netwerken mee?",
    'What are the risks of working with Huawei on 5G networks?',
  ],
  [
    'Russian disinformation campaigns targeting the Baltic states',
    'Russische desinformatiecampagnes gericht op de Baltische staten',
  ],
  [
    "Zijn er Chinese talentprogramma's actief onder promovendi aan Nederlandse universiteiten?",
    'Are Chinese talent programmes recruiting PhD candidates at Dutch universities?',
  ],
  ['Export controls on dual-use drones to Iran', 'Exportcontrole op dual-use drones naar Iran'],
  [
    'Wat betekent de Chinese controle over zeldzame aardmetalen voor onze defensie-industrie?',
    'What does Chinese control over rare earths mean for our defence industry?',
  ],
  [
    'Is the Confucius Institute at our university a channel for covert influence?',
    'Is het Confucius Instituut aan onze universiteit een kanaal voor heimelijke beïnvloeding?',
  ],
  [
    'Hoe kwetsbaar zijn onderzeese kabels in de Noordzee voor Russische sabotage?',
    'How vulnerable are undersea cables in the North Sea to Russian sabotage?',
  ],
  ['Grain exports from Ukraine through the Black Sea', 'Graanexport uit Oekraïne via de Zwarte Zee'],
  [
    'Welke rol speelt het Chinese Volksbevrijdingsleger in de Straat van Taiwan?',
    "What role does the People's Liberation Army play in the Taiwan Strait?",
  ],
  ['Forced labour in Xinjiang cotton supply chains', 'Dwangarbeid in Xinjiang in katoenen toeleveringsketens'],
  [
    'Gebruikt Rusland de schaduwvloot om het olieprijsplafond te ontwijken?',
    'Does Russia use the shadow fleet to get around the oil price cap?',
  ],
  [
    'Chinese quantum computing research cooperation with Dutch universities',
    'Onderzoekssamenwerking met China op het gebied van kwantumcomputers',
  ],
  [
    'Beïnvloedt China de verkiezingen in Taiwan met desinformatie?',
    'Is China influencing the elections in Taiwan with disinformation?',
  ],
  [
    'Screening of a Belarusian PhD candidate for sanctions compliance',
    'Screening van een Wit-Russische promovendus op naleving van sancties',
  ],
  [
    'Welke kennis heeft Rosatom over kernenergie in Centraal-Azië?',
    'What does Rosatom know about nuclear energy in Central Asia?',
  ],
  [
    'Cyber espionage by Chinese state hackers against Dutch semiconductor firms',
    'Cyberspionage door Chinese statelijke hackers tegen Nederlandse chipbedrijven',
  ],
  [
    'Arctische scheepvaart langs de Noordelijke Zeeroute door Chinese rederijen',
    'Chinese shipping companies using the Northern Sea Route through the Arctic',
  ],
];

const OTHERS = [
  'Chinese PhD students in our photonics laboratory',
  'Sanctions against Belarus and Dutch machinery exports',
  'Russian investment in Dutch ports',
  'Samenwerking met Chinese universiteiten op het gebied van kunstmatige intelligentie',
  'Russische propaganda op sociale media in Duitsland',
  'Semiconductor export controls against China by the United States',
  'Iraanse studenten in de nucleaire technologie',
  'Critical raw materials from China for batteries',
  'Is TikTok a tool for Chinese influence operations?',
  'Russische hybride dreigingen tegen de Nederlandse energievoorziening',
  'Wheat prices and food security in Africa',
  'Taiwanese chipfabrieken en de Chinese dreiging',
  'Human rights due diligence for suppliers in China',
  'Russische olie-export naar India',
  'Dutch universities cooperating with Chinese defence universities',
  'Chinese verkiezingsbeïnvloeding in Europa',
  'Sanctieomzeiling via Armenië en Georgië',
  'Kazachse uraniumleveringen aan Rusland',
  'Hacking of Dutch ministries by Russian groups',
  'Chinese investeringen in het Noordpoolgebied',
];

let db: Database;
const originals: string[] = [];
const fixtureIds = new Set<string>();

async function record(question: string, extra: Record<string, unknown> = {}): Promise<UntypedData> {
  const response = await graphql(
    `
      mutation ($input: RecordInquiryInput!) {
        recordInquiry(input: $input) {
          inquiry {
            id
            slug
            themes {
              slug
            }
            countries {
              code
            }
            inferredThemes {
              slug
            }
            inferredCountries {
              code
            }
            inferredPartner {
              slug
            }
            inferredRiskCategories
            riskCategories
          }
        }
      }
    `,
    { input: { kind: 'EXPERTISE_REQUEST', routedTo: 'ckn', askedBy: 'min-bz', question, context: `(${P})`, ...extra } },
  );
  expect(response.errors).toBeUndefined();
  return response.data.recordInquiry.inquiry;
}

beforeAll(async () => {
  db = await connectTestDatabase();
  for (const [original] of PAIRS) {
    const inquiry = await record(original);
    originals.push(inquiry.slug);
    fixtureIds.add(inquiry.slug);
  }
  for (const other of OTHERS) fixtureIds.add((await record(other)).slug);
}, 300_000);

afterAll(async () => {
  await db.queries().write(
    `MATCH (n:Inquiry) WHERE n.context CONTAINS $p
     OPTIONAL MATCH (n)-[:HAS_STATUS_CHANGE]->(s)
     OPTIONAL MATCH (c:Change {subjectId: n.id})
     DETACH DELETE n, s, c`,
    { p: P },
  );
  await db.close();
});

async function similar(
  question: string,
): Promise<Array<{ slug: string; score: number; reasons: Array<{ text: string; points: number; ids: string[] }> }>> {
  const response = await graphql(
    `
      query ($q: String!) {
        similarInquiries(question: $q, first: 100) {
          inquiry {
            slug
          }
          score
          reasons {
            text
            points
            ids
          }
        }
      }
    `,
    { q: question },
  );
  expect(response.errors).toBeUndefined();
  return response.data.similarInquiries.map((s: { inquiry: { slug: string }; score: number; reasons: unknown[] }) => ({
    slug: s.inquiry.slug,
    score: s.score,
    reasons: s.reasons,
  }));
}

describe('similar inquiries across English and Dutch', () => {
  it('finds the original of at least 95% of paraphrases in the other language among the first three', async () => {
    const misses: string[] = [];
    for (const [index, [, paraphrase]] of PAIRS.entries()) {
      const ranked = (await similar(paraphrase)).filter((s) => fixtureIds.has(s.slug)).map((s) => s.slug);
      const rank = ranked.indexOf(originals[index]!);
      if (rank < 0 || rank > 2) misses.push(`${paraphrase} → rank ${rank + 1}`);
    }
    expect(misses.length, misses.join('\n')).toBeLessThanOrEqual(Math.floor(PAIRS.length * 0.05));
  });

  it('gives reasons that add up to the score and name what they rest on', async () => {
    const [best] = (await similar(PAIRS[1]![1])).filter((s) => fixtureIds.has(s.slug));
    expect(best!.slug).toBe(originals[1]);
    expect(best!.reasons.reduce((sum, r) => sum + r.points, 0)).toBeCloseTo(best!.score, 1);
    expect(best!.reasons.flatMap((r) => r.ids)).toEqual(expect.arrayContaining(['RU', 'KZ', 'sanctions']));
  });
});

/** Paraphrases, in the other language, of inquiries of the seed: ranked among every inquiry there is. */
const SEED_PARAPHRASES: Array<[seedId: string, paraphrase: string]> = [
  [
    'inq-2024-0001',
    'Het Chinese bulkschip Yi Peng 3 wordt verdacht van schade aan twee ' +
      'kabels in de Oostzee. Wat weten we over Chinese betrokkenheid?',
  ],
  [
    'inq-2025-0002',
    'Hoe waarschijnlijk is betrokkenheid van de schaduwvloot bij schade ' +
      'aan onderzeese kabels na het Eagle S-incident in de Finse Golf?',
  ],
  [
    'inq-2025-0006',
    'What Chinese countermeasures can we expect if the Netherlands further ' +
      'extends the licence requirement for lithography and metrology equipment?',
  ],
  [
    'inq-2025-0014',
    'Which forms of transnational repression by China against Uyghurs and Hong Kongers in the Netherlands are known?',
  ],
  [
    'inq-2025-0018',
    'What security measures does the desk advise for researchers ' +
      'travelling to China for fieldwork with laptops and phones?',
  ],
  ['inq-2025-0022', 'How stable is the Russian economy in 2025: inflation, interest rates and war spending?'],
  [
    'inq-2025-0026',
    'Hoe zal China reageren op de nieuwe Amerikaanse importheffingen van begin april, ' +
      'en hoeveel handelsverlegging naar de EU verwachten experts?',
  ],
  [
    'inq-2025-0034',
    'How many tankers of the Russian shadow fleet sail through the ' +
      'North Sea, and what legal options do we have to inspect them?',
  ],
  [
    'inq-2025-0042',
    'Welke Belarussische banken vallen nog buiten de SWIFT-beperkingen, ' +
      'en hoe bereiken betalingen van Nederlandse bedrijven Belarus nog?',
  ],
  [
    'inq-2025-0046',
    'Noord-Koreaanse troepen vochten in Koersk. Wat krijgt Pyongyang ' +
      'ervoor terug, en hoe kijkt Peking naar dit partnerschap?',
  ],
  [
    'inq-2025-0054',
    'How is Taiwan responding to the American export restrictions on advanced chips, ' +
      'and what does that mean for Dutch suppliers to the semiconductor industry?',
  ],
  [
    'inq-2025-0066',
    'How large-scale are Russian vote buying and disinformation around ' +
      'the Moldovan parliamentary elections at the end of September?',
  ],
  ['inq-2025-0070', 'What lessons do experts draw from the Zapad-2025 exercise in Belarus?'],
  [
    'inq-2025-0062',
    'Wat betekent de door de VS bemiddelde transitroute door Syunik voor de rol van Rusland in de Zuidelijke Kaukasus?',
  ],
];

describe('similar inquiries across languages, among all inquiries', () => {
  it('finds every seed inquiry from its paraphrase in the other language among the first three', async () => {
    const ranks: string[] = [];
    let hits = 0;
    for (const [seedId, paraphrase] of SEED_PARAPHRASES) {
      const rank = (await similar(paraphrase)).findIndex((s) => s.slug === seedId) + 1;
      if (rank >= 1 && rank <= 3) hits += 1;
      ranks.push(`${seedId}: ${rank || 'not found'}`);
    }
    console.log(`seed paraphrases in the top 3: ${hits}/${SEED_PARAPHRASES.length} (${ranks.join(', ')})`);
    expect(hits, ranks.join('\n')).toBeGreaterThanOrEqual(Math.ceil(SEED_PARAPHRASES.length * 0.8));
  });
});

describe('tagging inquiries with what their text names', () => {
  it('links recognised themes, countries, partner and risk categories as inferred, besides those given', async () => {
    const inquiry = await record(
      'Mogen wij chipontwerpen delen met Huawei in China? Wij vrezen ongewenste kennisoverdracht.',
      {
        kind: 'KNOWLEDGE_SECURITY',
        routedTo: null,
        countries: ['CN'],
        riskCategories: ['ETHICAL'],
      },
    );
    expect(inquiry.countries).toEqual([{ code: 'CN' }]);
    expect(inquiry.themes).toEqual([]);
    expect(inquiry.inferredThemes.map((t: { slug: string }) => t.slug)).toContain('semiconductors');
    expect(inquiry.inferredCountries).toEqual([]);
    expect(inquiry.inferredPartner).toEqual({ slug: 'huawei' });
    expect(inquiry.riskCategories).toEqual(['ETHICAL']);
    expect(inquiry.inferredRiskCategories).toEqual(['UNWANTED_TRANSFER']);
  });
});
