/**
 * A report for a site other than the default one: its citations that open a list or a tag window
 * carry `site=<id>`, so the evidence page reads that site's history (events, approvals and notes
 * are opened by id and need no site). Pure: a copy of the value with those hrefs rewritten.
 */
const SITE_SCOPED_PATHS = new Set(['/handovers/tags', '/handovers/events', '/handovers/notes']);

function withSite(href: string, siteId: string): string {
  const url = new URL(href, 'http://plantpilot.local');
  if (!SITE_SCOPED_PATHS.has(url.pathname) || url.searchParams.has('site')) return href;
  url.searchParams.set('site', siteId);
  return `${url.pathname}${url.search}${url.hash}`;
}

export function withSiteHrefs<T>(value: T, siteId: string): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withSiteHrefs(item, siteId)) as T;
  // Only plain data is rewritten (a Date or a class instance is passed as it is).
  if (!value || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, key === 'href' && typeof item === 'string' ? withSite(item, siteId) : withSiteHrefs(item, siteId)]),
  ) as T;
}
