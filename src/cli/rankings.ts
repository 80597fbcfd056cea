/**
 * `npm run rankings -- --check | --rebuild`: the stored whoKnows standings (src/whoknows/standings/) against
 * a from-scratch ranking. `--check` reports drift (missing, extra and wrong-score standings, wrong counts,
 * standings of nodes that are no longer experts) with examples, and exits 1 on any; `--rebuild` works
 * them all out again, in batches, while the API may go on serving and writing.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { checkStandings, hasDrift, rebuildStandings, type DriftReport } from '../whoknows/standings/rebuild.js';
import { explainError, openForCli } from './open.js';

const USAGE = 'usage: npm run rankings -- --check | --rebuild';

function describe(report: DriftReport): string[] {
  return [
    `Checked the standings of ${report.experts} experts: ${report.missing} missing, ${report.extra} extra, ` +
      `${report.wrongScore} with a wrong score, ${report.wrongFacts} with wrong facts, ` +
      `${report.wrongCounts} keys with a wrong count, ${report.orphans} on nodes that are no longer experts.`,
    ...report.examples.map((example) => `  e.g. ${example}`),
    report.fresh
      ? 'The state says they reflect the graph (formula and signature match).'
      : 'The state says they may not reflect the graph (never built, another formula, being rebuilt, or data ' +
        'written outside audited changes): whoKnows ranks from scratch until a rebuild.',
  ];
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { check: { type: 'boolean', default: false }, rebuild: { type: 'boolean', default: false } },
  });
  if (values.check === values.rebuild) throw new ConfigError(USAGE);
  const { database, close } = await openForCli(loadConfig(), (line) => console.error(line));
  try {
    const started = performance.now();
    const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
    if (values.rebuild) {
      const { experts, complete } = await rebuildStandings(database.queries(), (line) => console.log(line));
      console.log(
        `Rebuilt the standings of ${experts} experts in ${seconds()} s` +
          (complete ? '.' : '; another rebuild started meanwhile and finishes the job.'),
      );
      return 0;
    }
    const report = await checkStandings(database.queries());
    for (const line of describe(report)) console.log(line);
    console.log(`(${seconds()} s)`);
    if (hasDrift(report)) {
      console.log('Drift found: run `npm run rankings -- --rebuild`.');
      return 1;
    }
    return 0;
  } finally {
    await close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const explained = explainError(error);
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(explained ? `Cannot check the rankings: ${explained}` : `Cannot check the rankings: ${message}`);
    process.exit(2);
  },
);
