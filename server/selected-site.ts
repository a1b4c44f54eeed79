/**
 * The site a person is looking at: picked in the header's site switcher, remembered in a cookie,
 * and used as the default of every per-site tool call from the pages and the chat. A cookie that
 * names no configured site (the configuration changed) means the default site.
 */
import { readCookie } from '../lib/auth/request';
import { AppError } from '../lib/errors';
import type { HandoverService } from '../tools/handover/service/handover-service';
import { getRuntime } from './runtime';
import type { Site } from './sites';

export const SITE_COOKIE = 'pp_site';
/** A year: the choice is a preference, not a credential. */
const SITE_COOKIE_MAX_AGE_S = 365 * 86_400;

/** The chosen site, else the default; undefined when no plant runs in this process. */
export function selectedSite(cookieValue: string | undefined): Site | undefined {
  const sites = getRuntime().services.sites;
  if (!sites) return undefined;
  return sites.list().find((site) => site.id === cookieValue) ?? sites.default;
}

export function requestSite(request: Request): Site | undefined {
  return selectedSite(readCookie(request.headers.get('cookie'), SITE_COOKIE));
}

/** For a tool call's context: the site id, only when the deployment has several (tools have no `site` otherwise). */
export function siteForTools(site: Site | undefined): string | undefined {
  const sites = getRuntime().services.sites;
  return site && sites && sites.list().length > 1 ? site.id : undefined;
}

export function siteCookie(siteId: string): string {
  return `${SITE_COOKIE}=${encodeURIComponent(siteId)}; Path=/; SameSite=Strict; Max-Age=${SITE_COOKIE_MAX_AGE_S}`;
}

/** The handover service of a site (the default site's with one site, or when none is given). */
export function handoversAt(site: Site | undefined): HandoverService | undefined {
  const { services } = getRuntime();
  return (site && services.siteHandovers?.get(site.id)) ?? services.handovers;
}

/** The historian key of the site an evidence link names (`?site=`); the default site's without one. */
export function historianKeyOf(siteId: string | undefined): string {
  if (!siteId) return '';
  const sites = getRuntime().services.sites;
  if (!sites) throw new AppError('not_found', `There is no site "${siteId}" in this deployment.`);
  return sites.get(siteId).historianKey;
}
