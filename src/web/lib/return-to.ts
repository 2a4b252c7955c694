/**
 * Where to go after signing in: back to the page that asked for it (kept by RequireSignIn in the
 * router's location state), but only a path on this site — never `//host`, `/\host` or a full URL,
 * so a crafted link cannot send a person elsewhere after they sign in.
 */
export function returnPath(state: unknown): string {
  const from = state && typeof state === 'object' && 'from' in state ? (state as { from: unknown }).from : undefined;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/\\')) return '/';
  // No control characters or whitespace (browsers strip tabs and newlines from URLs, which could turn `/\t/host` into `//host`).
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f\\]/.test(from)) return '/';
  try {
    const base = 'https://confer.invalid';
    const url = new URL(from, base);
    if (url.origin !== base) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}

/** The state RequireSignIn hands to /sign-in: the path and query of the page that was asked for. */
export function returnState(location: { pathname: string; search: string }): { from: string } {
  return { from: `${location.pathname}${location.search}` };
}
