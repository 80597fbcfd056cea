import { randomBytes } from 'node:crypto';
import { canImportScreeningLists, canScreenPartners } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import { audited } from '../audit/service.js';
import type { Queries } from '../db/database.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../errors.js';
import { idOf } from '../names/service.js';
import { fuzzyNamesQuery } from '../text.js';
import { isoDate, SCREENING_LISTS, type FileProblem, type ScreeningFormat } from './formats.js';
import { parseScreeningFile } from './parse.js';
import {
  decideMatch,
  finishVersion,
  institutionNames,
  latestVersion,
  proposeMatches,
  startVersion,
  writeEntries,
} from './repository.js';

/** Entries written per statement: one UNWIND each, so 20,000 entries are 20 statements. */
export const IMPORT_BATCH = 1000;
/** Candidates proposed per institution at most, best first. */
export const CANDIDATES_PER_INSTITUTION = 5;

export interface ImportRequest {
  format: ScreeningFormat;
  /** The date the list was published (YYYY-MM-DD): the version's date. */
  publishedOn: string;
  text: string;
}

export interface ImportReport {
  versionId: string;
  listId: string;
  listName: string;
  publishedOn: string;
  entries: number;
  delisted: number;
  proposed: number;
}

/** Problems of a file, as one refusal: the first ones in the message, all in its fields. */
function refusal(problems: FileProblem[]): BadInputError {
  const shown = problems.slice(0, 5).map((p) => `${p.at}: ${p.message}`);
  const more = problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : '';
  return new BadInputError(`The list was not imported, nothing was written: ${shown.join('; ')}${more}.`, {
    fields: problems.map((p) => ({ field: p.at, message: p.message })),
  });
}

/**
 * Imports a list's file as a new dated version, all or nothing: entries it no longer holds are delisted, and the
 * institutions are searched for among the new entries afterwards (candidates to confirm). `progress` hears after each
 * batch.
 */
export async function importScreeningList(
  queries: Queries,
  viewer: Viewer,
  request: ImportRequest,
  progress: (written: number, total: number) => void = () => undefined,
): Promise<ImportReport> {
  if (!canImportScreeningLists(viewer))
    throw new ForbiddenError('Only the desk and administrators may import screening lists.');
  const publishedOn = isoDate(request.publishedOn);
  if (publishedOn === null || !/^\d{4}-\d{2}-\d{2}$/.test(request.publishedOn))
    throw new BadInputError(`publishedOn "${request.publishedOn}" is no date: give the list's date as YYYY-MM-DD.`, {
      argument: 'publishedOn',
    });
  const parsed = parseScreeningFile(request.format, request.text);
  if (parsed.problems.length > 0) throw refusal(parsed.problems);
  const list = SCREENING_LISTS[request.format];
  const latest = await latestVersion(queries, list.id);
  if (latest && latest.publishedOn >= publishedOn)
    throw new BadInputError(
      `${list.name} of ${latest.publishedOn} is already imported: import a version published after it.`,
      { argument: 'publishedOn' },
    );
  const versionId = `${list.id}@${publishedOn}-${randomBytes(3).toString('hex')}`;
  const { entries } = parsed;
  const result = await audited(queries, viewer, 'importScreeningList', null, async (tx) => {
    await tx.track('ScreeningList', list.id, { noun: 'screening list' });
    await startVersion(tx.run, {
      id: versionId,
      listId: list.id,
      listName: list.name,
      publishedOn,
      importedBy: viewer.name,
    });
    for (let start = 0; start < entries.length; start += IMPORT_BATCH) {
      await writeEntries(tx.run, { id: versionId, listId: list.id }, entries.slice(start, start + IMPORT_BATCH));
      progress(Math.min(start + IMPORT_BATCH, entries.length), entries.length);
    }
    const delisted = await finishVersion(tx.run, { id: versionId, listId: list.id }, entries.length);
    return { delisted };
  });
  // After the commit: the full-text index sees the entries once they are stored.
  const proposed = await proposeCandidates(queries, null);
  return {
    versionId,
    listId: list.id,
    listName: list.name,
    publishedOn,
    entries: entries.length,
    delisted: result.delisted,
    proposed,
  };
}

/**
 * Searches the current list entries for institutions (all, or those given) by every name they have, fuzzily, and
 * proposes what it finds; candidates already confirmed or rejected keep their decision. Returns the new candidates.
 */
export async function proposeCandidates(queries: Queries, institutionIds: string[] | null): Promise<number> {
  const institutions = await institutionNames(queries, institutionIds);
  const searches = institutions
    .map(({ id, country, names }) => ({ id, country, query: fuzzyNamesQuery(names) }))
    .filter((s) => s.query !== '');
  let proposed = 0;
  for (let start = 0; start < searches.length; start += 100)
    proposed += await proposeMatches(queries, searches.slice(start, start + 100), CANDIDATES_PER_INSTITUTION);
  return proposed;
}

/**
 * A person's decision on a candidate: CONFIRMED makes it a flag on the institution, REJECTED keeps it from being
 * proposed again. Audited as a change of the institution.
 */
export async function decideScreeningMatch(
  queries: Queries,
  viewer: Viewer,
  input: { institution: string; entry: string; decision: 'CONFIRMED' | 'REJECTED'; note?: string | null },
): Promise<string> {
  if (!canScreenPartners(viewer))
    throw new ForbiddenError('Only the desk, the secretariats and administrators decide on screening matches.');
  const institutionId = idOf(input.institution, 'Institution');
  const note = input.note?.trim() || null;
  return audited(queries, viewer, 'decideScreeningMatch', note, async (tx) => {
    if ((await tx.track('Institution', institutionId, { noun: 'institution' })) === null)
      throw new NotFoundError(`No institution has id "${input.institution}": see the institutions query.`);
    const found = await decideMatch(tx.run, {
      institutionId,
      entryId: input.entry,
      status: input.decision,
      by: viewer.name,
      note,
    });
    if (!found)
      throw new NotFoundError(
        `"${input.entry}" is no candidate of ${institutionId}: see the institution's partnerFile { screening }.`,
      );
    return institutionId;
  });
}
