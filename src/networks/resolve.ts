/**
 * The one way a network is named in the API: by slug ("ckn", "desk"), acronym ("LKV", "CKN", "REKA"), English or
 * Dutch name or an alias ("Rijksbreed loket kennisveiligheid"), or global id, in any case. Every argument and input
 * that names a network goes through here, so that a name one entry point accepts is accepted by all, and an unknown
 * one is refused everywhere with the list of the known ones (never silently matching nothing).
 */
import type { Queries } from '../db/database.js';
import { BadInputError, type InputProblems } from '../errors.js';
import { lookupOf } from '../names/service.js';
import { nameKeys } from '../text.js';
import { allNetworks, type NetworkRecord } from './repository.js';

/** What a network is known by. */
export type NetworkNames = Pick<NetworkRecord, 'id' | 'acronym' | 'name' | 'nameNl' | 'aliases'>;

/** The network that `text` names among `networks`, or null: by id first, then by any of its names. */
export function findNetwork<T extends NetworkNames>(text: string, networks: readonly T[]): T | null {
  const { id, key } = lookupOf(text.trim(), 'Network');
  if (key.length === 0) return null;
  return (
    networks.find((n) => n.id === id) ??
    networks.find((n) => nameKeys(n.id, n.acronym, n.name, n.nameNl, ...(n.aliases ?? [])).includes(key)) ??
    null
  );
}

/** The known networks, for a message: `LKV (knowledge-security-desk, "Knowledge Security Desk", …)`. */
export function knownNetworksText(networks: readonly NetworkNames[]): string {
  return networks
    .map((n) => {
      const names = [n.name, n.nameNl, ...(n.aliases ?? [])].map((name) => `"${name}"`);
      return `${n.acronym} (${[n.id, ...new Set(names)].join(', ')})`;
    })
    .join('; ');
}

/** The message for a name that names no network. */
export const unknownNetworkMessage = (text: string, networks: readonly NetworkNames[]) =>
  `no network or desk is called "${text}": name one by slug, acronym or name: ${knownNetworksText(networks)}`;

const known = new WeakMap<Queries, Promise<NetworkRecord[]>>();

/** The networks with their names, read once per request (a request's `Queries`): there are a handful. */
export function knownNetworks(queries: Queries): Promise<NetworkRecord[]> {
  let networks = known.get(queries);
  if (!networks) {
    networks = allNetworks(queries).then((rows) => rows.map((row) => row.network));
    // A failed read is not kept: the next caller asks again.
    networks.catch(() => known.delete(queries));
    known.set(queries, networks);
  }
  return networks;
}

/** The networks the texts name, at their indexes (null where one names none). */
export async function findNetworks(queries: Queries, texts: readonly string[]): Promise<Array<NetworkRecord | null>> {
  if (texts.length === 0) return [];
  const networks = await knownNetworks(queries);
  return texts.map((text) => findNetwork(text, networks));
}

/** The network an argument names; BAD_USER_INPUT naming the argument and listing the known ones otherwise. */
export async function resolveNetwork(queries: Queries, text: string, argument: string): Promise<NetworkRecord> {
  const networks = await knownNetworks(queries);
  const network = findNetwork(text, networks);
  if (!network) {
    throw new BadInputError(`${argument}: ${unknownNetworkMessage(text, networks)}`, {
      argument,
      suggestions: networks.map((n) => n.acronym),
    });
  }
  return network;
}

/** The id of the network an optional argument names, or null when it is not given. */
export async function resolveNetworkId(
  queries: Queries,
  text: string | null | undefined,
  argument: string,
): Promise<string | null> {
  return text === null || text === undefined ? null : (await resolveNetwork(queries, text, argument)).id;
}

/** The network an input field names, or null with a problem at `field` listing the known ones. */
export async function checkedNetwork(
  queries: Queries,
  problems: InputProblems,
  text: string,
  field: string,
): Promise<NetworkRecord | null> {
  const networks = await knownNetworks(queries);
  const network = findNetwork(text, networks);
  if (!network) problems.add(field, unknownNetworkMessage(text, networks));
  return network;
}
