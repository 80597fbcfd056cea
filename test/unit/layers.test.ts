import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The house's rule (docs/architecture.md): a module imports only its own layer or lower ones, and a domain
 * area only the areas before it. Fields that point up the domain order are attached from the higher area
 * with builder.objectField(s), which needs no import.
 */
const LAYERS: string[][] = [
  ['config.ts', 'errors.ts', 'logging.ts', 'pacing.ts', 'text.ts', 'text'],
  ['db', 'graph-file'],
  ['auth'],
  ['graphql'],
  ['audit', 'names', 'writes'],
  // Domain areas, in their own order: each may use the ones before it.
  ['places'],
  ['themes'],
  ['institutions'],
  ['networks'],
  ['experts'],
  ['contributions'],
  ['events'],
  ['whoknows'],
  ['inquiries'],
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

describe('the layers of src/', () => {
  it('has no import pointing from a lower layer to a higher one', () => {
    const upward: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [, specifier] of text.matchAll(/^\s*(?:import|export)[^'"]*from\s+'(\.[^']+)'/gm)) {
        const target = path.resolve(path.dirname(file), specifier!.replace(/\.js$/, '.ts'));
        if (!target.startsWith(SRC)) continue;
        if (layerOf(target) > layerOf(file)) {
          upward.push(`${path.relative(SRC, file)} -> ${path.relative(SRC, target)}`);
        }
      }
    }
    expect(upward).toEqual([]);
  });

  it(`keeps every source file under about ${MAX_LINES} lines`, () => {
    const long = files
      .map((file) => ({ file: path.relative(SRC, file), lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
