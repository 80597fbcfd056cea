import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { connectTestDatabase, graphql } from './helpers/api.js';

/**
 * The seed's inquiries are tagged with the countries they name, and no others (issue 20: "voorwaarden" and
 * "Den Haag" made five of them concern Denmark, skewing similar-inquiry reasons and the dashboard's demand).
 */
let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
});

afterAll(async () => {
  await db.close();
});

describe('the seed inquiries', () => {
  it('concern Denmark only where they name it', async () => {
    const rows = await db.queries().read<{ id: string; inferred: boolean }>(
      `MATCH (i:Inquiry)-[r:CONCERNS]->(:Country {id: 'DK'})
       RETURN i.id AS id, coalesce(r.inferred, false) AS inferred ORDER BY id`,
    );
    // inq-2025-0083 is given Denmark (it asks about Denmark); none is tagged with it from its words.
    expect(rows).toEqual([{ id: 'inq-2025-0083', inferred: false }]);
  });

  it('that say "voorwaarden" or "Den Haag" keep the countries they do name', async () => {
    const rows = await db.queries().read<{ id: string; countries: string[] }>(
      `MATCH (i:Inquiry) WHERE i.id IN ['inq-2025-0010', 'inq-2025-0050', 'inq-2025-0094', 'inq-2026-0002']
       RETURN i.id AS id, [(i)-[:CONCERNS]->(c:Country) | c.id] AS countries ORDER BY id`,
    );
    expect(rows.map((r) => r.id)).toEqual(['inq-2025-0010', 'inq-2025-0050', 'inq-2025-0094', 'inq-2026-0002']);
    for (const row of rows) expect(row.countries, row.id).not.toContain('DK');
    const given = { 'inq-2025-0010': 'CN', 'inq-2025-0050': 'RU', 'inq-2025-0094': 'UA', 'inq-2026-0002': 'CN' };
    for (const row of rows) expect(row.countries, row.id).toContain(given[row.id as keyof typeof given]);
  });

  it('a new question about terms in The Hague is not about Denmark', async () => {
    const response = await graphql(
      'query ($q: String!) { similarInquiries(question: $q, first: 5) { inquiry { slug } reasons { text } } }',
      { q: 'Welke voorwaarden gelden voor een bezoek van Russische onderzoekers aan Den Haag?' },
    );
    expect(response.errors).toBeUndefined();
    const reasons = (response.data.similarInquiries as Array<{ reasons: Array<{ text: string }> }>).flatMap((s) =>
      s.reasons.map((r) => r.text),
    );
    expect(reasons.join(' ')).not.toMatch(/Denmark/);
  });
});
