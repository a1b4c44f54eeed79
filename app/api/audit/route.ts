import { z } from 'zod';
import { listAudit, verifyAuditChain } from '@/lib/audit/audit-log';
import { requireSession } from '@/lib/auth/request';
import { AppError } from '@/lib/errors';
import { handle } from '@/lib/http';
import { auditCsv } from '@/lib/audit/audit-summary';
import { getRuntime } from '@/lib/runtime';

export const dynamic = 'force-dynamic';

const Query = z.object({
  action: z.string().max(64).optional(),
  subject: z.string().max(100).optional(),
  conversation: z.string().max(100).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  verify: z.enum(['0', '1']).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

/**
 * GET /api/audit — the audit log, newest first, filterable; `verify=1` also checks the chain;
 * `format=csv` downloads the filtered entries (up to 10,000) for auditors. Supervisors and admins.
 */
export const GET = handle(async (request: Request) => {
  await requireSession(request, { role: 'supervisor' });
  const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    throw new AppError('invalid_argument', `Invalid query: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
  const q = parsed.data;
  const { db } = getRuntime();
  const entries = await listAudit(db, {
    action: q.action,
    subjectId: q.subject,
    conversationId: q.conversation,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    beforeSeq: q.before,
    limit: q.limit ?? (q.format === 'csv' ? 10_000 : 200),
  });
  if (q.format === 'csv') {
    return new Response(auditCsv(entries), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="plantpilot-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
        'cache-control': 'no-store',
      },
    });
  }
  const verification = q.verify === '1' ? await verifyAuditChain(db) : undefined;
  return Response.json({ entries, verification }, { headers: { 'cache-control': 'no-store' } });
});
