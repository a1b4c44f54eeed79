import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BoardViewer } from '@/components/inspection/board-viewer';
import { requirePageSession } from '@/lib/auth/page-session';
import { formatPlantTime } from '@/lib/plant-time';
import { getRuntime } from '@/server/runtime';
import { imageHref } from '@/tools/inspection/service/image-store';
import { JobId } from '@/tools/inspection/service/job-types';

export const dynamic = 'force-dynamic';

/** The board viewer: one inspected board with its defects boxed over the test image. */
export default async function BoardPage({ params }: { params: Promise<{ jobId: string }> }) {
  await requirePageSession();
  const { jobId } = await params;
  const inspection = getRuntime().services.inspection;
  if (!inspection) {
    return (
      <section className="card">
        <h1>Board {jobId}</h1>
        <p className="banner banner-down">The inspection service is not running in this server. Check the server log and /api/health.</p>
      </section>
    );
  }
  const job = JobId.safeParse(jobId).success ? await inspection.getJob(jobId) : undefined;
  if (!job) notFound();
  return (
    <section className="card">
      <p>
        <Link href="/inspection">← Inspection</Link>
      </p>
      <h1>
        Board {job.boardSerial} of lot {job.lotId}
      </h1>
      <p className="muted">
        {job.lineId ?? 'Image pair'} · job {job.id} · {job.state}
        {job.finishedAt && ` at ${formatPlantTime(job.finishedAt, getRuntime().config.plant.timeZone)}`}
        {job.backend && ` · ${job.backend}`}
        {job.result && ` · ${job.result.durationMs} ms`}
      </p>
      {job.state === 'done' && job.result ? (
        <BoardViewer
          testHref={imageHref(job.testRef)}
          templateHref={imageHref(job.templateRef)}
          widthPx={job.result.widthPx}
          heightPx={job.result.heightPx}
          defects={job.result.defects}
        />
      ) : (
        <>
          <p className={job.state === 'failed' ? 'banner banner-down' : undefined}>
            {job.state === 'failed'
              ? `The inspection failed after ${job.attempts} attempt${job.attempts === 1 ? '' : 's'}: ${job.error ?? 'no reason was recorded'}`
              : `This board is ${job.state}${job.error ? ` (last attempt: ${job.error})` : ''}. Reload in a moment.`}
          </p>
        </>
      )}
    </section>
  );
}
