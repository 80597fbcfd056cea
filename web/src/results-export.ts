// The search page's results as a CSV file for a spreadsheet, made in the browser from every expert found.
import { csvFileName, csvText } from './lib/csv';
import { expertPath } from './lib/experts';
import { currentLang, type Lang } from './lib/i18n';
import { currentPlace, type ExpertEdge, localHeadline } from './expert-card';
import { distinctReasons, strongestReason } from './lib/reasons';
import type { SearchLabel } from './search-text';

/** The rows of the CSV: a header, then per expert name, headline, institution, why and the profile's address. */
export function resultRows(
  edges: readonly ExpertEdge[],
  t: (key: SearchLabel) => string,
  lang: Lang,
  origin: string,
): string[][] {
  return [
    [t('csvName'), t('csvHeadline'), t('csvInstitution'), t('csvWhy'), t('csvProfile')],
    ...edges.map(({ node, reasons }) => [
      node.name,
      localHeadline(node, lang) ?? '',
      currentPlace(node)?.institution ?? '',
      strongestReason(distinctReasons(reasons))?.text ?? '',
      origin + expertPath(node.slug),
    ]),
  ];
}

/**
 * Saves the experts as a CSV file. A Dutch page writes semicolons between fields, as a spreadsheet set to Dutch
 * reads them (it takes the comma for decimals); an English one commas.
 */
export function downloadCsv(edges: readonly ExpertEdge[], question: string, t: (key: SearchLabel) => string): void {
  const lang = currentLang();
  const text = csvText(resultRows(edges, t, lang, location.origin), lang === 'nl' ? ';' : ',');
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = csvFileName(question);
  link.click();
  // The download has started from the link; the file's text can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
