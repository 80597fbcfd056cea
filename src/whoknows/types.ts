import { isStaff } from '../auth/policy.js';
import { builder } from '../graphql/builder.js';
import { languageArgs, reasonLanguage } from '../graphql/language.js';
import { costOfWork, WORK_WEIGHTS } from '../graphql/limits.js';
import { pageArgDescriptions } from '../graphql/paging.js';
import { ContributionNode } from '../contributions/types.js';
import { ExpertNode, ProvenanceEnum } from '../experts/types.js';
import { CountryNode, RegionNode } from '../places/types.js';
import { ThemeNode } from '../themes/types.js';
import { InstitutionNode } from '../institutions/types.js';
import type { Reason } from './scoring.js';
import { EXPERT_AFFILIATION_FLAGS } from './flags-repository.js';
import { flagReason, whoKnows, type ExpertMatch, type WhoKnowsResult } from './service.js';
import { loadExpertRelation } from '../experts/loaders.js';

const ReasonKind = builder.enumType('MatchReasonKind', {
  description: 'What a reason is about.',
  values: {
    THEME: { description: 'Declared expertise in the theme or a narrower one.' },
    COUNTRY_FOCUS: { description: 'Focus on the country or region asked about.' },
    COUNTRY_EVIDENCE: {
      description: 'Contributions and answered inquiries concerning the country or region asked about.',
    },
    EVIDENCE: { description: 'Contributions that show the knowledge.' },
    INQUIRIES: { description: 'Earlier inquiries on the subject that the expert answered.' },
    TEXT: { description: 'Full-text match of the profile.' },
    SCREENING: {
      description:
        'The expert works at an institution with a confirmed screening flag (a list still holds it); no points. ' +
        'Staff only: others do not get it.',
    },
  } as const,
});

export const MatchReason = builder.objectRef<Reason>('MatchReason').implement({
  description: 'One part of why an expert matched, in plain words, with the points it added to the score.',
  fields: (t) => ({
    text: t.exposeString('text', {
      description: 'The reason in plain words, in the language asked for (see whoKnows(language:)); no points.',
    }),
    kind: t.field({ type: ReasonKind, description: 'What the reason is about.', resolve: (r) => r.kind }),
    points: t.exposeFloat('points', {
      description: 'Points this reason added to the score (negative where a part was damped).',
    }),
    theme: t.field({
      type: ThemeNode,
      nullable: true,
      description: 'The theme the reason rests on: the one a level was stated in, or the theme asked about.',
      resolve: (r) => r.themeId,
    }),
    country: t.field({
      type: CountryNode,
      nullable: true,
      description: 'The country a focus was stated on.',
      resolve: (r) => r.countryId,
    }),
    contributions: t.field({
      type: [ContributionNode],
      description:
        'The contributions the reason rests on (the most recent or best matching, up to 10; the text gives the count).',
      resolve: (r) => r.contributionIds,
    }),
    provenance: t.field({
      type: ProvenanceEnum,
      nullable: true,
      description: 'For a level (theme or country focus): where it comes from.',
      resolve: (r) => r.provenance,
    }),
    verifiedBy: t.string({
      nullable: true,
      description: 'For a VERIFIED level: who verified it, as recorded.',
      resolve: (r) => r.verifiedBy,
    }),
    verifiedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'For a VERIFIED level: when it was verified.',
      // Stored as a date-time by curation; a bare date loaded from elsewhere is read as that day's start (UTC).
      resolve: (r) => {
        const at = r.verifiedAt === null ? null : new Date(r.verifiedAt);
        return at === null || Number.isNaN(at.getTime()) ? null : at;
      },
    }),
  }),
});

const MatchedBy = builder.enumType('MatchedBy', {
  description: 'How whoKnows understood `about`.',
  values: {
    THEME: { description: '`about` named a theme (or themes); narrower themes were included.' },
    THEME_AND_TEXT: {
      description:
        '`about` named themes among other words: ranked as for the themes, the other words adding text evidence.',
    },
    FULL_TEXT: {
      description:
        '`about` named no theme: profiles, contributions and answered inquiries were searched as text, and each ' +
        'expert found weighed by their standing in the theme those texts are about.',
    },
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
        description: 'The theme `about` was read as, if any (the first, when it named several: see `themes`).',
        resolve: (c) => result(c).themeIds[0] ?? null,
      }),
      themes: t.field({
        type: [ThemeNode],
        description: 'Every theme recognised in `about` and ranked on; empty for a FULL_TEXT question.',
        resolve: (c) => result(c).themeIds,
      }),
      searchedText: t.string({
        nullable: true,
        description:
          'The words searched as text: all of `about` (FULL_TEXT), or those beside the recognised themes and ' +
          'places (THEME_AND_TEXT).',
        resolve: (c) => result(c).searchedText,
      }),
      countries: t.field({
        type: [CountryNode],
        description:
          'The countries asked about (a region expands to its countries): from `country`, or else recognised in ' +
          '`about`; empty when none.',
        resolve: (c) => result(c).countryIds,
      }),
      region: t.field({
        type: RegionNode,
        nullable: true,
        description: 'The region asked about, if `country` (or else `about`) named one.',
        resolve: (c) => result(c).regionId,
      }),
      partners: t.field({
        type: [InstitutionNode],
        description:
          'Foreign institutions named in `about` (possible partners of a knowledge-security question): ask for their ' +
          '`partnerFile` and `screening` to see what is known about them beside the experts. Empty when none.',
        resolve: (c) => result(c).partnerIds ?? [],
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
        resolve: async (edge, _args, ctx) => {
          const { reasons, flagsIn, node } = match(edge);
          if (flagsIn === undefined) return reasons;
          const flags = await loadExpertRelation(ctx, node.id, EXPERT_AFFILIATION_FLAGS);
          return [...reasons, ...flags.map((flag) => flagReason(flag, flagsIn))];
        },
      }),
    }),
  },
);

builder.queryField('whoKnows', (t) =>
  t.field({
    complexity: costOfWork(WORK_WEIGHTS.ranking),
    type: ExpertMatchConnection,
    description:
      'Who knows about a subject, optionally in a country or region? Experts ranked by their level in the theme ' +
      '(exact above narrower) weighed by its provenance (verified, evidenced or declared), their focus on the ' +
      'country, and evidence: contributions and answered inquiries on the theme and concerning the country. ' +
      'Free text that names themes or countries is read as them; each edge says why, with the ids of what its ' +
      'reasons rest on.',
    args: {
      about: t.arg.string({
        required: true,
        description:
          'A theme id, name or alias in English or Dutch (any case, accents optional), e.g. "semiconductors" or ' +
          '"halfgeleiders"; narrower themes count. Free text is read for the themes and countries it names ' +
          '("kennisveiligheid Rusland"); the other words are searched in profiles, contributions and answered ' +
          'inquiries.',
      }),
      country: t.arg.string({
        required: false,
        description:
          'An ISO 3166-1 alpha-2 or alpha-3 code, an English or Dutch country name, or a region (e.g. "Central ' +
          'Asia"); wins over a country named in `about`. Matches experts who focus on it or whose contributions ' +
          'or answered inquiries concern it.',
      }),
      first: t.arg.int({ required: false, description: pageArgDescriptions.first }),
      after: t.arg.string({ required: false, description: pageArgDescriptions.after }),
      ...languageArgs(t),
    },
    resolve: (_root, args, ctx) =>
      whoKnows(ctx.queries, {
        ...args,
        language: reasonLanguage(args.language, ctx),
        screeningFlags: isStaff(ctx.viewer),
      }),
  }),
);
