import { present } from '../errors.js';
import { builder } from '../graphql/builder.js';
import type { Types } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { languageArgs, reasonLanguage } from '../graphql/language.js';
import { costOfWork, limitExceeded, WORK_WEIGHTS } from '../graphql/limits.js';
import { pageArgDescriptions } from '../graphql/paging.js';
import { STAFF } from '../graphql/scopes.js';
import { ProvenanceEnum } from '../experts/types.js';
import { statisticsPeriod } from '../inquiries/statistics.js';
import { InquiryConnection } from '../inquiries/queries.js';
import { listInquiries } from '../inquiries/search.js';
import { NetworkNode } from '../networks/types.js';
import { CountryNode, RegionNode } from '../places/types.js';
import { countriesOfRegion } from '../places/loaders.js';
import { narrowerThemes } from '../themes/loaders.js';
import { ThemeNode } from '../themes/types.js';
import { ExpertMatchConnection } from '../whoknows/types.js';
import { whoKnows } from '../whoknows/service.js';
import {
  coverage,
  MAX_COVERAGE_COLUMNS,
  MAX_COVERAGE_ROWS,
  type Coverage,
  type CoverageCell,
  type CoverageRow,
} from './coverage.js';
import type { ColumnAxis } from './coverage-repository.js';

/** Cells whose experts or inquiries one request may list: each is a ranking or a search of its own. */
export const MAX_CELL_DETAILS = 10;
const cellDetails = new WeakMap<Context, number>();

function countCellDetail(ctx: Context): void {
  const used = (cellDetails.get(ctx) ?? 0) + 1;
  cellDetails.set(ctx, used);
  if (used > MAX_CELL_DETAILS) {
    throw limitExceeded(
      'coverageCellDetails',
      MAX_CELL_DETAILS,
      used,
      `This request lists the experts or inquiries of more than ${MAX_CELL_DETAILS} coverage cells: ask for ` +
        'them per cell (coverage(themes: [row], countries: [column])), or select only the counts.',
    );
  }
}

const ColumnKind = builder.enumType('CoverageColumnKind', {
  description: 'Whether a coverage column is one country or a region (its countries together).',
  values: {
    COUNTRY: { description: 'One country.' },
    REGION: { description: 'A region: an expert or inquiry counts once if it concerns any of its countries.' },
  } as const,
});

const LevelCount = builder.objectRef<{ level: number; count: number }>('ExpertLevelCount').implement({
  description: 'How many experts have a level (1–5) as their best in a theme or its narrower themes.',
  fields: (t) => ({
    level: t.exposeInt('level', { description: 'The level, 1 (some) to 5 (leading).' }),
    count: t.exposeInt('count', { description: 'How many experts.' }),
  }),
});

const ProvenanceCount = builder.objectRef<{ provenance: string; count: number }>('ExpertProvenanceCount').implement({
  description: 'How many experts’ best expertise in a theme has a provenance.',
  fields: (t) => ({
    provenance: t.field({
      type: ProvenanceEnum,
      description: 'Where the level comes from (none recorded counts as DECLARED).',
      resolve: (c) => c.provenance as 'DECLARED',
    }),
    count: t.exposeInt('count', { description: 'How many experts.' }),
  }),
});

const Column = builder.objectRef<ColumnAxis>('CoverageColumn').implement({
  description:
    'A column of the coverage matrix: a country, or a region (expand it by asking again with its countries).',
  fields: (t) => ({
    id: t.exposeString('id', {
      description: 'The country’s ISO code or the region’s id: pass it in coverage(countries:) or whoKnows(country:).',
    }),
    kind: t.field({ type: ColumnKind, description: 'Country or region.', resolve: (c) => c.kind }),
    country: t.field({
      type: CountryNode,
      nullable: true,
      description: 'The country, for a country column.',
      resolve: (c) => (c.kind === 'COUNTRY' ? c.id : null),
    }),
    region: t.field({
      type: RegionNode,
      nullable: true,
      description: 'The region, for a region column.',
      resolve: (c) => (c.kind === 'REGION' ? c.id : null),
    }),
    countries: t.field({
      type: [CountryNode],
      description: 'The countries the column counts: the region’s, by name, or the one country.',
      resolve: (c, _args, ctx) => (c.kind === 'REGION' ? ctx.load(countriesOfRegion).load(c.id) : [c.id]),
    }),
  }),
});

