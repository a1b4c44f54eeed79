/** GET /api/manuals/:doc — a document with its chunks. DELETE — remove it (supervisor). */
import path from 'node:path';
import { appendAudit } from '@/lib/audit/audit-log';
import { requireSession, sessionActor } from '@/lib/auth/request';
import { AppError } from '@/lib/errors';
import { getRuntime } from '@/lib/runtime';
import { removeUpload } from '@/knowledge/upload-store';
import { handle } from '@/lib/http';
import { knowledgeBase } from '../responses';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ doc: string }> };

export const GET = handle(async (request: Request, { params }: Context): Promise<Response> => {
  await requireSession(request);
  const id = decodeURIComponent((await params).doc);
  const kb = knowledgeBase();
  const document = await kb.getDocument(id);
  if (!document) throw new AppError('not_found', `No document ${id} in the knowledge base.`);
  // Where the server keeps the original is not the client's business; /api/manuals/:doc/file serves it.
  const { sourcePath: _sourcePath, ...shown } = document;
  return Response.json({ document: shown, chunks: await kb.documentChunks(id) }, { headers: { 'cache-control': 'no-store' } });
});

export const DELETE = handle(async (request: Request, { params }: Context): Promise<Response> => {
  const session = await requireSession(request, { role: 'supervisor' });
  const id = decodeURIComponent((await params).doc);
  const kb = knowledgeBase();
  const document = await kb.getDocument(id);
  if (!document || !(await kb.removeDocument(id))) throw new AppError('not_found', `No document ${id} in the knowledge base.`);
  const { config, db } = getRuntime();
  // Only an uploaded original is deleted; a shipped manual or a file ingested from a path stays where it is.
  const removedFile = document.sourcePath ? await removeUpload(path.join(config.dataDir, 'uploads'), document.sourcePath) : false;
  await appendAudit(db, {
    actor: sessionActor(session),
    action: 'manual.deleted',
    subject: { kind: 'document', id },
    detail: { title: document.title, format: document.format, contentSha256: document.contentHash ?? null, removedUploadedFile: removedFile },
  });
  return new Response(null, { status: 204 });
});
