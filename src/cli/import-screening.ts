/**
 * `npm run import:screening -- <file> --format DEFENCE_TRACKER_CSV --date 2026-11-02 [--by "Your Name"]`: imports a
 * screening list's published file as a new dated version (src/screening/), all or nothing, with a progress line; a
 * bad file is reported line by line (or element by element) and nothing is written.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemViewer } from '../auth/viewer.js';
import { ConfigError, loadConfig } from '../config.js';
import { BadInputError } from '../errors.js';
import { SCREENING_FORMATS, type ScreeningFormat } from '../screening/formats.js';
import { importScreeningList } from '../screening/service.js';
import { openForCli, runTool } from './open.js';

const FORMATS = Object.keys(SCREENING_FORMATS);
const USAGE =
  'usage: npm run import:screening -- <file> --format <format> --date <YYYY-MM-DD> [--by "Your Name"]; ' +
  `formats: ${FORMATS.join(', ')}`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { format: { type: 'string' }, date: { type: 'string' }, by: { type: 'string' } },
  });
  const [given] = positionals;
  const format = values.format as ScreeningFormat | undefined;
  if (positionals.length !== 1 || given === undefined || !format || !FORMATS.includes(format) || !values.date)
    throw new ConfigError(USAGE);
  const file = path.resolve(given);
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new ConfigError(`cannot read ${file} (${code ?? message}): check the path`);
  });
  const viewer = systemViewer('import-screening', values.by ?? os.userInfo().username);
  const { database, close } = await openForCli(loadConfig(), (line) => console.error(line));
  try {
    const report = await importScreeningList(
      database.queries(),
      viewer,
      { format, publishedOn: values.date, text },
      (written, total) => process.stderr.write(`\rwritten ${written} of ${total} entries`),
    ).catch((error: unknown) => {
      if (!(error instanceof BadInputError)) throw error;
      for (const problem of error.details.fields ?? []) console.log(`${problem.field}: ${problem.message}`);
      console.log(`Nothing was written: ${error.details.fields?.length ?? 1} problem(s). Fix the file and run again.`);
      if (!error.details.fields) console.log(error.message);
      return null;
    });
    if (report === null) return 1;
    console.error('');
    console.log(
      `Imported ${report.listName} of ${report.publishedOn} (${report.versionId}): ${report.entries} entries, ` +
        `${report.delisted} delisted, ${report.proposed} new candidate match(es) to confirm or reject.`,
    );
    return 0;
  } finally {
    await close();
  }
}

runTool(main, 'Cannot import');
