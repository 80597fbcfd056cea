import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The house's rules (docs/architecture.md, "Layers"): a module imports only its own layer or lower ones, and
 * a domain area only the areas before it (fields that point up the domain order are attached from the higher
 * area with builder.objectField(s), which needs no import). Inside a folder, a sub-folder is built on the
 * folder's files and nothing it uses imports it back; no file imports itself through others; Cypher is
 * written only in repository files.
 */
const LAYERS: string[][] = [
  [
    'config.ts',
    'config-error.ts',
    'oidc-config.ts',
    'errors.ts',
    'logging.ts',
    'pacing.ts',
    'text.ts',
    'text',
    'messages',
  ],
  ['db', 'graph-file'],
  ['auth'],
  ['graphql'],
  ['audit', 'names', 'writes'],
  // Domain areas, in their own order: each may use the ones before it.
  ['places'],
  ['themes'],
  ['institutions'],
  ['screening'],
  ['networks'],
  ['experts'],
  ['contributions'],
  ['events'],
  ['whoknows'],
  ['notifications'],
  ['inquiries'],
  ['faq'],
  ['history'],
  ['dashboards'],
  ['http'],
  ['schema.ts', 'hooks.ts', 'warmup.ts', 'app.ts', 'main.ts', 'cli'],
];

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');
const MAX_LINES = 400;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The layer of a file under src/: the index of its top folder (or its own name at the top). */
function layerOf(file: string): number {
  const top = path.relative(SRC, file).split(path.sep)[0]!;
  const layer = LAYERS.findIndex((names) => names.includes(top));
  if (layer < 0) throw new Error(`src/${top} is in no layer: add it to LAYERS and to docs/architecture.md`);
  return layer;
}

const files = sourceFiles(SRC);
const inSrc = (file: string) => path.relative(SRC, file);

/** Every file's imports of other files under src/ (type-only ones too: they tie the files as much). */
const imports = new Map(
  files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+'(\.[^']+)'/gm)]
      .map(([, specifier]) => path.resolve(path.dirname(file), specifier!.replace(/\.js$/, '.ts')))
      .filter((target) => target.startsWith(SRC + path.sep));
    return [file, targets];
  }),
);

/** The files `start` imports, directly or through others. */
function reachableFrom(start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...(imports.get(start) ?? [])];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...(imports.get(file) ?? []));
  }
  return seen;
}

/**
 * Cypher written out in a string: a clause keyword in capitals where Cypher puts it (prose and identifiers
 * do not: 'CARRIAGE RETURN' ends its string). Comments are left out before looking.
 */
const CYPHER = /\b(?:MATCH|MERGE|UNWIND|YIELD|DETACH DELETE)\b|\bRETURN\s+[\w($]|\bCREATE\s+[(A-Z]/;
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
/** Where Cypher may be: an area's repository files, and the storage layer that talks to Neo4j for all. */
const holdsCypher = (file: string) =>
  /(^|-)repository\.ts$/.test(path.basename(file)) || /^(db|graph-file)\//.test(inSrc(file).split(path.sep).join('/'));

describe('the layers of src/', () => {
  it('has no import pointing from a lower layer to a higher one', () => {
    const upward: string[] = [];
    for (const file of files) {
      for (const target of imports.get(file)!) {
        if (layerOf(target) > layerOf(file)) upward.push(`${inSrc(file)} -> ${inSrc(target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no file that a sub-folder of its own folder imports and that imports that sub-folder back', () => {
    const back: string[] = [];
    for (const file of files) {
      const folder = path.dirname(file);
      const subFolders = new Set(
        imports
          .get(file)!
          .filter((target) => path.dirname(target).startsWith(folder + path.sep))
          .map((target) => path.join(folder, path.relative(folder, target).split(path.sep)[0]!)),
      );
      for (const subFolder of subFolders) {
        const leadsBack = files.some(
          (inside) => inside.startsWith(subFolder + path.sep) && reachableFrom(inside).has(file),
        );
        if (leadsBack) back.push(`${inSrc(file)} <-> ${inSrc(subFolder)}/`);
      }
    }
    expect(back).toEqual([]);
  });

  it('has no import cycle between files', () => {
    const cycles = files
      .filter((file) => reachableFrom(file).has(file))
      .map((file) => `${inSrc(file)} imports itself through others`);
    expect(cycles).toEqual([]);
  });

  it('writes Cypher only in repository files (and the storage layer)', () => {
    const elsewhere = files
      .filter((file) => !holdsCypher(file))
      .filter((file) => CYPHER.test(withoutComments(readFileSync(file, 'utf8'))))
      .map(inSrc);
    expect(elsewhere).toEqual([]);
  });

  it(`keeps every source file under about ${MAX_LINES} lines`, () => {
    const long = files
      .map((file) => ({ file: path.relative(SRC, file), lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
