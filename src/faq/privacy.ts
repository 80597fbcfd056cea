/**
 * What must not be published: an article is rewritten from inquiries without personal or confidential details.
 * Pure: finds e-mail addresses, telephone numbers and the names the source inquiries hold (the asker, the
 * institution that asked) in the text that would be published, so that the editor can show them and publishing
 * is refused while any remain.
 */
export interface PrivacyFinding {
  /** Which text: questionEn, answerNl, … */
  field: string;
  /** What was found, as it stands in the text. */
  found: string;
  kind: 'EMAIL' | 'PHONE' | 'SOURCE_NAME';
}

const EMAIL = /[\p{Letter}\p{Number}._%+-]+@[\p{Letter}\p{Number}.-]+\.\p{Letter}{2,}/gu;
// Dutch and international numbers: +31 6 1234 5678, 070-1234567, (020) 123 4567; at least 9 digits in all.
const PHONE = /(?:\+\d{1,3}[\s-]?)?(?:\(\d{2,4}\)[\s-]?)?\d[\d\s-]{7,}\d/g;

const folded = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '');

/** The personal or confidential details in `texts` (by field), given the names the source inquiries hold. */
export function privacyFindings(texts: Record<string, string>, sourceNames: readonly string[]): PrivacyFinding[] {
  const findings: PrivacyFinding[] = [];
  const names = [...new Set(sourceNames.map((name) => name.trim()).filter((name) => name.length >= 3))];
  for (const [field, text] of Object.entries(texts)) {
    for (const match of text.matchAll(EMAIL)) findings.push({ field, found: match[0], kind: 'EMAIL' });
    for (const match of text.matchAll(PHONE)) {
      const digits = match[0].replace(/\D/g, '');
      if (digits.length >= 9 && !/^(19|20)\d{2}$/.test(digits))
        findings.push({ field, found: match[0].trim(), kind: 'PHONE' });
    }
    const plain = folded(text);
    for (const name of names) {
      const at = plain.indexOf(folded(name));
      if (at >= 0) findings.push({ field, found: text.slice(at, at + name.length), kind: 'SOURCE_NAME' });
    }
  }
  return findings;
}
