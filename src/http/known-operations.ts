import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { ROOT_DIR } from '../config.js';

/** The operations the pages send and GraphiQL offers as examples (the web build imports these files). */
export const OPERATIONS_DIR = path.join(ROOT_DIR, 'web', 'operations');

/**
 * The names of the operations the server knows: those of web/operations/*.graphql, which are the pages'
 * operations and GraphiQL's examples. Only these get a label of their own in /metrics.
 */
export function knownOperationNames(dir = OPERATIONS_DIR): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()) {
    for (const definition of parse(readFileSync(path.join(dir, file), 'utf8')).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
    }
  }
  return [...names];
}
