/**
 * System health: each part of Plantpilot (database, plant connection, material and fleet, model, embeddings) with its
 * detail, and for admins the database backups. Kept off the landing page, which is about the plant.
 */
import { BackupsCard } from '../../components/backups-card';
import { HealthPanel } from '../../components/health-panel';
import { requirePageSession } from '../../lib/auth/page-session';
import { listBackups } from '../../lib/db/backups';
import { checkHealth } from '../../lib/health';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

type Params = { backup?: string; backupError?: string };

export default async function HealthPage({ searchParams }: { searchParams: Promise<Params> }) {
  const session = await requirePageSession();
  const params = await searchParams;
  const runtime = getRuntime();
  const report = await checkHealth(runtime.health);
  const backupStatus = session.user.role === 'admin' ? runtime.services.backups?.status() : undefined;
  return (
    <div className="home">
      <HealthPanel initial={report} />
      {backupStatus && (
        <BackupsCard
          status={backupStatus}
          backups={listBackups(backupStatus.dir)}
          csrfToken={session.csrfToken}
          outcome={{ taken: params.backup, error: params.backupError }}
        />
      )}
    </div>
  );
}
