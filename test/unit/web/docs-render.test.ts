// The guides as the server shows them: links between documents point at the rendered files, with GitHub's
// heading ids; links to other files of the repository become plain text; markup in a document stays text.
import { describe, expect, it } from 'vitest';
import { renderDoc } from '../../../web/docs.js';

const SOURCES = ['README.md', 'docs/README.md', 'docs/api.md', 'docs/officers.md'];
const render = (markdown: string, from = 'docs/officers.md') => renderDoc(from, markdown, SOURCES);

describe('a document rendered for /docs/', () => {
  it('gives headings the ids GitHub gives them, and takes its title from the first', () => {
    const html = render('# Policy officers\n\n## Filing your question as an inquiry\n');
    expect(html).toContain('<h2 id="filing-your-question-as-an-inquiry">');
    expect(html).toContain('<title>Policy officers — expertise graph</title>');
  });

  it('points links at the rendered documents, anchors kept', () => {
    expect(render('[API](api.md#limits)')).toContain('<a href="api.html#limits">API</a>');
    expect(render('[index](README.md)')).toContain('<a href="index.html">index</a>');
    expect(render('[README](../README.md)')).toContain('<a href="readme.html">README</a>');
    expect(render('[guide](docs/officers.md)', 'README.md')).toContain('<a href="officers.html">guide</a>');
    expect(render('[here](#asking)')).toContain('<a href="#asking">here</a>');
  });

  it('keeps images beside the documents', () => {
    expect(render('![search](images/search.png)')).toContain('src="images/search.png"');
    expect(render('![search](docs/images/search.png)', 'README.md')).toContain('src="images/search.png"');
  });

  it('shows a link to a file the server does not have as its path', () => {
    const html = render('the [`schema`](../schema/schema.graphql) file');
    expect(html).toContain(
      '<span class="repo-path" title="in the repository: schema/schema.graphql"><code>schema</code></span>',
    );
    expect(html).not.toContain('href="../schema');
  });

  it('leaves links to other sites alone', () => {
    expect(render('[pino](https://getpino.io)')).toContain('<a href="https://getpino.io">pino</a>');
  });

  it('renders markup written in a document as text', () => {
    const html = render('<script>alert(1)</script>\n\nA <img src=x onerror=alert(1)> inline.');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
  });
});
