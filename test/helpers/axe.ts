// axe-core in a page under test: every page's Chromium test ends with "nothing for axe to fix".
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Axe {
  run(
    context: Document,
    options: object,
  ): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }>;
}

/**
 * The violations of WCAG 2.x A and AA that axe-core finds in the page as it is now, as "rule: first target". axe is
 * evaluated through the debugging protocol, so the page's Content-Security-Policy (no inline scripts) does not apply.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: Axe };
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes[0]?.target ?? null)}`);
  });
}
