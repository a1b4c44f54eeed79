import { z } from 'zod';
import { requireSession } from '@/lib/auth/request';
import { AppError } from '@/lib/errors';
import { handle } from '@/lib/http';
import { getRuntime } from '@/lib/runtime';
import { requireService } from '@/server/require-service';
import { renderMarkdown } from '@/tools/handover/engine/render-markdown';
import { renderPdf } from '@/tools/handover/service/render-pdf';

export const dynamic = 'force-dynamic';

/**
 * Where readers of the export open the app: PLANTPILOT_PUBLIC_URL when set, else the origin the
 * browser used (its Host header). Never the server's own bind address: a server listening on
 * 0.0.0.0 sees request URLs like http://0.0.0.0:3000, which open nothing on a reader's machine.
 */
function publicBaseUrl(request: Request): string {
  const configured = getRuntime().config.mcp.publicUrl;
  if (configured) return configured;
  const url = new URL(request.url);
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? url.host;
  const proto = request.headers.get('x-forwarded-proto') ?? url.protocol.replace(':', '');
  return `${proto}://${host}`;
}

const Query = z.object({ format: z.enum(['md', 'pdf'], { error: 'format is md or pdf' }).default('md') });

/** GET /api/handovers/:id/export?format=md|pdf — a download; citation links are absolute to this server. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  await requireSession(request);
  const { id } = await params;
  const url = new URL(request.url);
  const parsed = Query.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new AppError('invalid_argument', `Invalid export: ${parsed.error.issues.map((i) => i.message).join('; ')}.`);
  const handover = await requireService('handovers').get(id);
  const baseUrl = publicBaseUrl(request);
  const name = `handover-${handover.shift}-${handover.from.slice(0, 10)}`;
  if (parsed.data.format === 'md') {
    return new Response(renderMarkdown(handover.report, handover.summary, { baseUrl }), {
      headers: { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': `attachment; filename="${name}.md"`, 'cache-control': 'no-store' },
    });
  }
  const pdf = await renderPdf(handover.report, handover.summary, { baseUrl });
  return new Response(new Uint8Array(pdf), {
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}.pdf"`, 'cache-control': 'no-store' },
  });
});
