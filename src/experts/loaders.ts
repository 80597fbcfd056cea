import type { Context } from '../graphql/context.js';
import { defineLoader } from '../graphql/loaders.js';
import {
  relationKey,
  relationsOfExperts,
  type ExpertRelation,
  type ExpertRelationKey,
} from './relations-repository.js';

/**
 * Every relation of Expert, for every expert of a page: the relation fields of a page's experts resolve
 * in the same tick, so whatever relations a page selects they are read in one query (one round trip).
 */
export const expertRelations = defineLoader<ExpertRelationKey, unknown>(relationsOfExperts, { cacheKey: relationKey });

/** One relation of one expert, batched with every other relation the request asks for at the same time. */
export function loadExpertRelation<Value>(
  ctx: Context,
  expertId: string,
  relation: ExpertRelation<Value>,
): Promise<Value>;
export function loadExpertRelation<Value, Param>(
  ctx: Context,
  expertId: string,
  relation: ExpertRelation<Value, Param>,
  param: Param,
): Promise<Value>;
export async function loadExpertRelation<Value, Param>(
  ctx: Context,
  expertId: string,
  relation: ExpertRelation<Value, Param>,
  param?: Param,
): Promise<Value> {
  return (await ctx.load(expertRelations).load({ expertId, relation, param })) as Value;
}
