import { defineLoader, defineLoaderFamily } from '../graphql/loaders.js';
import {
  expertsPerCountry,
  expertsPerRegion,
  expertsPerTheme,
  inquiriesPerCountry,
  inquiriesPerRegion,
  inquiriesPerTheme,
} from './counts-repository.js';

/** Experts per theme id, with or without narrower themes (the family's parameter). */
export const themeExpertCounts = defineLoaderFamily<boolean, string, number>((queries, ids, includeNarrower) =>
  expertsPerTheme(queries, ids, includeNarrower),
);
/** Inquiries per theme id, with or without narrower themes. */
export const themeInquiryCounts = defineLoaderFamily<boolean, string, number>((queries, ids, includeNarrower) =>
  inquiriesPerTheme(queries, ids, includeNarrower),
);
/** Experts per country code. */
export const countryExpertCounts = defineLoader<string, number>(expertsPerCountry);
/** Inquiries per country code. */
export const countryInquiryCounts = defineLoader<string, number>(inquiriesPerCountry);
/** Experts per region id. */
export const regionExpertCounts = defineLoader<string, number>(expertsPerRegion);
/** Inquiries per region id. */
export const regionInquiryCounts = defineLoader<string, number>(inquiriesPerRegion);
