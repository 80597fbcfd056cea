import type { ArgBuilder } from '@pothos/core';
import type { Language } from '../messages/language.js';
import { builder, type Types } from './builder.js';
import type { Context } from './context.js';

export const LanguageEnum = builder.enumType('Language', {
  description: 'A language the API words its reasons in.',
  values: {
    NL: { value: 'nl', description: 'Dutch.' },
    EN: { value: 'en', description: 'English.' },
  } as const,
});

/** `language`, as every field that returns reasons takes it. */
export const languageArgs = (t: { arg: ArgBuilder<Types> }) => ({
  language: t.arg({
    type: LanguageEnum,
    required: false,
    description:
      'The language of the reasons (and of the theme and country names in them); default: the request’s ' +
      'Accept-Language (Dutch when it prefers nl), else English.',
  }),
});

/** The language a field's reasons are worded in: the one it was given, else the request's (Accept-Language). */
export const reasonLanguage = (given: Language | null | undefined, ctx: Context): Language => given ?? ctx.language;
