import Link from 'next/link';
import { BackupsCard } from '../components/backups-card';
import { HealthPanel } from '../components/health-panel';
import { navItemsFor } from '../components/nav-items';
import { requirePageSession } from '../lib/auth/page-session';
import { Role } from '../lib/auth/roles';
import { listBackups } from '../lib/db/backups';
import { checkHealth } from '../lib/health';
import { getRuntime } from '../lib/runtime';

export const dynamic = 'force-dynamic';

type Params = { backup?: string; backupError?: string; denied?: string };

export default async function HomePage({ searchParams }: { searchParams: Promise<Params> }) {
  const session = await requirePageSession();
  const params = await searchParams;
  const runtime = getRuntime();
  const report = await checkHealth(runtime.health);
  const backupStatus = session.user.role === 'admin' ? runtime.services.backups?.status() : undefined;
  // Only a role name is shown: the query string is anyone's to write.
  const deniedRole = Role.safeParse(params.denied).data;
  return (
    <div className="home">
      <section className="card intro">
        <h1>Plant overview</h1>
        <p>
          Ask about the plant, its schedule, its machines’ health and its manuals. Every write to the plant — a setpoint, a command, a schedule release, a work
          order — waits for a person’s approval of exactly that change.
        </p>
      </section>
      {deniedRole && (
        <p className="banner banner-down" role="alert">
          That page needs the {deniedRole} role or above; you are signed in as {session.user.role}. Ask an admin if you need it.
        </p>
      )}
      <HealthPanel initial={report} />
      {backupStatus && (
        <BackupsCard
          status={backupStatus}
          backups={listBackups(backupStatus.dir)}
          csrfToken={session.csrfToken}
          outcome={{ taken: params.backup, error: params.backupError }}
        />
      )}
      <section className="card" aria-labelledby="sections-title">
        <h2 id="sections-title">Sections</h2>
        <ul className="sections">
          {navItemsFor(session.user.role).map((item) => (
            <li key={item.href}>
              <Link href={item.href}>{item.label}</Link> — {item.summary}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
