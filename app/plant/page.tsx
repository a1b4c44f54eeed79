import { boardCatalogue, boardSnapshot } from '../../components/plant/board-data';
import { PlantBoard } from '../../components/plant/plant-board';
import { requirePageSession } from '../../lib/auth/page-session';
import { getRuntime } from '@/server/runtime';
import { pageSite } from '@/server/page-site';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function PlantPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageSession();
  const params = await searchParams;
  // The site picked in the header; with one site, the plant as before.
  const site = await pageSite();
  const several = (getRuntime().services.sites?.list().length ?? 0) > 1;
  const plant = site ? site.part.current()?.plant : getRuntime().services.plant;
  if (!plant) {
    return (
      <section className="card">
        <h1>Plant</h1>
        <p className="banner banner-down" role="alert">
          The plant connection is not running in this server, so there is nothing live to show. Check /api/health and the server log: is OPCUA_ENDPOINT
          reachable, or is the built-in twin running?
        </p>
      </section>
    );
  }
  const assets = boardCatalogue(plant.listAssets());
  const asset = first(params.asset);
  return (
    <section className="card">
      <h1>Plant{several && site ? ` — site ${site.name}` : ''}</h1>
      <p className="muted">
        Live state from the plant over OPC UA. Every value carries its quality: stale or bad values are marked and are the last known ones, never current. Pick
        a machine to filter the alarms and trend its tags.
      </p>
      <PlantBoard
        initial={boardSnapshot(plant, new Date())}
        assets={assets}
        initialAsset={assets.some((candidate) => candidate.id === asset) ? asset : undefined}
        initialTag={first(params.tag)}
      />
    </section>
  );
}
