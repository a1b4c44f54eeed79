/**
 * Where to send a browser after sign-in: only a path on this app. The candidate is parsed the way
 * a browser parses a Location (WHATWG URL: backslashes count as slashes, tabs and newlines are
 * dropped, dot segments resolve), so `/\evil.example`, `/<tab>/evil.example` and `/.//evil.example`
 * are seen as the other site they would reach, and refused.
 */
const BASE = 'http://plantpilot.invalid';

export function sameOriginPath(candidate: string | undefined | null, fallback = '/'): string {
  if (!candidate || !candidate.startsWith('/')) return fallback;
  let url: URL;
  try {
    url = new URL(candidate, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A normalised path that begins `//` or `/\` would be read as another host by the browser.
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  return path;
}
