import type { Queries } from '../db/database.js';
import { currentVocabulary, interpret, interpretQuestion, type Interpretation } from '../names/service.js';
import { linkInferred, untaggedInquiries, type InferredLinks } from './write-repository.js';

/** What an inquiry was given explicitly: the recognised concepts add to it, never repeat it. */
export interface GivenConcepts {
  themeIds: string[];
  countryIds: string[];
  partnerId: string | null;
  riskCategories: string[];
}

/**
 * A region named in a question stands for its countries, unless it is so large that it says little about
 * any one of them ("the EU", 27): then the question concerns the region rather than its countries.
 */
export const MAX_INFERRED_REGION_COUNTRIES = 12;

/** The concepts recognised in a text beyond those given. */
export function inferredBeyond(interpretation: Interpretation, given: GivenConcepts): Omit<InferredLinks, 'id'> {
  const countryIds = interpretation.places.flatMap((place) =>
    place.region && place.countries.length > MAX_INFERRED_REGION_COUNTRIES ? [] : place.countries.map((c) => c.id),
  );
  return {
    themeIds: [...new Set(interpretation.themes.map((t) => t.id))].filter((id) => !given.themeIds.includes(id)),
    countryIds: [...new Set(countryIds)].filter((id) => !given.countryIds.includes(id)),
    partnerId: given.partnerId ? null : (interpretation.partners[0]?.id ?? null),
    riskCategories: interpretation.riskCategories.filter((r) => !given.riskCategories.includes(r)),
  };
}

/** What an inquiry's question and context concern beyond what it was given (one read of the name vocabulary). */
export async function inferConcepts(
  queries: Queries,
  text: string,
  given: GivenConcepts,
): Promise<Omit<InferredLinks, 'id'>> {
  return inferredBeyond(await interpretQuestion(queries, text), given);
}

const TAGGING_BATCH = 500;

/**
 * Tags the inquiries that were never tagged (recorded before tagging existed, seeded, or imported): their
 * recognised concepts are linked as inferred. A batch per transaction; when all are tagged, one scan of
 * the inquiries. Called at start (src/app.ts) and by the seed.
 */
export async function tagUntaggedInquiries(queries: Queries): Promise<number> {
  const vocabulary = await currentVocabulary(queries);
  let tagged = 0;
  for (;;) {
    const count = await queries.writeTransaction(async (run) => {
      const rows = await untaggedInquiries(run, TAGGING_BATCH);
      const links: InferredLinks[] = [];
      for (const row of rows) {
        links.push({
          id: row.id,
          ...inferredBeyond(interpret(vocabulary, `${row.question ?? ''}\n${row.context ?? ''}`), row),
        });
      }
      await linkInferred(run, links);
      return rows.length;
    });
    tagged += count;
    if (count < TAGGING_BATCH) break;
  }
  return tagged;
}
