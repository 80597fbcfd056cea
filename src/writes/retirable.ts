import type { Types } from '../graphql/builder.js';

/** What every curated node carries besides its own properties. */
export interface Retirable {
  /** Missing on nodes seeded before curation existed: version 1. */
  version?: number | null;
  retiredAt?: string | null;
  retiredReason?: string | null;
}

/** `version`, `retired`, `retiredAt` and `retiredReason`: the fields every curated type shares. */
export function lifecycleFields<Shape extends Retirable>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, Shape>,
  noun: string,
) {
  return {
    version: t.int({
      description: `Changes with every update: pass it as expectedVersion when you change the ${noun}.`,
      resolve: (node) => node.version ?? 1,
    }),
    retired: t.boolean({
      description:
        `Whether the ${noun} was retired: ` + 'it still resolves by id, but no longer shows in lists and searches.',
      resolve: (node) => node.retiredAt != null,
    }),
    retiredAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was retired; null while current.',
      resolve: (node) => node.retiredAt ?? null,
    }),
    retiredReason: t.string({
      nullable: true,
      description: 'Why it was retired.',
      resolve: (node) => node.retiredReason ?? null,
    }),
  };
}
