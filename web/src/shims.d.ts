// The little of React's API that the GraphiQL page uses (React has no types installed here: the pages
// themselves are plain DOM, and GraphiQL is a React component).
declare module 'react' {
  export type ComponentType = (props: never) => unknown;
  export function createElement(type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]): unknown;
}
declare module 'react-dom/client' {
  export function createRoot(container: Element): { render(element: unknown): void };
}
// Example operations are bundled as text.
declare module '*.graphql' {
  const text: string;
  export default text;
}
