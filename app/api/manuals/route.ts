/**
 * GET /api/manuals — the documents with their ingestion status.
 * POST /api/manuals — multipart upload (field `file`, one or more): each file is checked, then saved
 * under the data dir's `uploads/` (the version it replaces kept in `uploads/.versions/`) and ingested;
 * the response lists a result per file, and each upload is audited. A browser form post is
 * redirected back to the Manuals page with the outcome.
 */
import path from 'node:path';
import { appendAudit } from '@/lib/audit/audit-log';
import { checkCsrf, requireSession, sessionActor } from '@/lib/auth/request';
import { AppError } from '@/lib/errors';
import { getRuntime } from '@/lib/runtime';
import { DEFAULT_MAX_FILE_BYTES } from '@/knowledge/extract';
import { SUPPORTED_FORMATS_TEXT } from '@/knowledge/formats';
import type { IngestResult } from '@/knowledge/ingest';
import { handle, seeOther } from '@/lib/http';
import { errorResponse, knowledgeBase } from './responses';

export const dynamic = 'force-dynamic';

/** Room for the multipart framing around files at the size limit. */
const MAX_UPLOAD_BYTES = DEFAULT_MAX_FILE_BYTES * 4;

export const GET = handle(async (request: Request): Promise<Response> => {
  await requireSession(request);
  // Where the server keeps the originals is not the client's business; /api/manuals/:doc/file serves them.
  const documents = (await knowledgeBase().listDocuments()).map(({ sourcePath: _sourcePath, ...document }) => document);
  return Response.json({ documents }, { headers: { 'cache-control': 'no-store' } });
});

export async function POST(request: Request): Promise<Response> {
  const fromBrowserForm = (request.headers.get('accept') ?? '').includes('text/html');
  try {
    // Who is asking is settled before a byte of the body is read.
    const session = await requireSession(request, { role: 'supervisor', csrf: false });
    const length = Number(request.headers.get('content-length') ?? 0);
    if (length > MAX_UPLOAD_BYTES)
      throw new AppError('too_large', `The upload is ${(length / 1024 / 1024).toFixed(0)} MB; upload files of at most 50 MB each, a few at a time.`);
    const form = await request.formData().catch((error: unknown) => {
      throw new AppError('invalid_argument', 'The upload is not a multipart form with a `file` field.', { cause: error });
    });
    checkCsrf(request, session, form);
    const files = form.getAll('file').filter((value): value is File => typeof value === 'object' && value !== null && 'arrayBuffer' in value);
    if (files.length === 0) throw new AppError('invalid_argument', `No file was uploaded; choose one or more ${SUPPORTED_FORMATS_TEXT} files.`);
    const kb = knowledgeBase();
    const { config, db } = getRuntime();
    const uploads = path.join(config.dataDir, 'uploads');
    const results: IngestResult[] = [];
    for (const file of files) {
      // Too big to read at all: refused here, from the size the form declares.
      const outcome =
        file.size > DEFAULT_MAX_FILE_BYTES
          ? {
              file: file.name,
              docId: file.name,
              status: 'failed' as const,
              sizeBytes: file.size,
              error: { code: 'too_large' as const, message: `${file.name}: over the 50 MB limit for one document.` },
            }
          : await kb.ingestUpload(uploads, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      const { sizeBytes, contentSha256, previousVersion, ...result } = outcome;
      results.push(result);
      await appendAudit(db, {
        actor: sessionActor(session),
        action: result.status === 'failed' ? 'manual.upload_refused' : 'manual.uploaded',
        subject: { kind: 'document', id: result.docId },
        detail: {
          file: result.file,
          status: result.status,
          sizeBytes,
          contentSha256: contentSha256 ?? null,
          keptPreviousVersion: previousVersion ? path.basename(previousVersion) : null,
          error: result.error?.message ?? null,
        },
      });
    }
    if (fromBrowserForm) {
      const query = new URLSearchParams();
      const names = (status: string) => results.filter((r) => r.status === status).map((r) => r.docId);
      if (names('ingested').length + names('unchanged').length > 0) query.set('ingested', [...names('ingested'), ...names('unchanged')].join(', '));
      const failed = results.filter((r) => r.status === 'failed').map((r) => r.error?.message ?? r.docId);
      if (failed.length > 0) query.set('failed', failed.join(' · '));
      return seeOther(`/manuals?${query}`);
    }
    return Response.json({ results }, { status: results.every((r) => r.status === 'failed') ? 422 : 200 });
  } catch (error) {
    if (fromBrowserForm) return seeOther(`/manuals?error=${encodeURIComponent((error as Error).message)}`);
    return errorResponse(error);
  }
}
