/** Shared by the manuals routes: the running knowledge base, and errors as JSON with the right status. */
import { AppError, httpErrorBody, httpStatus, toAppError } from '../../../lib/errors';
import { getRuntime } from '../../../lib/runtime';
import type { KnowledgeBase } from '../../../knowledge/knowledge-base';

export function knowledgeBase(): KnowledgeBase {
  const kb = getRuntime().services.knowledge;
  if (!kb) throw new AppError('backend_unavailable', 'The knowledge base is not running in this server; check the server log for why it did not start.');
  return kb;
}

export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  return Response.json(httpErrorBody(appError), { status: httpStatus(appError.code), headers: { 'cache-control': 'no-store' } });
}
