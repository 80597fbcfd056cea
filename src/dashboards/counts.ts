import { builder } from '../graphql/builder.js';
import { CountryNode, RegionNode } from '../places/types.js';
import { ThemeNode } from '../themes/types.js';
import {
  countryExpertCounts,
  countryInquiryCounts,
  regionExpertCounts,
  regionInquiryCounts,
  themeExpertCounts,
  themeInquiryCounts,
} from './loaders.js';

// Declared here, not in src/themes or src/places: they count experts and inquiries, areas after those.
builder.objectFields(ThemeNode, (t) => ({
  expertCount: t.int({
    description: 'Current experts with expertise in the theme (and, by default, a narrower one), each counted once.',
    args: {
      includeNarrower: t.arg.boolean({
        required: false,
        defaultValue: true,
        description: 'Count narrower themes too.',
      }),
    },
    resolve: (theme, args, ctx) => ctx.load(themeExpertCounts, args.includeNarrower ?? true).load(theme.id),
  }),
  inquiryCount: t.int({
    description:
      'Inquiries about the theme (and, by default, a narrower one), each counted once: a count, open to every role.',
    args: {
      includeNarrower: t.arg.boolean({
        required: false,
        defaultValue: true,
        description: 'Count narrower themes too.',
      }),
    },
    resolve: (theme, args, ctx) => ctx.load(themeInquiryCounts, args.includeNarrower ?? true).load(theme.id),
  }),
}));

builder.objectFields(CountryNode, (t) => ({
  expertCount: t.int({
    description: 'Current experts who focus on the country.',
    resolve: (country, _args, ctx) => ctx.load(countryExpertCounts).load(country.id),
  }),
  inquiryCount: t.int({
    description: 'Inquiries concerning the country: a count, open to every role.',
    resolve: (country, _args, ctx) => ctx.load(countryInquiryCounts).load(country.id),
  }),
}));

builder.objectFields(RegionNode, (t) => ({
  expertCount: t.int({
    description: 'Current experts who focus on a country of the region, each counted once.',
    resolve: (region, _args, ctx) => ctx.load(regionExpertCounts).load(region.id),
  }),
  inquiryCount: t.int({
    description: 'Inquiries concerning a country of the region, each counted once.',
    resolve: (region, _args, ctx) => ctx.load(regionInquiryCounts).load(region.id),
  }),
}));
