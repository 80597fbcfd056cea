import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { connectTestDatabase, fixturePrefix, graphql, removeFixtures } from './helpers/api.js';

/**
 * Issue 18.7: control and bidi characters were stored in names through createExpert and the other curation mutations.
 */
const P = fixturePrefix('namechars');
const NAME = `Namechars ${P}`;
let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
});
afterAll(async () => {
  await removeFixtures(db, P, NAME);
  await db.close();
});

type Fields = Array<{ field: string; message: string }>;
const refusal = (response: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }) => {
  expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return { message: response.errors![0]!.message, fields: response.errors![0]!.extensions!.fields as Fields };
};
const storedCount = async (prefix: string) => {
  const [row] = await db
    .queries()
    .read<{ n: number }>(
      'MATCH (n) WHERE n.id STARTS WITH $prefix OR n.name STARTS WITH $prefix RETURN count(n) AS n',
      { prefix },
    );
  return row!.n;
};

describe('names refuse control, bidi and invisible characters in the mutations', () => {
  it(
    'createExpert refuses a RIGHT-TO-LEFT OVERRIDE in the name and a line ' +
      'break in the headline, naming fields and code points, and stores nothing',
    async () => {
      const slug = `${P}-bidi`;
      const response = await graphql(
        'mutation ($input: CreateExpertInput!) { createExpert(input: $input) { slug } }',
        {
          input: {
            slug,
            name: `${NAME} Anna\u202Eeilrahc`,
            headline: 'Chips\nand more',
            bio: 'A bio\nover two lines is fine',
            networks: ['CKN'],
          },
        },
        { as: 'admin' },
      );
      const { message, fields } = refusal(response);
      expect(fields.map((f) => f.field)).toEqual(['name', 'headline']);
      expect(fields[0]!.message).toContain('U+202E RIGHT-TO-LEFT OVERRIDE');
      expect(fields[1]!.message).toContain('U+000A LINE FEED');
      expect(message).toContain('remove it');
      expect(await storedCount(slug)).toBe(0);
    },
  );

  it('createExpert still takes names in any script, with joiners, and bios over several lines', async () => {
    const response = await graphql(
      'mutation ($input: CreateExpertInput!) { createExpert(input: $input) { slug name bio } }',
      {
        input: {
          slug: `${P}-fine`,
          name: `${NAME} Zoë O’Brien-Ünal می‌خواهم`,
          bio: 'Line one\nline two',
          networks: ['CKN'],
        },
      },
      { as: 'admin' },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.createExpert).toEqual({
      slug: `${P}-fine`,
      name: `${NAME} Zoë O’Brien-Ünal می‌خواهم`,
      bio: 'Line one\nline two',
    });
  });

  it('updateExpert refuses a NUL and the replacement character (bad decoding upstream), changing nothing', async () => {
    const slug = `${P}-update`;
    const created = await graphql(
      'mutation ($input: CreateExpertInput!) { createExpert(input: $input) { slug version } }',
      { input: { slug, name: `${NAME} Jurgen`, networks: ['CKN'] } },
      { as: 'admin' },
    );
    expect(created.errors).toBeUndefined();
    const response = await graphql(
      'mutation ($input: UpdateExpertInput!) { updateExpert(input: $input) { version } }',
      {
        input: {
          id: slug,
          expectedVersion: created.data.createExpert.version,
          name: `${NAME} J\uFFFDrgen`,
          headlineNl: 'a\u0000b',
        },
      },
      { as: 'admin' },
    );
    const { fields } = refusal(response);
    expect(fields).toEqual([
      { field: 'name', message: expect.stringMatching(/U\+FFFD .*wrong encoding/) },
      { field: 'headlineNl', message: expect.stringContaining('U+0000 NULL') },
    ]);
    const [row] = await db
      .queries()
      .read<{ name: string; version: number }>(
        'MATCH (e:Expert {id: $slug}) RETURN e.name AS name, e.version AS version',
        { slug },
      );
    expect(row).toEqual({ name: `${NAME} Jurgen`, version: created.data.createExpert.version });
  });

  it('createTheme and createInstitution refuse them by the same check (names, aliases, acronym, city)', async () => {
    const theme = await graphql(
      'mutation ($input: CreateThemeInput!) { createTheme(input: $input) { slug } }',
      {
        input: {
          slug: `${P}-theme`,
          name: `Theme ${P}\u2066x\u2069`,
          nameNl: `Thema ${P}`,
          aliases: [`alias\u200B${P}`],
        },
      },
      { as: 'admin' },
    );
    expect(refusal(theme).fields).toEqual([
      { field: 'name', message: expect.stringContaining('U+2066 LEFT-TO-RIGHT ISOLATE') },
      { field: 'aliases[0]', message: expect.stringContaining('U+200B ZERO WIDTH SPACE') },
    ]);
    const institution = await graphql(
      'mutation ($input: CreateInstitutionInput!) { createInstitution(input: $input) { slug } }',
      {
        input: {
          slug: `${P}-inst`,
          name: `Institute ${P}`,
          nameNl: `Instituut\t${P}`,
          acronym: 'I\u200FX',
          city: 'Den\u0085Haag',
          kind: 'NGO',
          country: 'NL',
        },
      },
      { as: 'admin' },
    );
    expect(refusal(institution).fields).toEqual([
      { field: 'nameNl', message: expect.stringContaining('U+0009 TAB') },
      { field: 'acronym', message: expect.stringContaining('U+200F RIGHT-TO-LEFT MARK') },
      { field: 'city', message: expect.stringContaining('U+0085') },
    ]);
    expect(await storedCount(`${P}-theme`)).toBe(0);
    expect(await storedCount(`${P}-inst`)).toBe(0);
  });
});
