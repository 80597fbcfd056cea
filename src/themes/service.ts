import type { Snapshot } from '../audit/repository.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries, Run } from '../db/database.js';
import { InputProblems, present } from '../errors.js';
import { idOf, resolveSubjects, type NamedRef } from '../names/service.js';
import { nameKey, nameKeys } from '../text.js';
import type { NodeWrite } from '../writes/node-repository.js';
import { auditedCreate, auditedRetire, auditedUpdate, newSlug, type Kind } from '../writes/audited-writes.js';
import { inputName, inputText, TEXT_LIMITS } from '../writes/checks.js';
import type { RetireInput } from '../writes/mutation-fields.js';
import type { CreateThemeInput, UpdateThemeInput } from './inputs.js';
import type { ThemeProperty, ThemeRecord } from './model.js';
import { chainsDownToTheme, themesWithKeys } from './write-repository.js';

const THEME: Kind = { label: 'Theme', noun: 'theme' };

/** The fields both create and update take (a new theme has them all). */
type ThemeFields = Omit<UpdateThemeInput, 'id' | 'expectedVersion'>;

/**
 * A theme input, checked: its own properties as given (undefined: not given; null: cleared or refused), and its
 * broader themes when given.
 */
type CheckedTheme = { [P in ThemeProperty]: ThemeRecord[P] | null | undefined } & {
  broader: Array<NamedRef & { index: number }> | undefined;
};

/** Adds a problem for each broader theme that lies below the theme already: taking it would close a cycle. */
async function addCycleProblems(
  run: Run,
  problems: InputProblems,
  themeId: string,
  broader: Array<NamedRef & { index: number }>,
): Promise<void> {
  const chains = await chainsDownToTheme(
    run,
    themeId,
    broader.map((b) => b.id),
  );
  for (const { broaderId, names } of chains) {
    // The chains start at the broader themes asked about.
    const { index } = present(
      broader.find((b) => b.id === broaderId),
      `broader theme "${broaderId}"`,
    );
    problems.add(
      `broader[${index}]`,
      `${names[0]} lies below this theme (${names.join(' → ')}): taking it as broader would make a cycle`,
    );
  }
}

async function checkTheme(
  queries: Queries,
  problems: InputProblems,
  themeId: string,
  input: ThemeFields,
  creating: boolean,
): Promise<CheckedTheme> {
  const checked: CheckedTheme = {
    name: inputName(problems, 'name', input.name),
    nameNl: inputName(problems, 'nameNl', input.nameNl),
    aliases:
      input.aliases === undefined
        ? undefined
        : (input.aliases ?? []).map(
            (alias, i) =>
              inputText(problems, `aliases[${i}]`, alias, { required: true, max: TEXT_LIMITS.line, line: true }) ?? '',
          ),
    description: inputText(problems, 'description', input.description),
    broader: undefined,
  };

  // Every name, alias and the slug become name keys: one key must lead to one theme, or names stop resolving.
  const slugChecked = creating && !problems.list.some((problem) => problem.field === 'slug');
  const keyed: Array<{ field: string; value: string }> = [
    ...(slugChecked ? [{ field: 'slug', value: themeId }] : []),
    ...(checked.name ? [{ field: 'name', value: checked.name }] : []),
    ...(checked.nameNl ? [{ field: 'nameNl', value: checked.nameNl }] : []),
    ...(checked.aliases ?? []).map((value, i) => ({ field: `aliases[${i}]`, value })),
  ].filter(({ value }) => nameKey(value) !== '');
  const firstAlias = new Map<string, number>();
  checked.aliases?.forEach((alias, i) => {
    const key = nameKey(alias);
    if (firstAlias.has(key)) problems.add(`aliases[${i}]`, `"${alias}" repeats aliases[${firstAlias.get(key)}]`);
    else firstAlias.set(key, i);
  });
  const others = await themesWithKeys(
    queries,
    keyed.map(({ value }) => nameKey(value)),
    creating ? null : themeId,
  );
  const taken = new Map(others.map((row) => [row.key, row.name]));
  for (const { field, value } of keyed) {
    const holder = taken.get(nameKey(value));
    if (holder) problems.add(field, `"${value}" already names the theme ${holder}: a name may lead to one theme only`);
  }

  if (input.broader !== undefined) {
    const { themes } = await resolveSubjects(queries, problems, input.broader ?? [], [], { themesField: 'broader' });
    for (const theme of themes)
      if (theme.id === themeId) problems.add(`broader[${theme.index}]`, 'a theme cannot be broader than itself');
    checked.broader = themes.filter((theme) => theme.id !== themeId);
    if (!creating)
      await addCycleProblems((cypher, params) => queries.read(cypher, params), problems, themeId, checked.broader);
  }
  return checked;
}

/**
 * What to write: the given properties, with the alias text (full-text search) and name keys (name resolution) of the
 * whole theme.
 */
function themeWrite(checked: CheckedTheme, current: Snapshot): NodeWrite {
  const merged = {
    name: checked.name ?? (current.name as string),
    nameNl: checked.nameNl ?? (current.nameNl as string),
    aliases: checked.aliases ?? (current.aliases as string[] | undefined) ?? [],
  };
  return {
    properties: {
      name: checked.name,
      nameNl: checked.nameNl,
      description: checked.description,
      aliases: merged.aliases,
      aliasText: merged.aliases.join(' | '),
      keys: nameKeys(current.id as string, merged.name, merged.nameNl, ...merged.aliases),
    },
    links: checked.broader
      ? [{ type: 'BROADER', to: 'Theme', targets: checked.broader.map(({ id }) => ({ id })) }]
      : [],
  };
}

export async function createTheme(queries: Queries, viewer: Viewer, input: CreateThemeInput): Promise<string> {
  const problems = new InputProblems();
  inputText(problems, 'note', input.note);
  const slug = await newSlug(queries, problems, THEME, input.slug);
  const checked = await checkTheme(queries, problems, slug, input, true);
  problems.throwIfAny('The theme was not created');
  return auditedCreate(queries, viewer, THEME, { given: slug }, themeWrite(checked, { id: slug }), input.note);
}

export async function updateTheme(queries: Queries, viewer: Viewer, input: UpdateThemeInput): Promise<string> {
  const id = idOf(input.id, 'Theme');
  const problems = new InputProblems();
  inputText(problems, 'note', input.note);
  const checked = await checkTheme(queries, problems, id, input, false);
  problems.throwIfAny('The theme was not changed');
  const broader = checked.broader;
  return auditedUpdate(queries, viewer, THEME, input, (current) => themeWrite(checked, current), {
    verify: broader
      ? async (run) => {
          const late = new InputProblems();
          await addCycleProblems(run, late, id, broader);
          late.throwIfAny('The theme was not changed');
        }
      : undefined,
  });
}

/** A retired theme keeps its links (experts and inquiries on it keep their history) but no longer resolves by name. */
export const retireTheme = (queries: Queries, viewer: Viewer, input: RetireInput) =>
  auditedRetire(queries, viewer, THEME, input);
