import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NETWORK_COUNTRIES, proposeTeam } from '../../../web/src/lib/network-proposal.js';

const REGIONS = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../seed/data/regions.json'), 'utf8'),
) as Array<{ id: string; countries: string[] }>;
const countriesOf = (...ids: string[]) => ids.flatMap((id) => REGIONS.find((region) => region.id === id)!.countries);

describe('the network proposed for an inquiry', () => {
  it('proposes REKA for each country of Central Asia, the South Caucasus and Eastern Europe (seed regions)', () => {
    const area = countriesOf('central-asia', 'south-caucasus', 'eastern-europe');
    expect([...NETWORK_COUNTRIES.reka].sort()).toEqual([...area].sort());
    for (const code of area) expect(proposeTeam([code])).toEqual({ team: 'reka', because: code });
  });

  it('proposes CKN for China, Hong Kong, Macao and Taiwan', () => {
    for (const code of ['CN', 'HK', 'MO', 'TW']) expect(proposeTeam([code])).toEqual({ team: 'ckn', because: code });
  });

  it('proposes CKN when China is named beside Russia or Central Asia, whatever the order', () => {
    expect(proposeTeam(['RU', 'CN'])).toEqual({ team: 'ckn', because: 'CN' });
    expect(proposeTeam(['KZ', 'UZ', 'CN'])).toEqual({ team: 'ckn', because: 'CN' });
  });

  it('takes codes in any case, and passes over countries of no network', () => {
    expect(proposeTeam(['nl', 'kz'])).toEqual({ team: 'reka', because: 'kz' });
  });

  it('proposes the desk for other countries and for none', () => {
    expect(proposeTeam(['US', 'DE'])).toEqual({ team: 'knowledge-security-desk', because: null });
    expect(proposeTeam([])).toEqual({ team: 'knowledge-security-desk', because: null });
  });
});
