import { requireSession } from '@/lib/auth/request';
import { AppError } from '@/lib/errors';
import { handle } from '@/lib/http';
import { requireService } from '@/server/require-service';
import { JobId } from '@/tools/inspection/service/job-types';
import { imageHref } from '@/tools/inspection/service/image-store';

export const dynamic = 'force-dynamic';

/** GET /api/inspection/jobs/<id> — one job with its defects and image links. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ jobId: string }> }) => {
  await requireSession(request);
  const { jobId } = await params;
  const job = JobId.safeParse(jobId).success ? await requireService('inspection').getJob(jobId) : undefined;
  if (!job) throw new AppError('not_found', `There is no inspection job ${jobId}.`);
  return Response.json(
    { job: { ...job, templateHref: imageHref(job.templateRef), testHref: imageHref(job.testRef) } },
    { headers: { 'cache-control': 'no-store' } },
  );
});
