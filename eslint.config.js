// ESLint: typescript-eslint's strict type-checked rules over every TypeScript file. Prettier formats, so
// eslint-config-prettier turns off the rules that would argue with it; the line cap below is turned on again
// for what Prettier does not wrap (strings, template literals, comments).
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['node_modules/', 'neo4j/target/', 'web/dist/', 'web/dist.building-*/', 'web/src/gql/', 'schema/'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.strictTypeChecked, comments.recommended, prettier],
    languageOptions: {
      // Each file is checked with its nearest tsconfig: web/tsconfig.json for the pages, tsconfig.json for the rest.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@stylistic': stylistic },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // `(line) => console.log(line)` hands on a callback and `return void send(…)` says it returns nothing.
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidOperator: true },
      ],
      // Passing on a caught error (of type unknown) as it came is not making up a non-Error reason.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      // Numbers and booleans read plainly in messages.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // An exception names its rule and says why (`// eslint-disable-next-line rule -- reason`), one line at a time.
      '@eslint-community/eslint-comments/require-description': 'error',
      '@eslint-community/eslint-comments/no-use': [
        'error',
        { allow: ['eslint-disable-next-line', 'eslint-disable-line'] },
      ],
      // New in typescript-eslint 8.73 and it overflows the stack on graphql-js's self-referring wrapper types
      // (GraphQLList<GraphQLType>, src/graphql/limits.ts); a rule that crashes cannot be silenced line by line.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      '@stylistic/max-len': ['error', { code: 120, tabWidth: 2, ignoreUrls: true }],
    },
  },
  {
    // Tests read the API's JSON answers, whose shape is what their assertions check: typing each answer again
    // would copy the schema into every file, and a wrong path fails the assertion that follows it. For the same
    // reason `!` on an answer's field stays: a missing value fails the test either way.
    files: ['test/**/*.ts', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
