import { defineLoader } from '../graphql/loaders.js';
import type { ThemeRecord } from './model.js';
import { relatedThemes } from './repository.js';

/** The current themes directly above each theme, by theme id. */
export const broaderThemes = defineLoader<string, ThemeRecord[]>((queries, ids) =>
  relatedThemes(queries, ids, 'broader'),
);

/** The current themes directly below each theme, by theme id. */
export const narrowerThemes = defineLoader<string, ThemeRecord[]>((queries, ids) =>
  relatedThemes(queries, ids, 'narrower'),
);
