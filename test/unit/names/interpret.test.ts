import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isoCountries } from '../../../seed/countries.js';
import { interpret, type Interpretation } from '../../../src/names/interpret.js';
import type { VocabularyRows } from '../../../src/names/repository.js';
import { buildVocabulary } from '../../../src/names/vocabulary.js';
import { readDutchWordListFirst } from '../../helpers/dutch-word-list.js';

readDutchWordListFirst();

/** The seed's names: its taxonomy, regions and foreign institutions, and every ISO country. */
const seed = (file: string) => JSON.parse(readFileSync(new URL(`../../../seed/data/${file}`, import.meta.url), 'utf8'));
const countries = isoCountries();
const nameOf = new Map(countries.map((c) => [c.id, c.name]));
const vocabulary = buildVocabulary({
  themes: seed('themes.json').map((t: VocabularyRows['themes'][number]) => ({
    id: t.id,
    name: t.name,
    nameNl: t.nameNl,
    aliases: t.aliases,
  })),
  countries: countries.map((c) => ({ id: c.id, name: c.name, nameNl: c.nameNl, alpha3: c.alpha3, keys: c.keys })),
  regions: seed('regions.json').map(
    (r: Omit<VocabularyRows['regions'][number], 'countries'> & { countries: string[] }) => ({
      id: r.id,
      name: r.name,
      nameNl: r.nameNl,
      aliases: r.aliases,
      countries: r.countries.map((id: string) => ({ id, name: nameOf.get(id) })),
    }),
  ),
  institutions: seed('institutions.json')
    .filter((i: { country: string }) => i.country !== 'NL')
    .map((i: VocabularyRows['institutions'][number]) => ({
      id: i.id,
      name: i.name,
      nameNl: i.nameNl,
      acronym: i.acronym,
    })),
});

const read = (text: string) => interpret(vocabulary, text);
const themes = (i: Interpretation) => i.themes.map((t) => t.id).sort();
const countryIds = (i: Interpretation) =>
  i.places
    .filter((p) => !p.region)
    .flatMap((p) => p.countries.map((c) => c.id))
    .sort();
const regionIds = (i: Interpretation) => i.places.flatMap((p) => (p.region ? [p.region.id] : [])).sort();

