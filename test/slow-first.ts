import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that start a Neo4j (or the whole server) of their own and never use the worker's shared server:
 * test/fresh-graph.ts does not wait for the run's setup for them. The outage test waits for the seeded template only.
 */
export const OWN_NEO4J = ['standings-profile.test.ts', 'main.test.ts', 'embedded.test.ts', 'outage.test.ts'];

/**
 * The order of a run. The setup boots the shared servers in the background (test/global-setup.ts), so what needs
 * neither them nor the template goes first, longest first, while it boots: the files with a Neo4j of their own, then
 * the unit tests. These files take one to five minutes each; vitest's own order on a clean clone (larger files
 * first) started the smaller of them last, where they made the run's tail on one worker while the other sat idle.
 * graph-export.test.ts, the slowest of the rest, follows; the rest keep vitest's order.
 */
const FIRST = [...OWN_NEO4J, 'graph-export.test.ts'];

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = FIRST.indexOf(path.basename(file.moduleId));
      if (index !== -1) return index < OWN_NEO4J.length ? index : FIRST.length + 1;
      return file.project.name === 'unit' ? FIRST.length : FIRST.length + 2;
    };
    // Array.prototype.sort is stable: within the rest, vitest's order stays.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