const Cell = builder.objectRef<CoverageCell>('CoverageCell').implement({
  description:
    'One theme × country (or region) cell: the experts who cover it and the inquiries about it. Experts: ' +
    'distinct current experts with expertise in the theme or a narrower one who focus on a country of the ' +
    'column or wrote a current contribution concerning one (members of the network, if one was given). Demand: ' +
    'inquiries received in the period about the theme or a narrower one concerning a country of the column ' +
    '(routed to the network, if given).',
  fields: (t) => ({
    theme: t.field({ type: ThemeNode, description: 'The row’s theme.', resolve: (c) => c.themeId }),
    column: t.field({ type: Column, description: 'The column: a country or a region.', resolve: (c) => c.column }),
    expertCount: t.exposeInt('expertCount', { description: 'Experts who cover the cell, each counted once.' }),
    expertsByLevel: t.field({
      type: [LevelCount],
      description:
        'The same experts by their best level in the theme or a narrower one, levels 5 to 1 (only those with experts).',
      resolve: (c) => c.expertsByLevel,
    }),
    expertsByProvenance: t.field({
      type: [ProvenanceCount],
      description: 'The same experts by the provenance of that best level (only those with experts).',
      resolve: (c) => c.expertsByProvenance,
    }),
    demand: t.exposeInt('demand', {
      description: 'Inquiries about the cell received in the period, each counted once.',
    }),
    gap: t.exposeBoolean('gap', {
      description: 'Asked about (demand > 0) but covered by fewer than minExperts experts.',
    }),
    experts: t.field({
      type: ExpertMatchConnection,
      description:
        'Who covers the cell, best first: whoKnows(about: theme, country: column), whose ranking and reasons they ' +
        `are. At most ${MAX_CELL_DETAILS} cells per request may list experts or inquiries (coverageCell asks for ` +
        'one).',
      args: {
        first: t.arg.int({ required: false, defaultValue: 10, description: pageArgDescriptions.first }),
        ...languageArgs(t),
      },
      resolve: (c, args, ctx) => {
        countCellDetail(ctx);
        const language = reasonLanguage(args.language, ctx);
        return whoKnows(ctx.queries, { about: c.themeId, country: c.column.id, first: args.first, language });
      },
    }),
    inquiries: t.field({
      type: InquiryConnection,
      description:
        'What was asked: inquiries about the theme (or narrower) concerning the column received in the period, ' +
        'first come first served, only those the viewer may see (as the inquiries query: not for viewers). At ' +
        `most ${MAX_CELL_DETAILS} cells per request may list experts or inquiries.`,
      authScopes: STAFF,
      args: {
        first: t.arg.int({ required: false, defaultValue: 10, description: pageArgDescriptions.first }),
        after: t.arg.string({ required: false, description: pageArgDescriptions.after }),
      },
      resolve: (c, args, ctx) => {
        countCellDetail(ctx);
        return listInquiries(
          ctx.queries,
          ctx.viewer,
          { theme: c.themeId, country: c.column.id, network: c.networkId, receivedFrom: c.from, receivedBefore: c.to },
          args,
        );
      },
    }),
  }),
});

const Row = builder.objectRef<CoverageRow>('CoverageRow').implement({
  description:
    'A row of the coverage matrix: a theme with its narrower themes counted in (expand it by asking again with ' +
    'its narrower themes).',
  fields: (t) => ({
    theme: t.field({ type: ThemeNode, description: 'The theme.', resolve: (r) => r.themeId }),
    hasNarrower: t.boolean({
      description: 'Whether the theme has current narrower themes to expand into.',
      resolve: async (r, _args, ctx) => (await ctx.load(narrowerThemes).load(r.themeId)).length > 0,
    }),
    narrower: t.field({
      type: [ThemeNode],
      description: 'The current narrower themes: pass their slugs as coverage(themes:) to expand the row.',
      resolve: (r, _args, ctx) => ctx.load(narrowerThemes).load(r.themeId),
    }),
    cells: t.field({
      type: [Cell],
      description: 'One cell per column, in the columns’ order.',
      resolve: (r) => r.cells,
    }),
  }),
});