describe('interpret: themes, countries and regions in free text', () => {
  it.each([
    // [text, themes, countries, regions, remaining text]
    ['Chinese port cranes', [], ['CN'], [], 'port cranes'],
    ['kennisveiligheid Rusland', ['knowledge-security'], ['RU'], [], ''],
    ['sanctieomzeiling in Centraal-Azië', ['sanctions-evasion'], [], ['central-asia'], ''],
    ['Who knows about semiconductor export controls to Taiwan?', ['export-controls', 'semiconductors'], ['TW'], [], ''],
    ['Wie weet iets van halfgeleiders in Taiwan?', ['semiconductors'], ['TW'], [], ''],
    ['Russische desinformatie in de Baltische staten', ['disinformation'], ['RU'], ['baltics'], ''],
    ['Russian disinformation campaigns in the Baltics', ['disinformation'], ['RU'], ['baltics'], ''],
    ['CHINESE SEMICONDUCTORS', ['semiconductors'], ['CN'], [], ''],
    ['sanctions evasion through Kazakhstan', ['sanctions-evasion'], ['KZ'], [], ''],
    ['omzeiling van sancties via Kazachstan', ['sanctions-evasion'], ['KZ'], [], ''],
    ['Kazachse doorvoer van dual-use goederen', ['dual-use-technology'], ['KZ'], [], 'doorvoer'],
    ['exportcontrole op lithografiemachines naar China', ['export-controls', 'lithography'], ['CN'], [], ''],
    [
      'Oekraïense graanexport over de Zwarte Zee',
      ['black-sea-security', 'grain-exports'],
      ['UA'],
      ['black-sea-region'],
      '',
    ],
    ['Ukrainian grain exports', ['grain-exports'], ['UA'], [], ''],
    ['critical raw materials from the Democratic Republic of the Congo', ['critical-raw-materials'], ['CD'], [], ''],
    ['kritieke grondstoffen uit Centraal Azië', ['critical-raw-materials'], [], ['central-asia'], ''],
    ['Central Asian transit routes', [], [], ['central-asia'], 'transit routes'],
    ['AI chips for the PLA', ['artificial-intelligence', 'pla', 'semiconductors'], [], [], ''],
    ['Chinabeleid van de EU', [], ['CN'], ['european-union'], 'beleid'],
    [
      'Welke Nederlandse universiteiten werken samen met Chinese defensie-instellingen?',
      ['defence'],
      ['CN'],
      [],
      'universiteiten werken samen instellingen',
    ],
  ])('%s', (text, themeIds, countryIdList, regionIdList, remaining) => {
    const result = read(text);
    expect(themes(result)).toEqual(themeIds);
    expect(countryIds(result)).toEqual(countryIdList);
    expect(regionIds(result)).toEqual(regionIdList);
    expect(result.remainingText).toBe(remaining);
  });

  it('gives a region with its countries, as resolveNames does', () => {
    const [place] = read('Centraal-Azië').places;
    expect(place!.region!.id).toBe('central-asia');
    expect(place!.countries.map((c) => c.id)).toEqual(expect.arrayContaining(['KZ', 'UZ', 'KG', 'TJ', 'TM']));
  });

  it('takes acronyms only in capitals, and no ISO codes for words', () => {
    expect(themes(read('AI in healthcare'))).toEqual(['artificial-intelligence']);
    expect(themes(read('what ai said'))).toEqual([]);
    expect(countryIds(read('Is it in the US or in Germany?'))).toEqual(['DE']);
    expect(regionIds(read('EU sanctions'))).toEqual(['european-union']);
  });

  it('never takes the Netherlands or Dutch as a subject', () => {
    const result = read('Dutch universities and Nederlandse bedrijven in Nederland');
    expect(result.places).toEqual([]);
    expect(result.remainingText).toBe('universities bedrijven');
  });

  it('says which words named what', () => {
    expect(read('Chinese port cranes').recognised).toEqual([
      { text: 'Chinese', kind: 'country', id: 'CN', name: 'China' },
    ]);
  });

  it('leaves pure free text as it is, without question words', () => {
    const result = read('Who knows about port cranes and their software?');
    expect(result).toMatchObject({
      themes: [],
      places: [],
      partners: [],
      riskCategories: [],
      remainingText: 'port cranes software',
    });
  });
});

describe('interpret: partners and risk categories', () => {
  it('recognises a foreign institution by name or acronym', () => {
    expect(read('Samenwerking met Harbin Institute of Technology aan radar').partners.map((p) => p.id)).toEqual([
      'harbin-institute-of-technology',
    ]);
    expect(read('a joint lab with SMIC').partners.map((p) => p.id)).toEqual(['smic']);
    expect(read('5G-netwerken van Huawei').partners.map((p) => p.id)).toEqual(['huawei']);
    expect(read('Rosatom in Centraal-Azië').partners.map((p) => p.id)).toEqual(['rosatom']);
  });

  it.each([
    [
      'Mogen wij lithografiekennis delen met een Chinese partneruniversiteit? Risico op ongewenste kennisoverdracht.',
      ['UNWANTED_TRANSFER'],
    ],
    ['Could our research be subject to foreign interference?', ['COVERT_INFLUENCE']],
    ['Is this partner involved in human rights abuses?', ['ETHICAL']],
    ['Vallen deze goederen onder de sancties tegen Rusland?', ['SANCTIONS']],
    ['sanctions evasion and covert influence', ['COVERT_INFLUENCE', 'SANCTIONS']],
    ['Taiwan Strait', []],
  ])('%s', (text, risks) => {
    expect(read(text).riskCategories).toEqual(risks);
  });
});
