import { plantGlance } from '../components/home/plant-glance';
import { PlantAtAGlance } from '../components/home/plant-at-a-glance';
import { requirePageSession } from '../lib/auth/page-session';
import { Role } from '../lib/auth/roles';
import { checkHealth } from '../lib/health';
import { getRuntime } from '@/server/runtime';
import { pageSite } from '@/server/page-site';
import { siteForTools } from '@/server/selected-site';

export const dynamic = 'force-dynamic';

type Params = { denied?: string };

/** The landing page: the plant at a glance for whoever arrives; system health is one link away. */
export default async function HomePage({ searchParams }: { searchParams: Promise<Params> }) {
  const session = await requirePageSession();
  const params = await searchParams;
  const runtime = getRuntime();
  // The overview of the site picked in the header (several sites only).
  const site = await pageSite();
  const siteId = siteForTools(site);
  const [glance, health] = await Promise.all([plantGlance(session, new Date(), siteId), runtime.readiness?.report() ?? checkHealth(runtime.health)]);
  // Only a role name is shown: the query string is anyone's to write.
  const deniedRole = Role.safeParse(params.denied).data;
  return (
    <div className="home">
      <h1 className="page-title">Plant overview{siteId && site ? ` — site ${site.name}` : ''}</h1>
      {deniedRole && (
        <p className="banner banner-down" role="alert">
          That page needs the {deniedRole} role or above; you are signed in as {session.user.role}. Ask an admin if you need it.
        </p>
      )}
      <PlantAtAGlance glance={glance} health={health} />
    </div>
  );
}
