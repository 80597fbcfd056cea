import { readFileSync } from 'node:fs';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import {
  findNetwork,
  knownNetworksText,
  unknownNetworkMessage,
  type NetworkNames,
} from '../../../src/networks/resolve.js';

/** The seed's networks, as the graph holds them. */
const NETWORKS = JSON.parse(
  readFileSync(new URL('../../../seed/data/networks.json', import.meta.url), 'utf8'),
) as NetworkNames[];

const idOf = (text: string) => findNetwork(text, NETWORKS)?.id ?? null;

describe('findNetwork', () => {
  it.each([
    ['ckn', 'ckn'],
    ['CKN', 'ckn'],
    ['China Knowledge Network', 'ckn'],
    ['china kennisnetwerk', 'ckn'],
    ['Chinakennisnetwerk', 'ckn'],
    ['reka', 'reka'],
    ['REKA', 'reka'],
    ['Russia & Eastern Europe Knowledge Alliance', 'reka'],
    ['Russia and Eastern Europe Knowledge Alliance', 'reka'],
    ['Rusland & Oost-Europa Kennis Alliantie', 'reka'],
    ['desk', 'knowledge-security-desk'],
    ['knowledge-security-desk', 'knowledge-security-desk'],
    ['LKV', 'knowledge-security-desk'],
    ['lkv', 'knowledge-security-desk'],
    ['  LKV ', 'knowledge-security-desk'],
    ['Loket Kennisveiligheid', 'knowledge-security-desk'],
    ['Rijksbreed loket kennisveiligheid', 'knowledge-security-desk'],
    ['RIJKSBREED LOKET KENNISVEILIGHEID', 'knowledge-security-desk'],
    ['Knowledge Security Desk', 'knowledge-security-desk'],
    [encodeGlobalID('Network', 'reka'), 'reka'],
  ])('%s names %s', (text, id) => {
    expect(idOf(text)).toBe(id);
  });

  it.each(['XYZ', '', '   ', 'China', 'Loket', 'ckn reka', encodeGlobalID('Theme', 'ckn')])(
    '"%s" names no network',
    (text) => {
      expect(idOf(text)).toBeNull();
    },
  );

  it('prefers an id over a name another network has', () => {
    const networks = [
      { id: 'a', acronym: 'B', name: 'Alpha', nameNl: 'Alfa' },
      { id: 'b', acronym: 'BB', name: 'Beta', nameNl: 'Bèta' },
    ];
    expect(findNetwork('b', networks)?.id).toBe('b');
    expect(findNetwork('BETA', networks)?.id).toBe('b');
  });
});

describe('the message for an unknown network', () => {
  it('quotes what was given and lists every network by slug, acronym and names', () => {
    const message = unknownNetworkMessage('XYZ', NETWORKS);
    expect(message).toContain('"XYZ"');
    for (const n of NETWORKS) {
      expect(message).toContain(n.id);
      expect(message).toContain(n.acronym);
      expect(message).toContain(`"${n.nameNl}"`);
    }
    expect(knownNetworksText(NETWORKS)).toContain('"Rijksbreed loket kennisveiligheid"');
  });
});
