/**
 * The seed's screening lists: the sample files of seed/screening/samples (NOT the real lists) imported with the real
 * parsers, matched to the seed's institutions, and some candidates decided: confirmed flags, one rejection, and one
 * entry delisted by a second version of the tracker. Skipped once the lists hold a version (a second run changes
 * nothing).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemViewer } from '../src/auth/viewer.js';
import type { Queries } from '../src/db/database.js';
import type { ScreeningFormat } from '../src/screening/formats.js';
import { listVersions, matchesOfInstitutions } from '../src/screening/repository.js';
import { decideScreeningMatch, importScreeningList } from '../src/screening/service.js';

const SAMPLES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screening', 'samples');

const IMPORTS: Array<[ScreeningFormat, string, string]> = [
  ['EU_FINANCIAL_SANCTIONS_XML', 'eu-financial-sanctions.sample.xml', '2026-11-02'],
  ['US_CONSOLIDATED_SCREENING_CSV', 'us-consolidated-screening.sample.csv', '2026-11-02'],
  ['UK_SANCTIONS_CSV', 'uk-sanctions.sample.csv', '2026-11-02'],
  ['DEFENCE_TRACKER_CSV', 'defence-links-tracker.sample.csv', '2026-10-01'],
  ['DEFENCE_TRACKER_CSV', 'defence-links-tracker-2.sample.csv', '2026-11-01'],
];

/** [institution, entry name, decision]: the seed's decided candidates. */
const DECISIONS: Array<[string, string, 'CONFIRMED' | 'REJECTED']> = [
  ['harbin-institute-of-technology', 'Harbin Institute of Technology', 'CONFIRMED'],
  ['northwestern-polytechnical-university', 'Northwestern Polytechnical University', 'CONFIRMED'],
  ['national-university-of-defense-technology', 'National University of Defense Technology', 'CONFIRMED'],
  ['bauman-moscow-state-technical-university', 'Bauman Moscow State Technical University', 'CONFIRMED'],
  ['rosatom', 'ROSATOM STATE ATOMIC ENERGY CORPORATION', 'CONFIRMED'],
  // Delisted by the tracker's second version: the flag stays, marked delisted.
  ['tsinghua-university', 'Tsinghua University', 'CONFIRMED'],
  // Another organisation bearing the university's name: found by name, rejected by a person.
  ['tsinghua-university', 'Tsinghua University Science Park Development Center', 'REJECTED'],
];

export async function seedScreening(queries: Queries, progress: (line: string) => void): Promise<void> {
  if ((await listVersions(queries)).length > 0) return;
  const desk = systemViewer('seed', 'Knowledge security desk');
  for (const [format, file, publishedOn] of IMPORTS) {
    const text = await readFile(path.join(SAMPLES, file), 'utf8');
    const report = await importScreeningList(queries, desk, { format, publishedOn, text });
    progress(
      `  seed: sample ${report.listName} of ${publishedOn}: ${report.entries} entries, ${report.delisted} delisted`,
    );
  }
  const ids = [...new Set(DECISIONS.map(([id]) => id))];
  const matches = new Map(ids.map((id, index) => [id, index]));
  const found = await matchesOfInstitutions(queries, ids);
  for (const [institution, name, decision] of DECISIONS) {
    const candidates = found[matches.get(institution) ?? -1] ?? [];
    const entry = candidates.find((m) => m.name === name);
    if (!entry)
      throw new Error(`seed: ${name} was not proposed for ${institution}: the sample or the matching changed`);
    await decideScreeningMatch(queries, desk, {
      institution,
      entry: entry.entryId,
      decision,
      note: decision === 'REJECTED' ? 'Another university of Harbin.' : 'Name, country and address agree.',
    });
  }
}
