// A small element builder: the pages make their DOM with text nodes and properties only (never innerHTML),
// so that no text from the API can become markup; where a library takes markup (echarts' tooltips), the text
// goes through escapeHtml below.
type Child = Node | string | number | null | undefined | false;
type Props = Record<string, unknown> & {
  class?: string;
  dataset?: Record<string, string>;
  on?: Record<string, (event: Event) => void>;
};

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Array<Child | Child[]>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') element.className = value as string;
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key === 'on')
      for (const [name, handler] of Object.entries(value as Record<string, EventListener>))
        element.addEventListener(name, handler);
    else if (key in element) (element as unknown as Record<string, unknown>)[key] = value;
    else element.setAttribute(key, `${value as string | number | boolean}`);
  }
  append(element, children);
  return element;
}

function append(parent: Node, children: Array<Child | Child[]>): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
    );
  }
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text as HTML that shows it literally. The one place for the few APIs that take markup, not nodes (echarts'
 * tooltip formatters): every string from the API that goes into markup passes through here.
 */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Lines of text as markup for an echarts tooltip: each line escaped, the lines joined with <br>. */
export function tooltipLines(...lines: Array<string | number>): string {
  return lines.map(escapeHtml).join('<br>');
}

/** Replaces an element's content. */
export function render(parent: Element, ...children: Array<Child | Child[]>): void {
  parent.replaceChildren();
  append(parent, children);
}

/** An element the page's HTML always has (src/http/pages.ts): a page without it is broken, and says so. */
export function elementById(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no #${id} element`);
  return element;
}
