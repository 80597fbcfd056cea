import type { CodegenConfig } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';
import { schema } from './src/schema.js';

/**
 * Prints the Pothos schema to schema/schema.graphql, and types the pages' operations (web/operations/*.graphql)
 * into web/src/gql/ with the client preset. `npm run schema:check` (codegen --check) fails when either is stale,
 * and codegen itself fails when a schema change breaks an operation: a page's query is checked like code.
 */
const config: CodegenConfig = {
  schema: printSchema(schema),
  documents: ['web/operations/*.graphql'],
  generates: {
    'schema/schema.graphql': { plugins: ['schema-ast'], config: { includeDirectives: false } },
    'web/src/gql/': {
      preset: 'client',
      // Documents as strings (TypedDocumentString): the pages' fetch client sends them as they are, with no
      // GraphQL library in the browser bundle.
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: {
          DateTime: 'string',
          Date: 'string',
          JSONObject: 'Record<string, unknown>',
          EmailAddress: 'string',
          PhoneNumber: 'string',
          URL: 'string',
          CountryCode: 'string',
        },
      },
    },
  },
};

export default config;
