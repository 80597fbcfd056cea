// Every relative link and anchor in README.md and docs/*.md leads somewhere: to a file of the repository and,
// when the link names an anchor, to a heading of a rendered document with that id (as GitHub slugs it).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/config.js';
import { docSources, headingIds, headingSlugger, relativeTargets, resolveTarget } from '../../web/docs.js';

const sources = await docSources(ROOT_DIR);
const read = (repoPath: string) => readFile(path.join(ROOT_DIR, repoPath), 'utf8');

describe('the documents', () => {
  it.each(sources)('%s links only to files and anchors that exist', async (source) => {
    const broken: string[] = [];
    for (const target of relativeTargets(await read(source))) {
      const { repoPath, anchor } = resolveTarget(source, target);
      if (!existsSync(path.join(ROOT_DIR, repoPath))) broken.push(`${target}: no file ${repoPath}`);
      else if (anchor && !(repoPath.endsWith('.md') && headingIds(await read(repoPath)).has(anchor)))
        broken.push(`${target}: no heading #${anchor} in ${repoPath}`);
    }
    expect(broken).toEqual([]);
  });

  it('keeps the README short: what it is, the pages, the two commands, where to look next', async () => {
    const readme = await read('README.md');
    expect(readme.split('\n').length).toBeLessThanOrEqual(200);
    // .ci/run runs these two: the README must say them as they are.
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test ');
  });
});

describe('heading ids as GitHub makes them', () => {
  it.each([
    ['Maintained ranking (issue 12)', 'maintained-ranking-issue-12'],
    ['Warm-up: fast from the first request', 'warm-up-fast-from-the-first-request'],
    ['The pages (web/)', 'the-pages-web'],
    ['Language: names in free text, Dutch compounds', 'language-names-in-free-text-dutch-compounds'],
    ['Centraal-Azië & co', 'centraal-azië--co'],
    ['snake_case', 'snake_case'],
  ])('%s → #%s', (heading, id) => {
    expect(headingSlugger()(heading)).toBe(id);
  });

  it('numbers a repeated heading', () => {
    const slug = headingSlugger();
    expect([slug('Costs'), slug('Costs'), slug('Costs')]).toEqual(['costs', 'costs-1', 'costs-2']);
  });

  it('reads a heading without its markup', () => {
    expect(headingIds('## The `Idempotency-Key` **header**\n')).toEqual(new Set(['the-idempotency-key-header']));
  });
});
