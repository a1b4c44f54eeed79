/** GET /api/manuals/:doc/file — the original file, so a PDF citation can open at its page (`#page=N`). */
import { promises as fs } from 'node:fs';
import { requireSession } from '@/lib/auth/request';
import { AppError } from '@/lib/errors';
import { knowledgeBase } from '../../responses';
import { handle } from '@/lib/http';

export const dynamic = 'force-dynamic';

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/plain; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};

export const GET = handle(async (request: Request, { params }: { params: Promise<{ doc: string }> }): Promise<Response> => {
  await requireSession(request);
  const id = decodeURIComponent((await params).doc);
  const document = await knowledgeBase().getDocument(id);
  if (!document?.sourcePath) throw new AppError('not_found', `No original file is recorded for ${id}.`);
  const bytes = await fs.readFile(document.sourcePath).catch((error: unknown) => {
    throw new AppError('not_found', `The original of ${id} is no longer at ${document.sourcePath}; the ingested text is still on the Manuals page.`, {
      cause: error,
    });
  });
  // HTML is served as text: an uploaded page must not run scripts in the app's origin. A browser
  // cannot show a Word file, so that one downloads.
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': CONTENT_TYPES[document.format] ?? 'application/octet-stream',
      'content-disposition': `${document.format === 'docx' ? 'attachment' : 'inline'}; filename="${id}"`,
      'x-content-type-options': 'nosniff',
    },
  });
});
