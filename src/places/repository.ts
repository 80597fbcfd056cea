import type { Queries } from '../db/database.js';
import { neighboursByIds, nodesByIds, pageByName } from '../db/nodes.js';

export interface CountryRecord {
  id: string; // ISO 3166-1 alpha-2
  alpha3: string;
  numeric: string;
  name: string;
  nameNl: string;
}

/**
 * A country's record as a map projection's fields (`c {${COUNTRY_FIELDS}}`): its fields only, not the name
 * keys the node also holds for look-ups. A page of 20 experts reads a hundred of these, so naming them is
 * cheaper for Neo4j and for the driver than `{.*}` (bench/README.md).
 */
export const COUNTRY_FIELDS = '.id, .alpha3, .numeric, .name, .nameNl';

export interface RegionRecord {
  id: string;
  name: string;
  nameNl: string;
  aliases: string[];
}

export const countriesByIds = (queries: Queries, ids: readonly string[]) =>
  nodesByIds<CountryRecord>(queries, 'Country', ids);
export const regionsByIds = (queries: Queries, ids: readonly string[]) =>
  nodesByIds<RegionRecord>(queries, 'Region', ids);
export const pageOfCountries = (queries: Queries, size: number, after: [string, string] | null) =>
  pageByName<CountryRecord>(queries, { label: 'Country' }, size, after);

export async function allRegions(queries: Queries): Promise<RegionRecord[]> {
  const rows = await queries.read<{ region: RegionRecord }>('MATCH (r:Region) RETURN r {.*} AS region ORDER BY r.name');
  return rows.map((row) => row.region);
}

/** Regions of each country, in the order of `countryIds`. */
export const regionsOfCountries = (queries: Queries, countryIds: readonly string[]) =>
  neighboursByIds<RegionRecord>(queries, countryIds, '(:Country {id: id})-[:IN_REGION]->(n:Region)', 'n.name');

/** Countries of each region, in the order of `regionIds`. */
export const countriesOfRegions = (queries: Queries, regionIds: readonly string[]) =>
  neighboursByIds<CountryRecord>(queries, regionIds, '(:Region {id: id})<-[:IN_REGION]-(n:Country)', 'n.name');
