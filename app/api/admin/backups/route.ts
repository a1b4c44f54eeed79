/**
 * GET /api/admin/backups — the embedded database's backups, newest first, and the schedule.
 * POST /api/admin/backups — take one now (before an upgrade, say). Admins only; audited. A browser
 * form post is redirected back to the overview with the outcome.
 */
import { appendAudit } from '@/lib/audit/audit-log';
import { requireSession } from '@/lib/auth/request';
import { userActor } from '@/lib/auth/users';
import { listBackups } from '@/lib/db/backups';
import { errorResponse, seeOther, handle } from '@/lib/http';
import { getRuntime } from '@/server/runtime';
import { requireService } from '@/server/require-service';

export const dynamic = 'force-dynamic';

const asJson = (backup: { name: string; takenAt: Date; bytes: number }) => ({ name: backup.name, takenAt: backup.takenAt.toISOString(), bytes: backup.bytes });

export const GET = handle(async (request: Request): Promise<Response> => {
  await requireSession(request, { role: 'admin' });
  const status = requireService('backups').status();
  return Response.json(
    { everyHours: status.everyHours, keep: status.keep, failure: status.failure, backups: listBackups(status.dir).map(asJson) },
    { headers: { 'cache-control': 'no-store' } },
  );
});

export async function POST(request: Request): Promise<Response> {
  const fromBrowserForm = (request.headers.get('accept') ?? '').includes('text/html');
  try {
    const form = (request.headers.get('content-type') ?? '').includes('form') ? await request.formData() : undefined;
    const session = await requireSession(request, { role: 'admin', form });
    const backup = await requireService('backups').backupNow();
    await appendAudit(getRuntime().db, {
      actor: userActor(session.user),
      action: 'db.backup',
      subject: { kind: 'backup', id: backup.name },
      detail: { bytes: backup.bytes },
    });
    if (fromBrowserForm) return seeOther(`/health?backup=${encodeURIComponent(backup.name)}`);
    return Response.json({ backup: asJson(backup) }, { status: 201 });
  } catch (error) {
    if (fromBrowserForm) return seeOther(`/health?backupError=${encodeURIComponent((error as Error).message)}`);
    return errorResponse(error);
  }
}
