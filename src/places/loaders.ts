import { defineLoader } from '../graphql/loaders.js';
import { countriesOfRegions, regionsOfCountries, type CountryRecord, type RegionRecord } from './repository.js';

/** The regions each country belongs to, by country id. */
export const regionsOfCountry = defineLoader<string, RegionRecord[]>(regionsOfCountries);

/** The countries in each region, by region id. */
export const countriesOfRegion = defineLoader<string, CountryRecord[]>(countriesOfRegions);
