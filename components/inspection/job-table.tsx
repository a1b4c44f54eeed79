import Link from 'next/link';
import type { InspectionJobView } from '../../tools/inspection/tools/trigger-inspection';
import styles from './job-table.module.css';
import { PlantTime } from '../plant-time';

export type JobRow = InspectionJobView & { createdAt: string; attempts: number; maxAttempts: number };

/** Recent inspection jobs with their state; a failed or retrying job shows its reason. */
export function JobTable({ jobs }: { jobs: readonly JobRow[] }) {
  if (jobs.length === 0) return <p className="muted">No inspections yet. Inspect a lot with the form above, or ask in chat.</p>;
  return (
    <table className={styles.jobs}>
      <thead>
        <tr>
          <th>Board</th>
          <th>Lot</th>
          <th>AOI</th>
          <th>State</th>
          <th className={styles.number}>Defects</th>
          <th>Requested</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.jobId} data-job={job.jobId} data-state={job.state}>
            <td>
              <Link href={job.href}>{job.boardSerial}</Link>
            </td>
            <td>{job.lotId}</td>
            <td>{job.aoiMachineId ?? '—'}</td>
            <td>
              <span className={`${styles.state} ${styles[job.state]}`}>{job.state}</span>
              {job.state !== 'done' && job.attempts > 0 && (
                <span className="muted">
                  {' '}
                  attempt {job.attempts}/{job.maxAttempts}
                </span>
              )}
              {job.error && <div className={styles.error}>{job.error}</div>}
            </td>
            <td className={styles.number}>{job.defectCount ?? '—'}</td>
            <td>
              <PlantTime at={job.createdAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
