/**
 * GET /api/manuals — the documents with their ingestion status.
 * POST /api/manuals — multipart upload (field `file`, one or more): each file is saved under the data
 * dir's `uploads/` and ingested; the response lists a result per file. A browser form post is
 * redirected back to the Manuals page with the outcome.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { requireSession } from '../../../lib/auth/request';
import { AppError } from '../../../lib/errors';
import { getRuntime } from '../../../lib/runtime';
import { DEFAULT_MAX_FILE_BYTES } from '../../../knowledge/extract';
import { formatForFile, SUPPORTED_FORMATS_TEXT } from '../../../knowledge/formats';
import { documentId, type IngestResult } from '../../../knowledge/ingest';
import { seeOther } from '../../../lib/http';
import { errorResponse, knowledgeBase } from './responses';

export const dynamic = 'force-dynamic';

/** Room for the multipart framing around files at the size limit. */
const MAX_UPLOAD_BYTES = DEFAULT_MAX_FILE_BYTES * 4;

export async function GET(request: Request): Promise<Response> {
  try {
    await requireSession(request);
    return Response.json({ documents: await knowledgeBase().listDocuments() }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request): Promise<Response> {
  const fromBrowserForm = (request.headers.get('accept') ?? '').includes('text/html');
  try {
    const length = Number(request.headers.get('content-length') ?? 0);
    if (length > MAX_UPLOAD_BYTES)
      throw new AppError('too_large', `The upload is ${(length / 1024 / 1024).toFixed(0)} MB; upload files of at most 50 MB each, a few at a time.`);
    const form = await request.formData().catch((error: unknown) => {
      throw new AppError('invalid_argument', 'The upload is not a multipart form with a `file` field.', { cause: error });
    });
    await requireSession(request, { role: 'supervisor', form });
    const files = form.getAll('file').filter((value): value is File => typeof value === 'object' && value !== null && 'arrayBuffer' in value);
    if (files.length === 0) throw new AppError('invalid_argument', `No file was uploaded; choose one or more ${SUPPORTED_FORMATS_TEXT} files.`);
    const kb = knowledgeBase();
    const uploads = path.join(getRuntime().config.dataDir, 'uploads');
    await fs.mkdir(uploads, { recursive: true });
    const results: IngestResult[] = [];
    for (const file of files) {
      const id = documentId(file.name || 'upload');
      if (!formatForFile(id)) {
        results.push({
          file: file.name,
          docId: id,
          status: 'failed',
          error: { code: 'unsupported', message: `${file.name}: only ${SUPPORTED_FORMATS_TEXT} files can be ingested.` },
        });
        continue;
      }
      if (file.size > DEFAULT_MAX_FILE_BYTES) {
        results.push({
          file: file.name,
          docId: id,
          status: 'failed',
          error: { code: 'too_large', message: `${file.name}: over the 50 MB limit for one document.` },
        });
        continue;
      }
      const target = path.join(uploads, id);
      await fs.writeFile(target, Buffer.from(await file.arrayBuffer()));
      results.push(...(await kb.ingest([target], { docId: id })).results);
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
