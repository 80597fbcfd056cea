import { audited } from '../../audit/service.js';
import type { Viewer } from '../../auth/viewer.js';
import { resolveExperts } from '../resolve.js';
import { changeExpert, checkExpertChange, checkNewExpert, insertExpert } from '../service.js';
import type { Queries } from '../../db/database.js';
import { InputProblems } from '../../errors.js';
import { parseExpertCsv, type CsvProblem, type ExpertRow } from './parse.js';

export interface ImportReport {
  rows: number;
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Every bad row's problems; when there is any, nothing was written. */
  problems: CsvProblem[];
  /** Whether the changes were written: false on a dry run or when any row was bad. */
  written: boolean;
}

/** Ends the import's transaction without writing: on a dry run, or when a row was bad. */
class RolledBack extends Error {
  constructor(readonly report: ImportReport) {
    super('import rolled back');
  }
}

/**
 * Imports experts row by row in one all-or-nothing transaction, with the same checks as createExpert and
 * updateExpert (an existing slug updates that expert, a new one creates it). The rows come from
 * parseExpertCsv, which has checked every cell's form (slugs included). Every row is checked even
 * after a bad one, so that the report names them all; then, if any row was bad or this is a dry run,
 * the transaction is rolled back. A row that matches the graph changes nothing and leaves no record, so
 * importing the same file twice changes nothing the second time.
 */
export async function importExperts(
  queries: Queries,
  viewer: Viewer,
  rows: ExpertRow[],
  options: { dryRun: boolean; source: string; formProblems?: CsvProblem[] },
): Promise<ImportReport> {
  const now = new Date();
  const report: ImportReport = {
    rows: rows.length,
    created: [],
    updated: [],
    unchanged: [],
    problems: [...(options.formProblems ?? [])],
    written: false,
  };
  // A cell out of form anywhere: every row is still checked against the graph, but none is written (not even to roll
  // back).
  const writing = report.problems.length === 0;
  const seen = new Map<string, { line: number; slug: string }>();
  try {
    await audited(queries, viewer, 'importExperts', `from ${options.source}`, async (tx) => {
      for (const { line, input } of rows) {
        const problems = new InputProblems();
        const { slug, ...fields } = input;
        // As every input that names an expert: an old id of a merged expert updates the kept one.
        const [named] = await resolveExperts(tx.run, [slug]);
        const existing = named && !named.erased ? named : null;
        const id = existing?.id ?? slug;
        const earlier = seen.get(id);
        // The same slug twice is reported by parseExpertCsv; an old id and the kept one are two rows for one expert.
        if (earlier && earlier.slug !== slug)
          problems.add('slug', `names the same expert ("${id}") as line ${earlier.line}: merge the two rows`);
        seen.set(id, { line, slug });
        if (existing) {
          // Under the expert's write lock (taken only when the rows may be written).
          const before = writing ? await tx.track('Expert', id, { noun: 'expert' }) : null;
          const { write, mayCurate } = await checkExpertChange(tx, queries, viewer, id, fields, problems, now);
          if (!mayCurate) problems.add('slug', 'you may not curate this expert (not in a network you run)');
          if (writing && problems.list.length === 0) {
            const changed = await changeExpert(tx, id, write, before);
            (changed ? report.updated : report.unchanged).push(id);
          }
        } else {
          const { write, takenSlugs } = await checkNewExpert(queries, viewer, fields, problems, now, slug);
          // Ids of merged or erased experts stay reserved.
          if (takenSlugs.includes(slug))
            problems.add('slug', `"${slug}" belonged to an expert who was erased: choose another`);
          if (writing && problems.list.length === 0) {
            await insertExpert(tx, slug, write);
            report.created.push(slug);
          }
        }
        report.problems.push(...problems.list.map((problem) => ({ line, ...problem })));
      }
      if (report.problems.length > 0 || options.dryRun) {
        report.problems.sort((a, b) => a.line - b.line);
        throw new RolledBack(report);
      }
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.report;
    throw error;
  }
  return { ...report, written: true };
}

/**
 * Parses and imports a CSV text. A file that cannot be read as experts (bad CSV, unknown or missing
 * columns) stops before any row is checked; a cell in the wrong form is reported with the rows' other problems.
 */
export async function importExpertCsv(
  queries: Queries,
  viewer: Viewer,
  text: string,
  options: { dryRun: boolean; source: string },
): Promise<ImportReport> {
  const { rows, problems, readable } = parseExpertCsv(text);
  if (!readable) return refused(problems);
  return importExperts(queries, viewer, rows, { ...options, formProblems: problems });
}

const refused = (problems: CsvProblem[]): ImportReport => ({
  rows: 0,
  created: [],
  updated: [],
  unchanged: [],
  problems,
  written: false,
});
