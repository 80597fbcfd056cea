import { builder } from '../graphql/builder.js';
import { listConnection } from '../graphql/connections.js';
import { nameOrderedConnection } from '../graphql/paging.js';
import { pageArgs } from '../graphql/args.js';
import { countriesOfRegion, regionsOfCountry } from './loaders.js';
import {
  allRegions,
  countriesByIds,
  pageOfCountries,
  regionsByIds,
  type CountryRecord,
  type RegionRecord,
} from './repository.js';

export const CountryNode = builder.loadableNodeRef<CountryRecord>('Country', {
  id: { resolve: (country) => country.id },
  load: (ids: string[], ctx) => countriesByIds(ctx.queries, ids),
});
export const RegionNode = builder.loadableNodeRef<RegionRecord>('Region', {
  id: { resolve: (region) => region.id },
  load: (ids: string[], ctx) => regionsByIds(ctx.queries, ids),
});

CountryNode.implement({
  description: 'A country or territory of ISO 3166-1, with its English and Dutch names.',
  fields: (t) => ({
    code: t.exposeString('id', { description: 'ISO 3166-1 alpha-2 code, e.g. "CN".' }),
    alpha3: t.exposeString('alpha3', { description: 'ISO 3166-1 alpha-3 code, e.g. "CHN".' }),
    name: t.exposeString('name', { description: 'English short name.' }),
    nameNl: t.exposeString('nameNl', { description: 'Dutch short name.' }),
    regions: t.field({
      type: [RegionNode],
      description: 'Regions this country belongs to (a country may be in several).',
      resolve: (country, _args, ctx) => ctx.load(regionsOfCountry).load(country.id),
    }),
  }),
});

RegionNode.implement({
  description: 'A group of countries the networks think in, such as East Asia or the Baltics.',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable short identifier, also accepted as whoKnows(country:).' }),
    name: t.exposeString('name', { description: 'English name.' }),
    nameNl: t.exposeString('nameNl', { description: 'Dutch name.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names, English and Dutch.' }),
    countries: t.field({
      type: [CountryNode],
      description: 'The countries in this region, by name.',
      resolve: (region, _args, ctx) => ctx.load(countriesOfRegion).load(region.id),
    }),
  }),
});

export const CountryConnection = listConnection(CountryNode, 'Country', 'countries');

builder.queryFields((t) => ({
  countries: t.field({
    type: CountryConnection,
    description: 'All countries, by English name.',
    args: pageArgs(t),
    resolve: (_root, args, ctx) =>
      nameOrderedConnection(args, (size, after) => pageOfCountries(ctx.queries, size, after)),
  }),
  regions: t.field({
    type: [RegionNode],
    description: 'All regions, by English name (a short list).',
    resolve: (_root, _args, ctx) => allRegions(ctx.queries),
  }),
}));
