import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that start a Neo4j or server of their own take one to five minutes each, and vitest's own
 * order on a clean clone (larger files first) started the smaller of them last, where they made the run's tail
 * on one worker while the other sat idle. They go first here, the longest first; the rest keep vitest's order.
 */
const SLOWEST_FIRST = [
  'outage.test.ts',
  'standings-profile.test.ts',
  'main.test.ts',
  'embedded.test.ts',
  'graph-export.test.ts',
];

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = SLOWEST_FIRST.indexOf(path.basename(file.moduleId));
      return index === -1 ? SLOWEST_FIRST.length : index;
    };
    // Array.prototype.sort is stable: within the rest, vitest's order stays.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
