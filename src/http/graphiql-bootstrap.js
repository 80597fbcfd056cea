// Starts GraphiQL (served as /graphiql/bootstrap.js). Kept out of the HTML so the page has
// no inline script and works under a CSP of script-src 'self'.
// Expects the React, ReactDOM and GraphiQL UMD globals, loaded before this file (all `defer`).
(function () {
  'use strict';
  var opts = JSON.parse(document.getElementById('graphiql-options').textContent);
  var container = document.getElementById('graphiql');

  // Styles set through the DOM rather than a <style> element or style="" (both need CSP 'unsafe-inline').
  document.body.style.margin = '0';
  container.style.height = '100vh';

  // query/variables (not defaultQuery) so every load opens the example, even when localStorage
  // holds tabs from an earlier session: GraphiQL then re-activates an identical saved tab or
  // appends a new one, keeping the others. (GraphiQL 3 has no defaultVariables prop, and
  // defaultTabs does not fill the variables editor.) Rendered once, so edits are not reset.
  ReactDOM.createRoot(container).render(
    React.createElement(GraphiQL, {
      fetcher: GraphiQL.createFetcher({ url: opts.endpoint }),
      query: opts.defaultQuery,
      variables: opts.defaultVariables,
      defaultHeaders: opts.defaultHeaders,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false, // headers may hold tokens; keep them out of localStorage
      defaultEditorToolsVisibility: 'variables',
    }),
  );
})();
