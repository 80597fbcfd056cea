// GraphiQL's page: the header at once, then the editor (React, GraphiQL and Monaco: nearly all of the page's
// weight, script and CSS) as a part of its own, at the address the page's options give (web/build.ts), so that
// the first paint waits for none of it.
import './graphiql.css';
import type { mountGraphiQL } from './graphiql-editor';
import { labels } from './lib/i18n';
import { elementById, h } from './lib/dom';
import { mountHeader, pageOptions } from './lib/signin';

const t = labels({
  en: { failed: 'GraphiQL could not load: reload the page.' },
  nl: { failed: 'GraphiQL kon niet laden: laad de pagina opnieuw.' },
});

const options = pageOptions();
const entry = (name: string) => {
  const built = options.entries?.[name];
  if (!built) throw new Error(`The page's options name no ${name} part`);
  return built;
};

// Monaco's workers, bundled as files of their own (no blob: or CDN addresses).
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    const name = label === 'json' ? 'json.worker' : label === 'graphql' ? 'graphql.worker' : 'editor.worker';
    return new Worker(entry(name).script);
  },
};

mountHeader(elementById('header'), { ...options, current: 'graphiql' });

/** The editor's stylesheet, loaded beside its script: GraphiQL is drawn once both are there. */
function loadStyle(href: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = h('link', {
      rel: 'stylesheet',
      href,
      on: { load: () => resolve(), error: () => reject(new Error(href)) },
    });
    document.head.append(link);
  });
}

const container = elementById('graphiql');
const editor = entry('graphiql-editor');
Promise.all([
  import(editor.script) as Promise<{ mountGraphiQL: typeof mountGraphiQL }>,
  editor.style ? loadStyle(editor.style) : undefined,
]).then(
  ([loaded]) => loaded.mountGraphiQL(container),
  (error: unknown) => {
    container.textContent = t('failed');
    throw error;
  },
);
