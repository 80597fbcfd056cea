import type { Parsed, ScreeningFormat } from './formats.js';
import { parseTrackerCsv, parseUkCsv, parseUsCsv } from './parse-csv.js';
import { parseEuXml } from './parse-eu.js';

/** Reads a published file in its format: its entries, or every problem found (and then nothing is imported). */
export function parseScreeningFile(format: ScreeningFormat, text: string): Parsed {
  const parsed = PARSERS[format](text);
  const seen = new Map<string, number>();
  // One entry per source id: a list naming a party twice is read as one entry with both names.
  const entries = parsed.entries.filter((entry) => {
    const first = seen.get(entry.sourceId);
    if (first === undefined) {
      seen.set(entry.sourceId, 0);
      return true;
    }
    return false;
  });
  if (parsed.problems.length === 0 && entries.length === 0)
    return {
      entries,
      problems: [{ at: 'the file', message: 'lists no organisations: is it the right file and format?' }],
    };
  return { entries, problems: parsed.problems };
}

const PARSERS: Record<ScreeningFormat, (text: string) => Parsed> = {
  EU_FINANCIAL_SANCTIONS_XML: parseEuXml,
  US_CONSOLIDATED_SCREENING_CSV: parseUsCsv,
  UK_SANCTIONS_CSV: parseUkCsv,
  DEFENCE_TRACKER_CSV: parseTrackerCsv,
};
