import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml, tooltipLines } from '../../../web/src/lib/dom.js';

const WEB_SRC = path.resolve(import.meta.dirname, '../../../web/src');

describe('text for the few places that take markup (echarts tooltips)', () => {
  it('escapes every character that could open markup or leave an attribute', () => {
    expect(escapeHtml(`<meta http-equiv="refresh" content='0'> & <b>`)).toBe(
      '&lt;meta http-equiv=&quot;refresh&quot; content=&#39;0&#39;&gt; &amp; &lt;b&gt;',
    );
    expect(escapeHtml(12)).toBe('12');
    expect(escapeHtml('Halfgeleiders × Oost-Azië')).toBe('Halfgeleiders × Oost-Azië');
  });

  it('joins escaped lines with <br>, the only markup in a tooltip', () => {
    expect(tooltipLines('<img src=x onerror=alert(1)> × China', '1 experts')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; × China<br>1 experts',
    );
  });
});

describe('the pages give the API no way into markup', () => {
  const sources = () =>
    readdirSync(WEB_SRC, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file) && !file.startsWith('gql'))
      .map((file) => ({ file, text: readFileSync(path.join(WEB_SRC, file), 'utf8') }));

  it('no page source uses a DOM sink that parses markup', () => {
    const sinks = new RegExp(
      [
        String.raw`\.(?:innerHTML|outerHTML)\s*=`,
        'insertAdjacentHTML',
        String.raw`document\.write`,
        'createContextualFragment',
        'DOMParser',
        'dangerouslySetInnerHTML',
      ].join('|'),
    );
    expect(
      sources()
        .filter(({ text }) => sinks.test(text))
        .map(({ file }) => file),
    ).toEqual([]);
  });

  it('every echarts tooltip formatter that is a function builds its markup with the escaping helpers', () => {
    // A tooltip's (not a label's: labels are drawn as SVG text) formatter function returns HTML.
    const tooltipFormatters = sources().filter(({ text }) => /tooltip:\s*\{[^}]*formatter:\s*\(/s.test(text));
    expect(tooltipFormatters.map(({ file }) => file)).toEqual(['dashboard-charts.ts']);
    for (const { text } of tooltipFormatters)
      expect(text).toMatch(/import \{[^}]*\b(tooltipLines|escapeHtml)\b[^}]*\} from '\.\/lib\/dom'/);
  });
});
