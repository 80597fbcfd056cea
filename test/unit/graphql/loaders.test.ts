import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.js';
import { createContext } from '../../../src/graphql/context.js';
import { defineLoader, defineLoaderFamily } from '../../../src/graphql/loaders.js';
import { ANONYMOUS } from '../../../src/auth/viewer.js';

// A context needs only a Queries view to build loaders; these batches never touch it.
const database = { queries: () => ({}) } as unknown as Database;

describe('typed loaders', () => {
  it('keeps one loader per definition and request, and one per parameter of a family', async () => {
    const batches: string[] = [];
    const doubled = defineLoader<number, number>((_queries, keys) => {
      batches.push(`doubled ${keys.join(',')}`);
      return Promise.resolve(keys.map((key) => key * 2));
    });
    const firstOf = defineLoaderFamily<number, string, string>((_queries, keys, limit) => {
      batches.push(`firstOf:${limit} ${keys.join(',')}`);
      return Promise.resolve(keys.map((key) => key.slice(0, limit)));
    });
    const ctx = createContext(database, ANONYMOUS, 100);
    expect(ctx.load(doubled)).toBe(ctx.load(doubled));
    expect(await Promise.all([ctx.load(doubled).load(1), ctx.load(doubled).load(2)])).toEqual([2, 4]);
    expect(await Promise.all([ctx.load(firstOf, 1).load('abc'), ctx.load(firstOf, 2).load('abc')])).toEqual([
      'a',
      'ab',
    ]);
    expect(batches).toEqual(['doubled 1,2', 'firstOf:1 abc', 'firstOf:2 abc']);
    expect(createContext(database, ANONYMOUS, 100).load(doubled)).not.toBe(ctx.load(doubled));
  });

  it('takes object keys as the same key when their cacheKey agrees', async () => {
    const batches: string[][] = [];
    const lengthOf = defineLoader<{ text: string }, number>(
      (_queries, keys) => {
        batches.push(keys.map((key) => key.text));
        return Promise.resolve(keys.map((key) => key.text.length));
      },
      { cacheKey: (key) => key.text },
    );
    const ctx = createContext(database, ANONYMOUS, 100);
    const loader = ctx.load(lengthOf);
    expect(
      await Promise.all([loader.load({ text: 'ab' }), loader.load({ text: 'ab' }), loader.load({ text: 'abc' })]),
    ).toEqual([2, 2, 3]);
    expect(batches).toEqual([['ab', 'abc']]);
  });
});
