import Link from 'next/link';
import { BoardViewer } from '../../components/inspection/board-viewer';
import { DefectPareto } from '../../components/inspection/defect-pareto';
import { JobTable } from '../../components/inspection/job-table';
import { TriggerForm } from '../../components/inspection/trigger-form';
import { INITIAL_ORDERS } from '../../connectors/twin/catalogue';
import { requirePageSession } from '../../lib/auth/page-session';
import { atLeast } from '../../lib/auth/roles';
import { getRuntime } from '@/server/runtime';
import { imageHref } from '../../tools/inspection/service/image-store';
import { jobView } from '../../tools/inspection/tools/trigger-inspection';

export const dynamic = 'force-dynamic';

const DAY_MS = 24 * 3_600_000;

export default async function InspectionPage() {
  const session = await requirePageSession();
  const inspection = getRuntime().services.inspection;
  if (!inspection) {
    return (
      <section className="card">
        <h1>Inspection</h1>
        <p className="banner banner-down">
          The inspection service is not running in this server, so no inspections can be shown or started. Check the server log and /api/health.
        </p>
      </section>
    );
  }
  const [jobs, counts, lastDay, health] = await Promise.all([
    inspection.listJobs({ limit: 50 }),
    inspection.counts(),
    inspection.results({ from: new Date(Date.now() - DAY_MS) }),
    inspection.health(),
  ]);
  // Newest first: the most recent board where the AOI found something, to look at straight away.
  const lastDefective = jobs.find((job) => job.state === 'done' && (job.result?.defects.length ?? 0) > 0);
  const inspectedBoards = jobs.filter((job) => job.state === 'done').length;
  return (
    <>
      <section className="card">
        <h1>Inspection</h1>
        <p className="muted">
          Automated optical inspection of bare boards: each board’s test image is compared with its template and every defect is boxed and classified. Backend:{' '}
          {inspection.backend.name === 'cpu' ? 'CPU engine in this server' : inspection.backend.name}.
        </p>
        {!health.ok && <p className="banner banner-down">{health.reason} Queued inspections wait and retry until it is back.</p>}
        <p>
          {counts.queued} queued · {counts.running} running · {counts.done} done · {counts.failed} failed
        </p>
        {atLeast(session.user.role, 'operator') ? (
          <TriggerForm csrfToken={session.csrfToken} orders={INITIAL_ORDERS.map((order) => order.id)} />
        ) : (
          <p className="muted">Operators and above can start inspections.</p>
        )}
      </section>
      <section className="card" aria-labelledby="pareto-title">
        <h2 id="pareto-title">Defects in the last 24 hours</h2>
        <p>
          {lastDay.boardsInspected} boards inspected
          {lastDay.yieldPct !== null && `, yield ${lastDay.yieldPct} %`}, {lastDay.defectCount} defects.
        </p>
        {lastDay.boardsInspected === 0 ? (
          <p className="muted" data-testid="pareto-empty">
            No board was inspected in the last 24 hours, so there is no defect Pareto yet. Inspect a lot above or ask in chat.
          </p>
        ) : lastDay.defectCount === 0 ? (
          <p data-testid="pareto-empty">
            No defects found in the {lastDay.boardsInspected} board{lastDay.boardsInspected === 1 ? '' : 's'} inspected in the last 24 hours.
          </p>
        ) : (
          <DefectPareto pareto={lastDay.pareto} />
        )}
      </section>
      <section className="card" aria-labelledby="last-defect-title" data-testid="last-defective-board">
        <h2 id="last-defect-title">Last board with defects</h2>
        {lastDefective?.result ? (
          <>
            <p>
              <Link href={`/inspection/${lastDefective.id}`}>
                Board {lastDefective.boardSerial} of lot {lastDefective.lotId}
              </Link>{' '}
              <span className="muted">
                · {lastDefective.lineId ?? 'image pair'} · {lastDefective.result.defects.length} defect{lastDefective.result.defects.length === 1 ? '' : 's'}
              </span>
            </p>
            <BoardViewer
              testHref={imageHref(lastDefective.testRef)}
              templateHref={imageHref(lastDefective.templateRef)}
              widthPx={lastDefective.result.widthPx}
              heightPx={lastDefective.result.heightPx}
              defects={lastDefective.result.defects}
            />
          </>
        ) : (
          <p className="muted">
            {inspectedBoards === 0
              ? 'No board has been inspected yet.'
              : `None of the last ${inspectedBoards} inspected board${inspectedBoards === 1 ? '' : 's'} had a defect.`}
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="jobs-title">
        <h2 id="jobs-title">Recent inspections</h2>
        <JobTable
          jobs={jobs.map((job) => ({ ...jobView(job), createdAt: job.createdAt.toISOString(), attempts: job.attempts, maxAttempts: job.maxAttempts }))}
        />
      </section>
    </>
  );
}
