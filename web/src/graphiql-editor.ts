// GraphiQL 5 served by the app, the heavy part of its page (React, GraphiQL, Monaco), loaded by graphiql.ts
// after the header is drawn: the explorer plugin, an "Examples" plugin that opens the repository's example
// operations (web/operations/*.graphql, the same files the pages and codegen use) in tabs, and the pages'
// sign-in instead of a headers editor to paste tokens into.
import { explorerPlugin } from '@graphiql/plugin-explorer';
import '@graphiql/plugin-explorer/style.css';
import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './graphiql-editor.css';
import { getOperationAST, parse } from 'graphql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { EXAMPLES, type Example } from './examples';
import { keepGraphiqlAccessible } from './graphiql-a11y';
import { sessionHeaders } from './lib/session';

// The session's cookie and CSRF token go with every request GraphiQL sends; headers typed in its editor (an
// Authorization header, say) still win.
const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  fetch: (input: RequestInfo | URL, init?: RequestInit) =>
    fetch(input, {
      ...init,
      credentials: 'same-origin',
      headers: { ...sessionHeaders(), ...(init?.headers as Record<string, string> | undefined) },
    }),
});

function ExamplesPanel() {
  const { addTab, setOperationName } = useGraphiQLActions() as {
    addTab: () => void;
    setOperationName: (name: string) => void;
  };
  const queryEditor = useGraphiQL((state: { queryEditor?: { setValue(v: string): void } }) => state.queryEditor);
  const variableEditor = useGraphiQL(
    (state: { variableEditor?: { setValue(v: string): void } }) => state.variableEditor,
  );
  const open = (example: Example) => {
    addTab();
    queryEditor?.setValue(example.query);
    variableEditor?.setValue(example.variables);
    // GraphiQL reads the operation name from the editor only after a pause: run at once, it would send the
    // previous tab's name with this query ("Unknown operation named …").
    const name = getOperationAST(parse(example.query))?.name?.value;
    if (name) setOperationName(name);
  };
  return createElement(
    'div',
    { className: 'examples-panel' },
    createElement('div', { className: 'graphiql-doc-explorer-title' }, 'Examples'),
    createElement(
      'ul',
      null,
      EXAMPLES.map((example) =>
        createElement(
          'li',
          { key: example.name },
          createElement(
            'button',
            { type: 'button', className: 'example-open', 'data-example': example.name, onClick: () => open(example) },
            example.title,
          ),
          createElement('p', null, example.description),
        ),
      ),
    ),
  );
}

const examplesPlugin = {
  title: 'Examples',
  // A drawn icon, not letters: GraphiQL names the button "Show Examples", and visible text must be part of the name.
  icon: () =>
    createElement(
      'svg',
      {
        'aria-hidden': true,
        viewBox: '0 0 24 24',
        width: '1.2em',
        height: '1.2em',
        fill: 'none',
        stroke: 'currentColor',
      },
      createElement('path', { d: 'M4 5h16M4 12h16M4 19h10', strokeWidth: 2, strokeLinecap: 'round' }),
    ),
  content: ExamplesPanel,
};

/** Draws GraphiQL into `container`, opening the first example. */
export function mountGraphiQL(container: Element): void {
  const first = EXAMPLES[0];
  if (!first) throw new Error('examples.json lists no example to open');
  createRoot(container).render(
    createElement(GraphiQL, {
      fetcher,
      plugins: [examplesPlugin, explorerPlugin()],
      // query/variables (not only defaultTabs) so that every load opens the first example, even when storage
      // holds tabs from an earlier session: GraphiQL re-activates an identical saved tab or adds one.
      initialQuery: first.query,
      initialVariables: first.variables,
      defaultTabs: EXAMPLES.map((example) => ({ query: example.query, variables: example.variables })),
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'variables',
    }),
  );
  keepGraphiqlAccessible(container);
}
