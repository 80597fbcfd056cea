// The asking institution found by typing (institutions(search:)), for the desk's intake edit and the search page's
// filing form: the field takes the institution's slug, the suggestions show its name.
import { InstitutionsDocument } from '../gql/graphql';
import { request } from './client';
import { h } from './dom';
import { localName } from './i18n';

/**
 * Suggests institutions by name as `input` is typed into, in a datalist it returns (to be placed beside it). A late
 * answer to an earlier word is dropped.
 */
export function suggestInstitutions(input: HTMLInputElement): HTMLDataListElement {
  const options = h('datalist', { id: `${input.name}-institutions` });
  input.setAttribute('list', options.id);
  let asked = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const words = input.value.trim();
    if (words.length < 2) return;
    timer = setTimeout(() => {
      asked = words;
      request(InstitutionsDocument, { search: words }).then(
        ({ data }) => {
          if (asked !== words) return;
          options.replaceChildren(
            ...data.institutions.edges.map(({ node }) => h('option', { value: node.slug, label: localName(node) })),
          );
        },
        () => undefined, // suggestions only: the field still takes a slug typed in full
      );
    }, 250);
  });
  return options;
}
