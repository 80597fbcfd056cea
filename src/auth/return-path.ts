/**
 * Where a sign-in may send the browser back to: a path of this server only (`/desk?inquiry=…`), never another site
 * (`//evil.example`, `/\evil.example`, `https://…`), nor the sign-in routes themselves; anything else is `/`.
 */
export function safeReturnPath(raw: string | null | undefined): string {
  if (!raw || raw.length > 2000) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return '/';
  // Control characters (a tab or newline inside "//") would let a browser read it as another host.
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) < 0x20 || raw.charCodeAt(i) === 0x7f) return '/';
  let parsed: URL;
  try {
    parsed = new URL(raw, 'http://return.invalid');
  } catch {
    return '/';
  }
  if (parsed.origin !== 'http://return.invalid' || parsed.pathname.startsWith('/auth/')) return '/';
  return parsed.pathname + parsed.search + parsed.hash;
}
