import { lifecycleFields } from '../writes/retirable.js';
import { builder } from '../graphql/builder.js';
import { listConnection } from '../graphql/connections.js';
import { pageArgs } from '../graphql/args.js';
import { nameOrderedConnection } from '../graphql/paging.js';
import { CountryNode } from '../places/types.js';
import { INSTITUTION_KINDS, type InstitutionKind, type InstitutionRecord } from './model.js';
import { institutionsByIds, pageOfInstitutions } from './repository.js';

export const InstitutionNode = builder.loadableNodeRef<InstitutionRecord>('Institution', {
  id: { resolve: (institution) => institution.id },
  load: (ids: string[], ctx) => institutionsByIds(ctx.queries, ids),
});

export const InstitutionKindEnum = builder.enumType('InstitutionKind', {
  description: 'What sort of organisation an institution is.',
  values: Object.fromEntries(
    Object.entries(INSTITUTION_KINDS).map(([kind, description]) => [kind, { description }]),
  ) as Record<InstitutionKind, { description: string }>,
});

// Institution.secretariatOf and Institution.experts are attached by src/networks and src/experts.
InstitutionNode.implement({
  description: 'A think tank, university, ministry, agency or other organisation.',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable short identifier.' }),
    name: t.exposeString('name', { description: 'English name.' }),
    nameNl: t.exposeString('nameNl', { description: 'Dutch name.' }),
    acronym: t.exposeString('acronym', { nullable: true, description: 'Common abbreviation, e.g. "RVO".' }),
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
  }),
});

const InstitutionConnection = listConnection(InstitutionNode, 'Institution', 'institutions');

builder.queryField('institutions', (t) =>
  t.field({
    type: InstitutionConnection,
    description: 'All institutions, by English name.',
    args: pageArgs(t),
    resolve: (_root, args, ctx) =>
      nameOrderedConnection(args, (size, after) => pageOfInstitutions(ctx.queries, size, after)),
  }),
);
