import { present } from '../../errors.js';
import { nameKey, nextEditRow } from '../../text.js';

/** One part of why two experts are likely the same person, in plain words, with the points it adds. */
export interface DuplicateReason {
  text: string;
  points: number;
}

/** What two experts are compared by (both already share a surname key). */
export interface ComparedExpert {
  id: string;
  name: string;
  /** Lower-cased; only compared, never shown. */
  email: string | null;
  institutions: Array<{ id: string; name: string }>;
}

export interface ScoredPair {
  /** The two experts' ids, in id order. */
  expertIds: [string, string];
  score: number;
  reasons: DuplicateReason[];
}

export const DUPLICATE_POINTS = {
  surname: 1,
  sameName: 3,
  nameWithin: 2,
  nearlySameName: 1.5,
  sameInitial: 1,
  sharedInstitution: 2,
  sharedEmail: 3,
};

/** Full names this few letters apart count as spelling variants. */
const MAX_NAME_EDITS = 2;

/** An expert ready to compare: the name's key and words worked out once, not once per pair. */
interface Prepared<T extends ComparedExpert> {
  expert: T;
  key: string;
  words: string[];
  institutionIds: Set<string>;
}

function prepare<T extends ComparedExpert>(expert: T): Prepared<T> {
  const key = nameKey(expert.name);
  return { expert, key, words: key.split(' '), institutionIds: new Set(expert.institutions.map((i) => i.id)) };
}

/** A word of one name matches a word of the other: the same word, or its initial. */
const wordMatches = (word: string, other: string) => word === other || (word.length === 1 && other.startsWith(word));

/** Whether every word of `inner` matches a word of `outer`, in order ("j de vries" within "jan de vries"). */
function fitsWithin(inner: string[], outer: string[]): boolean {
  let position = 0;
  for (const word of inner) {
    const found = outer.findIndex((other, at) => at >= position && wordMatches(word, other));
    if (found < 0) return false;
    position = found + 1;
  }
  return true;
}

/**
 * The edit distance (Levenshtein) between two keys when it is at most `max`, else null. It gives up as
 * soon as every path costs more, which for unlike names is within the first letters: pairs are many.
 */
function editsWithin(a: string, b: string, max: number): number | null {
  if (Math.abs(a.length - b.length) > max) return null;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    row = nextEditRow(row, i, a[i - 1], b);
    if (Math.min(...row) > max) return null;
  }
  const distance = present(row.at(-1), 'the last column of the edit distance table');
  return distance <= max ? distance : null;
}

/** How alike the two full names are, beyond the shared surname: the strongest likeness, or null. */
function nameReason(a: Prepared<ComparedExpert>, b: Prepared<ComparedExpert>): DuplicateReason | null {
  if (a.key === b.key) return { text: `The same name, "${a.expert.name}"`, points: DUPLICATE_POINTS.sameName };
  for (const [inner, outer] of [
    [a, b],
    [b, a],
  ] as const) {
    if (fitsWithin(inner.words, outer.words)) {
      return { text: `"${inner.expert.name}" fits within "${outer.expert.name}"`, points: DUPLICATE_POINTS.nameWithin };
    }
  }
  const edits = editsWithin(a.key, b.key, MAX_NAME_EDITS);
  if (edits !== null) {
    return {
      text: `The names differ by ${edits === 1 ? 'one letter' : `${edits} letters`}`,
      points: DUPLICATE_POINTS.nearlySameName,
    };
  }
  const initial = a.key[0];
  if (initial !== undefined && initial === b.key[0])
    return { text: `The same first initial, ${initial.toUpperCase()}.`, points: DUPLICATE_POINTS.sameInitial };
  return null;
}

const surnameAsWritten = (name: string) => name.trim().split(/\s+/).at(-1) ?? name;

/**
 * Scores two experts who share a surname key. They are likely duplicates when their names are alike
 * (the same, one within the other, or a letter or two apart) or they share an e-mail address; a shared
 * first initial alone only counts with a shared institution, or every Jan and Joost de Vries would be
 * listed. Reasons name what they share; the points add up to the score.
 */
function scorePair(a: Prepared<ComparedExpert>, b: Prepared<ComparedExpert>): ScoredPair | null {
  const names = nameReason(a, b);
  const sameEmail = a.expert.email !== null && a.expert.email === b.expert.email;
  const shared = a.expert.institutions
    .filter((i) => b.institutionIds.has(i.id))
    .map((i) => i.name)
    .sort();
  const namesAlike = names !== null && names.points > DUPLICATE_POINTS.sameInitial;
  if (!namesAlike && !sameEmail && !(names && shared.length > 0)) return null;
  const reasons: DuplicateReason[] = [
    { text: `The same surname, ${surnameAsWritten(a.expert.name)}`, points: DUPLICATE_POINTS.surname },
  ];
  if (names) reasons.push(names);
  if (shared.length > 0)
    reasons.push({ text: `Both affiliated with ${shared.join(' and ')}`, points: DUPLICATE_POINTS.sharedInstitution });
  if (sameEmail) reasons.push({ text: 'The same e-mail address', points: DUPLICATE_POINTS.sharedEmail });
  const [first, second] = [a.expert.id, b.expert.id].sort() as [string, string];
  return { expertIds: [first, second], score: reasons.reduce((sum, reason) => sum + reason.points, 0), reasons };
}

/**
 * The likely duplicate pairs among experts who share a surname key, each pair once. With `involving`,
 * only pairs with at least one expert it admits (checked once per expert, before any pair is scored):
 * the pairs of the experts that changed.
 */
export function likelyDuplicates<T extends ComparedExpert>(
  group: T[],
  involving: (expert: T) => boolean = () => true,
): ScoredPair[] {
  const members = group.map(prepare);
  const involved = group.map(involving);
  const pairs: ScoredPair[] = [];
  for (const [i, first] of members.entries()) {
    for (const [k, second] of members.slice(i + 1).entries()) {
      if (!involved[i] && !involved[i + 1 + k]) continue;
      const pair = scorePair(first, second);
      if (pair) pairs.push(pair);
    }
  }
  return pairs;
}
