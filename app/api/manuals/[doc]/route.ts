/** GET /api/manuals/:doc — a document with its chunks. DELETE — remove it (supervisor). */
import { requireSession } from '../../../../lib/auth/request';
import { AppError } from '../../../../lib/errors';
import { errorResponse, knowledgeBase } from '../responses';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ doc: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    await requireSession(request);
    const id = decodeURIComponent((await params).doc);
    const kb = knowledgeBase();
    const document = await kb.getDocument(id);
    if (!document) throw new AppError('not_found', `No document ${id} in the knowledge base.`);
    return Response.json({ document, chunks: await kb.documentChunks(id) }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  try {
    await requireSession(request, { role: 'supervisor' });
    const id = decodeURIComponent((await params).doc);
    if (!(await knowledgeBase().removeDocument(id))) throw new AppError('not_found', `No document ${id} in the knowledge base.`);
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
