import type DataLoader from 'dataloader';
import { NotFoundError } from '../errors.js';

/** What every look-up by slug says of its argument. */
export const SLUG_DESCRIPTION = 'Its slug, as in its `slug` field (a global id goes to node(id:)).';

/**
 * The object a slug names, through the same loader as `node(id:)`, so that the same access rules hold (an inquiry
 * the viewer may not see is FORBIDDEN); null when nothing has that slug (or it was removed).
 */
export async function loadBySlug<T>(loader: DataLoader<string, T>, slug: string): Promise<T | null> {
  const key = slug.trim();
  if (key.length === 0) return null;
  try {
    return await loader.load(key);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
