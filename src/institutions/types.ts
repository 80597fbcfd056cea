import { lifecycleFields } from '../writes/retirable.js';
import { builder } from '../graphql/builder.js';
import { describedValues } from '../graphql/described-values.js';
import { listConnection } from '../graphql/connections.js';
import { pageArgs } from '../graphql/args.js';
import { loadBySlug, SLUG_DESCRIPTION } from '../graphql/lookups.js';
import { TEXT_LIMITS } from '../writes/checks.js';
import { CountryNode } from '../places/types.js';
import { INSTITUTION_KINDS, type InstitutionRecord } from './model.js';
import { institutionsByIds } from './repository.js';
import { institutionsPage, MAX_SEARCH_WORDS } from './search.js';

export const InstitutionNode = builder.loadableNodeRef<InstitutionRecord>('Institution', {
  id: { resolve: (institution) => institution.id },
  load: (ids: string[], ctx) => institutionsByIds(ctx.queries, ids),
});

export const InstitutionKindEnum = builder.enumType('InstitutionKind', {
  description: 'What sort of organisation an institution is.',
  values: describedValues(INSTITUTION_KINDS),
});

// Institution.secretariatOf and Institution.experts are attached by src/networks and src/experts.
InstitutionNode.implement({
  description: 'A think tank, university, ministry, agency or other organisation.',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable short identifier.' }),
    name: t.exposeString('name', { description: 'English name.' }),
    nameNl: t.exposeString('nameNl', { description: 'Dutch name.' }),
    acronym: t.exposeString('acronym', { nullable: true, description: 'Common abbreviation, e.g. "RVO".' }),
    originalName: t.exposeString('originalName', {
      nullable: true,
      description: 'The name in its original script, e.g. "哈尔滨工业大学".',
    }),
    transliterations: t.stringList({
      description: 'Transliterations of the original name.',
      resolve: (i) => i.transliterations ?? [],
    }),
    aliases: t.stringList({
      description: 'Other names it goes by: former names, other spellings.',
      resolve: (i) => i.aliases ?? [],
    }),
    kind: t.field({ type: InstitutionKindEnum, description: 'What sort of organisation.', resolve: (i) => i.kind }),
    city: t.exposeString('city', { nullable: true, description: 'Where it is based.' }),
    url: t.expose('url', { type: 'URL', nullable: true, description: 'Website.' }),
    ...lifecycleFields(t, 'institution'),
    country: t.field({
      type: CountryNode,
      nullable: true,
      description: 'The country it is based in.',
      resolve: (i) => i.countryId,
    }),
    parent: t.field({
      type: InstitutionNode,
      nullable: true,
      description: 'The organisation it is part of, e.g. the ministry an institute falls under.',
      resolve: (i) => i.parentId,
    }),
  }),
});

const InstitutionConnection = listConnection(InstitutionNode, 'Institution', 'institutions');

builder.queryField('institutions', (t) =>
  t.field({
    type: InstitutionConnection,
    description:
      'All current institutions, by English name; with `search`, those whose name (English or Dutch), acronym, slug ' +
      'or aliases hold every word of it, e.g. for the asking-institution and partner fields of a form.',
    args: {
      search: t.arg.string({
        required: false,
        description:
          `Words (or their beginnings) to find in the names, any case, e.g. "delft" or "tu del"; at most ` +
          `${MAX_SEARCH_WORDS} words and ${TEXT_LIMITS.line} characters.`,
      }),
      ...pageArgs(t),
    },
    resolve: (_root, args, ctx) => institutionsPage(ctx.queries, args),
  }),
);

builder.queryField('institution', (t) =>
  t.field({
    type: InstitutionNode,
    nullable: true,
    description: 'The institution with this slug (e.g. "tu-delft"), retired or not; null when none has it.',
    args: { slug: t.arg.string({ required: true, description: SLUG_DESCRIPTION }) },
    resolve: (_root, args, ctx) => loadBySlug(InstitutionNode.getDataloader(ctx), args.slug),
  }),
);
