// Where an expert's profile is: every page that names an expert links there (src/http/pages.ts serves it).
export const expertPath = (slug: string): string => `/experts/${encodeURIComponent(slug)}`;
