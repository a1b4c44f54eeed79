/**
 * Admins' view of the embedded database's backups on the overview: the schedule, the newest few,
 * and a plain form (works without JavaScript) to take one now, e.g. before an upgrade.
 */
import type { BackupFile } from '../lib/db/backups';
import type { BackupStatus } from '../lib/db/backup-service';
import { PlantTime } from './plant-time';

const SHOWN = 5;

export function BackupsCard({
  status,
  backups,
  csrfToken,
  outcome,
}: {
  status: BackupStatus;
  backups: BackupFile[];
  csrfToken: string;
  outcome: { taken?: string; error?: string };
}) {
  return (
    <section className="card" aria-labelledby="backups-title">
      <h2 id="backups-title">Database backups</h2>
      <p className="muted">
        The embedded database is backed up every {status.everyHours} h into <code>{status.dir}</code>; the newest {status.keep} are kept. Restore one with{' '}
        <code>plantpilot db restore &lt;file&gt;</code> while the app is stopped.
      </p>
      {outcome.taken && <p className="banner banner-ok">Backup written: {outcome.taken}</p>}
      {outcome.error && <p className="banner banner-down">The backup failed: {outcome.error}</p>}
      {status.failure && !outcome.error && (
        <p className="banner banner-down">
          The last scheduled backup failed at <PlantTime at={status.failure.at} />: {status.failure.message}
        </p>
      )}
      {backups.length === 0 ? (
        <p>No backup yet.</p>
      ) : (
        <table className="backups">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Size</th>
              <th scope="col">File</th>
            </tr>
          </thead>
          <tbody>
            {backups.slice(0, SHOWN).map((backup) => (
              <tr key={backup.name}>
                <td>
                  <PlantTime at={backup.takenAt} />
                </td>
                <td>{(backup.bytes / 1024 / 1024).toFixed(1)} MB</td>
                <td>
                  <code>{backup.name}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form method="post" action="/api/admin/backups">
        <input type="hidden" name="csrf" value={csrfToken} />
        <button type="submit">Back up now</button>
      </form>
    </section>
  );
}
