import { describe, expect, it } from 'vitest';
import { privacyFindings } from '../../../src/faq/privacy.js';

describe('personal details in an article', () => {
  it('finds e-mail addresses, phone numbers and the sources’ names, in any case and accent', () => {
    const findings = privacyFindings(
      { answerEn: 'Ask Lotte van Beek (lotte.vanbeek@example.org, +31 6 1234 5678) at UTRECHT UNIVERSITY.' },
      ['Lotte van Beek', 'Utrecht University'],
    );
    expect(findings.map((f) => [f.kind, f.found])).toEqual([
      ['EMAIL', 'lotte.vanbeek@example.org'],
      ['PHONE', '+31 6 1234 5678'],
      ['SOURCE_NAME', 'Lotte van Beek'],
      ['SOURCE_NAME', 'UTRECHT UNIVERSITY'],
    ]);
  });

  it('lets years, regulation numbers and other institutions pass', () => {
    const text = 'Since 2022, Regulation 833/2014 applies; Harbin Institute of Technology is on the Entity List.';
    expect(privacyFindings({ answerEn: text }, ['Utrecht University', 'Jo'])).toEqual([]);
  });
});
