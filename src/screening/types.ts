import { canScreenPartners } from '../auth/policy.js';
import { builder } from '../graphql/builder.js';
import { describedValues } from '../graphql/described-values.js';
import { STAFF } from '../graphql/scopes.js';
import { InstitutionNode } from '../institutions/types.js';
import { CountryNode } from '../places/types.js';
import { SCREENING_FORMATS } from './formats.js';
import { screeningMatches } from './loaders.js';
import { listVersions, type ListVersion, type ScreeningMatchRecord } from './repository.js';
import type { ImportReport } from './service.js';

export const ScreeningFormatEnum = builder.enumType('ScreeningFormat', {
  description: 'The published format of a screening list, one per list.',
  values: describedValues(SCREENING_FORMATS),
});

export const ScreeningMatchStatusEnum = builder.enumType('ScreeningMatchStatus', {
  description: 'What a person decided about a list entry found for an institution.',
  values: {
    PROPOSED: { description: 'Found by name; nobody has decided yet. Not a flag.' },
    CONFIRMED: { description: 'A person confirmed the entry is this institution: a flag.' },
    REJECTED: { description: 'A person decided the entry is another organisation; it is not proposed again.' },
  } as const,
});

export const ScreeningMatchRef = builder.objectRef<ScreeningMatchRecord>('ScreeningMatch').implement({
  description:
    'A list entry found for an institution: a flag once CONFIRMED, otherwise a candidate (never a certainty). Says ' +
    'which list, programme, since when, from which version of the list, and who decided.',
  fields: (t) => ({
    entryId: t.exposeString('entryId', { description: 'The list entry (to confirm or reject it).' }),
    status: t.field({
      type: ScreeningMatchStatusEnum,
      description: 'Proposed, confirmed or rejected.',
      resolve: (m) => m.status,
    }),
    score: t.exposeFloat('score', {
      description: 'How closely the names matched (full-text score; higher is closer).',
    }),
    name: t.exposeString('name', { description: 'The name the list gives.' }),
    aliases: t.exposeStringList('aliases', { description: 'The other names the list gives.' }),
    list: t.exposeString('listName', { description: 'The list, e.g. "EU financial sanctions".' }),
    listId: t.exposeString('listId', { description: 'The list’s id.' }),
    programme: t.exposeString('programme', {
      nullable: true,
      description: 'The programme or sub-list, e.g. "RUS" or "Entity List (EL)".',
    }),
    listedSince: t.exposeString('listedSince', { nullable: true, description: 'Listed since (YYYY-MM-DD), if said.' }),
    riskLevel: t.exposeString('riskLevel', { nullable: true, description: 'The tracker’s risk level, if any.' }),
    sourceUrl: t.exposeString('sourceUrl', { nullable: true, description: 'Where the source publishes the entry.' }),
    country: t.field({
      type: CountryNode,
      nullable: true,
      description: 'The country the list gives.',
      resolve: (m) => m.country,
    }),
    sourceVersion: t.exposeString('versionId', {
      description: 'The version of the list this rests on: the newest that lists it, or the one that delisted it.',
    }),
    sourceDate: t.exposeString('versionPublishedOn', { description: 'That version’s date (YYYY-MM-DD).' }),
    delistedOn: t.exposeString('delistedOn', {
      nullable: true,
      description: 'When a newer version no longer listed it (YYYY-MM-DD); null while listed.',
    }),
    decidedBy: t.exposeString('decidedBy', { nullable: true, description: 'Who confirmed or rejected it.' }),
    decidedAt: t.exposeString('decidedAt', { nullable: true, description: 'When.' }),
    note: t.exposeString('note', { nullable: true, description: 'Why, as noted.' }),
  }),
});

builder.objectFields(InstitutionNode, (t) => ({
  screening: t.field({
    type: [ScreeningMatchRef],
    authScopes: STAFF,
    description:
      'Its screening status: the confirmed flags (lists it is on, or was on and was delisted from), and for the ' +
      'desk, secretariats and administrators also the candidates to decide on and the rejected ones. Staff only.',
    resolve: async (i, _args, ctx) => {
      const matches = await ctx.load(screeningMatches).load(i.id);
      return canScreenPartners(ctx.viewer) ? matches : matches.filter((m) => m.status === 'CONFIRMED');
    },
  }),
  flagged: t.boolean({
    authScopes: STAFF,
    description: 'Whether a confirmed flag says a list (still) holds it. Staff only.',
    resolve: async (i, _args, ctx) =>
      (await ctx.load(screeningMatches).load(i.id)).some((m) => m.status === 'CONFIRMED' && m.delistedOn === null),
  }),
}));

export const ScreeningListVersionRef = builder.objectRef<ListVersion>('ScreeningListVersion').implement({
  description: 'One imported version of a screening list.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'The version’s id.' }),
    listId: t.exposeString('listId', { description: 'The list.' }),
    listName: t.exposeString('listName', { description: 'The list’s name.' }),
    publishedOn: t.exposeString('publishedOn', { description: 'The date the list was published (YYYY-MM-DD).' }),
    importedAt: t.exposeString('importedAt', { description: 'When it was imported.' }),
    importedBy: t.exposeString('importedBy', { description: 'Who imported it.' }),
    entryCount: t.exposeInt('entryCount', { description: 'The organisations it lists.' }),
    delistedCount: t.exposeInt('delistedCount', {
      description: 'Entries of the version before that it no longer lists.',
    }),
  }),
});

export const ImportReportRef = builder.objectRef<ImportReport>('ScreeningImportReport').implement({
  description: 'What an import of a screening list did.',
  fields: (t) => ({
    versionId: t.exposeString('versionId', { description: 'The new version.' }),
    list: t.exposeString('listName', { description: 'The list.' }),
    publishedOn: t.exposeString('publishedOn', { description: 'Its date.' }),
    entries: t.exposeInt('entries', { description: 'Organisations it lists.' }),
    delisted: t.exposeInt('delisted', { description: 'Entries of the previous version it no longer lists.' }),
    proposed: t.exposeInt('proposed', { description: 'New candidate matches to institutions, to confirm or reject.' }),
  }),
});

builder.queryField('screeningListVersions', (t) =>
  t.field({
    type: [ScreeningListVersionRef],
    authScopes: STAFF,
    description: 'The imported versions of the screening lists, newest first (at most 200). Staff only.',
    resolve: (_root, _args, ctx) => listVersions(ctx.queries),
  }),
);
