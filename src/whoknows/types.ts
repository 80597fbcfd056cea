import { builder } from '../graphql/builder.js';
import { pageArgDescriptions } from '../graphql/paging.js';
import { ExpertNode } from '../experts/types.js';
import { CountryNode, RegionNode } from '../places/types.js';
import { ThemeNode } from '../themes/types.js';
import type { Reason } from './scoring.js';
import { whoKnows, type ExpertMatch, type WhoKnowsResult } from './service.js';

const ReasonKind = builder.enumType('MatchReasonKind', {
  description: 'What a reason is about.',
  values: {
    THEME: { description: 'Declared expertise in the theme or a narrower one.' },
    COUNTRY_FOCUS: { description: 'Focus on the country or region asked about.' },
    COUNTRY_EVIDENCE: { description: 'Contributions and answered inquiries concerning the country or region asked about.' },
    EVIDENCE: { description: 'Contributions that show the knowledge.' },
    INQUIRIES: { description: 'Earlier inquiries on the subject that the expert answered.' },
    TEXT: { description: 'Full-text match of the profile.' },
  } as const,
});

const MatchReason = builder.objectRef<Reason>('MatchReason').implement({
  description: 'One part of why an expert matched, in plain words, with the points it added to the score.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The reason in plain words.' }),
    kind: t.field({ type: ReasonKind, description: 'What the reason is about.', resolve: (r) => r.kind }),
    points: t.exposeFloat('points', { description: 'Points this reason added to the score.' }),
  }),
});

const MatchedBy = builder.enumType('MatchedBy', {
  description: 'How whoKnows understood `about`.',
  values: {
    THEME: { description: '`about` named a theme; narrower themes were included.' },
    FULL_TEXT: { description: '`about` named no theme; profiles and contributions were searched as text.' },
  } as const,
});

// Pothos types connection and edge parents by their standard fields only; these carry more.
const result = (connection: unknown) => connection as WhoKnowsResult;
const match = (edge: unknown) => edge as ExpertMatch;

export const ExpertMatchConnection = builder.connectionObject(
  {
    type: ExpertNode,
    name: 'ExpertMatchConnection',
    description: 'Experts matching a whoKnows question, best first.',
    fields: (t) => ({
      matchedBy: t.field({
        type: MatchedBy,
        description: 'Whether `about` was read as a theme or searched as text.',
        resolve: (c) => result(c).matchedBy,
      }),
      theme: t.field({
        type: ThemeNode,
        nullable: true,
        description: 'The theme `about` was read as, if any.',
        resolve: (c) => result(c).themeId,
      }),
      countries: t.field({
        type: [CountryNode],
        description: 'The countries `country` was read as (a region expands to its countries); empty when not given.',
        resolve: (c) => result(c).countryIds,
      }),
      region: t.field({
        type: RegionNode,
        nullable: true,
        description: 'The region `country` was read as, if it named one.',
        resolve: (c) => result(c).regionId,
      }),
    }),
  },
  {
    name: 'ExpertMatchEdge',
    description: 'An expert who matched, with a score and the reasons for it.',
    fields: (t) => ({
      score: t.float({
        description: 'Higher is a better match; the reasons add up to it.',
        resolve: (edge) => match(edge).score,
      }),
      reasons: t.field({
        type: [MatchReason],
        description: 'Why the expert matched and scored as they did.',
        resolve: (edge) => match(edge).reasons,
      }),
    }),
  },
);

builder.queryField('whoKnows', (t) =>
  t.field({
    type: ExpertMatchConnection,
    description:
      'Who knows about a subject, optionally in a country or region? Experts ranked by declared expertise (exact theme above narrower), focus on the country, and evidence from their contributions; each edge says why.',
    args: {
      about: t.arg.string({
        required: true,
        description:
          'A theme id, name or alias in English or Dutch (any case, accents optional), e.g. "semiconductors" or "halfgeleiders"; narrower themes count. Other text is searched in profiles and contributions.',
      }),
      country: t.arg.string({
        required: false,
        description: 'An ISO 3166-1 alpha-2 or alpha-3 code, an English or Dutch country name, or a region (e.g. "Central Asia"). Matches experts who focus on it.',
      }),
      first: t.arg.int({ required: false, description: pageArgDescriptions.first }),
      after: t.arg.string({ required: false, description: pageArgDescriptions.after }),
    },
    resolve: (_root, args, ctx) => whoKnows(ctx.queries, args),
  }),
);
