/**
 * A link on a platform's own site from a path the API sent: resolved with `new URL`, never
 * by gluing strings (a permalink `@evil.example/x` glued to `https://www.reddit.com` names
 * another host), and null unless it still points at that site.
 */
export function linkOn(origin: string, path: unknown): string | null {
  if (typeof path !== 'string' || path === '') return null;
  try {
    const url = new URL(path, origin);
    return url.origin === new URL(origin).origin ? url.href : null;
  } catch {
    return null;
  }
}