const CoverageRef = builder.objectRef<Coverage>('Coverage').implement({
  description: 'Coverage of themes × countries: who covers each cell, what was asked, and where the gaps are.',
  fields: (t) => ({
    from: t.expose('from', { type: 'DateTime', description: 'Start of the period demand is counted in (inclusive).' }),
    to: t.expose('to', { type: 'DateTime', description: 'End of that period (exclusive).' }),
    minExperts: t.exposeInt('minExperts', {
      description: 'Fewer experts than this in an asked-about cell make it a gap.',
    }),
    network: t.field({
      type: NetworkNode,
      nullable: true,
      description: 'The network counted, if one was given.',
      resolve: (c) => c.networkId,
    }),
    columns: t.field({
      type: [Column],
      description: `The columns, in the order asked (default: the regions by name, at most ${MAX_COVERAGE_COLUMNS}).`,
      resolve: (c) => c.columns,
    }),
    rows: t.field({
      type: [Row],
      description:
        `The rows, in the order asked (default: the top-level themes, at most ${MAX_COVERAGE_ROWS}: most current ` +
        'experts plus inquiries in the period first, then by name).',
      resolve: (c) => c.rows,
    }),
    gaps: t.field({
      type: [Cell],
      description: 'The gap cells, most asked first (then fewest experts, then in row and column order).',
      resolve: (c) => c.gaps,
    }),
  }),
});

const periodArgs = (t: PothosSchemaTypes.QueryFieldBuilder<Types, object>) => ({
  network: t.arg.string({
    required: false,
    description:
      'Only that network’s members and the inquiries routed to it (slug, acronym or name, e.g. "ckn", "LKV").',
  }),
  minExperts: t.arg.int({
    required: false,
    defaultValue: 2,
    description: 'An asked-about cell with fewer experts than this is a gap (1–1000).',
  }),
  from: t.arg({
    type: 'DateTime',
    required: false,
    description: 'Demand counted from (inclusive); default 365 days before `to`.',
  }),
  to: t.arg({ type: 'DateTime', required: false, description: 'Demand counted until (exclusive); default now.' }),
});

builder.queryField('coverageCell', (t) =>
  t.field({
    complexity: costOfWork(WORK_WEIGHTS.aggregate),
    type: Cell,
    description:
      'One cell of coverage, for the click-through from a heatmap: the same counts as in coverage, and who ' +
      'covers it (experts) and what was asked (inquiries) without the cost of a whole matrix.',
    args: {
      theme: t.arg.string({ required: true, description: 'The row: a theme id, name or alias.' }),
      country: t.arg.string({ required: true, description: 'The column: a country (ISO code or name) or a region.' }),
      ...periodArgs(t),
    },
    resolve: async (_root, args, ctx) => {
      const { rows } = await coverage(ctx.queries, {
        ...args,
        themes: [args.theme],
        countries: [args.country],
        ...statisticsPeriod(args),
      });
      // One theme and one column: one row of one cell.
      return present(rows[0]?.cells[0], 'the coverage cell asked for');
    },
  }),
);

builder.queryField('coverage', (t) =>
  t.field({
    complexity: costOfWork(WORK_WEIGHTS.matrix),
    type: CoverageRef,
    description:
      'Coverage of themes × countries for dashboards: for each cell the experts who cover it (by level and ' +
      'provenance, narrower themes included), the demand (inquiries in the period) and whether it is a gap. ' +
      `Counts are open to every role. At most ${MAX_COVERAGE_ROWS} rows × ${MAX_COVERAGE_COLUMNS} columns.`,
    args: {
      themes: t.arg.stringList({
        required: false,
        description:
          `The rows: theme ids, names or aliases (English or Dutch); default the ${MAX_COVERAGE_ROWS} busiest ` +
          'top-level themes (most current experts plus inquiries in the period, narrower themes included; then by ' +
          `name). At most ${MAX_COVERAGE_ROWS}.`,
      }),
      countries: t.arg.stringList({
        required: false,
        description:
          'The columns: countries (ISO codes or names) or regions, each its own column; default every region by ' +
          `name (at most the first ${MAX_COVERAGE_COLUMNS}). At most ${MAX_COVERAGE_COLUMNS}.`,
      }),
      ...periodArgs(t),
    },
    resolve: (_root, args, ctx) => coverage(ctx.queries, { ...args, ...statisticsPeriod(args) }),
  }),
);
