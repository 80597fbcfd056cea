// Why an expert is suggested, as the search page and the desk show it: in words, strongest first, no scores.
import type { WhoKnowsQuery } from '../gql/graphql';
import { h } from './dom';

/** What a reason needs to be shown: its words, its kind and its weight. */
type Reason = Pick<WhoKnowsQuery['whoKnows']['edges'][number]['reasons'][number], 'text' | 'kind' | 'points'>;

/** The reasons with each text once, in the API's order. */
export const distinctReasons = <R extends Reason>(reasons: readonly R[]): R[] =>
  reasons.filter((reason, index) => reasons.findIndex((other) => other.text === reason.text) === index);

/** The reason that weighs most (the first of equals), or undefined for none. */
export const strongestReason = <R extends Reason>(reasons: readonly R[]): R | undefined =>
  reasons.reduce<R | undefined>((best, reason) => (!best || reason.points > best.points ? reason : best), undefined);

/** The words around the reasons: the list's label and "{n} more" (with `{n}` in it). */
export interface WhyLabels {
  reasons: string;
  moreReasons: string;
}

/**
 * Why the expert is here: the strongest reason as one line; the others (each text once) in a native disclosure under
 * it, which the keyboard opens and closes like a button. One reason alone is a plain line. The search page and the
 * desk's suggestions show reasons this way, in words and without scores.
 */
export function why(reasons: readonly Reason[], t: (key: keyof WhyLabels) => string): HTMLElement | null {
  const distinct = distinctReasons(reasons);
  const strongest = strongestReason(distinct);
  if (!strongest) return null;
  const line = h('span', { class: 'reason why-line', dataset: { kind: strongest.kind } }, strongest.text);
  const others = distinct.filter((reason) => reason !== strongest);
  if (others.length === 0) return h('p', { class: 'why' }, line);
  return h(
    'details',
    { class: 'why' },
    h(
      'summary',
      {},
      line,
      ' ',
      h('span', { class: 'why-more' }, `(${t('moreReasons').replace('{n}', String(others.length))})`),
    ),
    h(
      'ul',
      { class: 'reasons', 'aria-label': t('reasons') },
      others.map((reason) => h('li', { class: 'reason', dataset: { kind: reason.kind } }, reason.text)),
    ),
  );
}
