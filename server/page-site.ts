/** The selected site for server components, which read cookies through next/headers. */
import { cookies } from 'next/headers';
import { selectedSite, SITE_COOKIE } from './selected-site';
import type { Site } from './sites';

export async function pageSite(): Promise<Site | undefined> {
  return selectedSite((await cookies()).get(SITE_COOKIE)?.value);
}
