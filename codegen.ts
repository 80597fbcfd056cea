import type { CodegenConfig } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';
import { schema } from './src/schema.js';

/** Prints the Pothos schema to schema/schema.graphql; `npm run codegen -- --check` fails when the file is stale. */
const config: CodegenConfig = {
  schema: printSchema(schema),
  generates: {
    'schema/schema.graphql': { plugins: ['schema-ast'], config: { includeDirectives: false } },
  },
};

export default config;
