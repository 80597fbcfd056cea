/**
 * `npm run import -- experts.csv [--dry-run] [--by "Your Name"] [--encoding windows-1252]`: checks every row
 * of an expert CSV (format in src/experts/csv/parse.ts and docs/secretariats.md) and writes them all, or nothing when
 * any row is bad. The file is read as UTF-8 unless --encoding names the one it was saved in.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemViewer } from '../auth/viewer.js';
import { ConfigError, loadConfig } from '../config.js';
import { decodeCsv } from '../experts/csv/decode.js';
import { importExpertCsv } from '../experts/csv/import.js';
import { openForCli, runTool } from './open.js';

const USAGE = 'usage: npm run import -- <experts.csv> [--dry-run] [--by "Your Name"] [--encoding windows-1252]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, by: { type: 'string' }, encoding: { type: 'string' } },
  });
  const [given] = positionals;
  if (positionals.length !== 1 || given === undefined) throw new ConfigError(USAGE);
  const file = path.resolve(given);
  // Bytes, not text: Node's 'utf8' would turn every byte that is not UTF-8 into U+FFFD without a word.
  const bytes = await readFile(file).catch((error: unknown) => {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new ConfigError(`cannot read ${file} (${code ?? message}): check the path`);
  });
  // Before the database opens: bytes that are not text in their encoding are refused at once.
  const { text, problems } = decodeCsv(bytes, values.encoding);
  if (text === null) {
    for (const problem of problems) console.log(`line ${problem.line}: ${problem.field}: ${problem.message}`);
    console.log('Nothing was written: the file could not be read as text (above).');
    return 1;
  }
  const dryRun = values['dry-run'];
  const viewer = systemViewer('import', values.by ?? os.userInfo().username);

  const { database, close } = await openForCli(loadConfig(), (line) => console.error(line));
  try {
    const report = await importExpertCsv(database.queries(), viewer, text, { dryRun, source: path.basename(file) });
    for (const problem of report.problems) console.log(`line ${problem.line}: ${problem.field}: ${problem.message}`);
    const counts =
      `${report.rows} rows: ${report.created.length} new, ${report.updated.length} changed, ` +
      `${report.unchanged.length} unchanged`;
    if (report.problems.length > 0) {
      const lines = new Set(report.problems.map((p) => p.line)).size;
      console.log(`Nothing was written: ${lines} row(s) have problems (above). Fix them and run again.`);
      return 1;
    }
    console.log(dryRun ? `Dry run, nothing written. ${counts} would result.` : `Imported. ${counts}.`);
    return 0;
  } finally {
    await close();
  }
}

// The rows' own problems were reported above; a failure here is the tool's or the database's.
runTool(main, 'Cannot import');
