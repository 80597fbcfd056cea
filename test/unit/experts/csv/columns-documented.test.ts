import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { EXPERT_COLUMNS } from '../../../../src/experts/csv/parse.js';

/** The secretariats' guide names every CSV column the import takes, and no other: the list is kept by hand. */
describe('the CSV columns in the secretariats guide', () => {
  it('are the columns the import reads (src/experts/model.ts and csv/parse.ts)', async () => {
    const guide = await readFile(new URL('../../../../docs/secretariats.md', import.meta.url), 'utf8');
    const section = guide.slice(guide.indexOf('## Bulk import of experts'));
    const start = section.indexOf('reads a UTF-8 CSV');
    const paragraph = section.slice(start, section.indexOf('\n\n', start));
    // Column names are the code-formatted words before their explanations: `slug`, `email`, `contactConsent` …
    const named = [...paragraph.matchAll(/`([a-zA-Z]+)`/g)].map((match) => match[1]);
    expect(new Set(named)).toEqual(new Set(Object.keys(EXPERT_COLUMNS)));
  });
});
