/** Shared by the manuals routes: the running knowledge base, and errors as JSON with the right status. */
import { AppError } from '../../../lib/errors';
import { getRuntime } from '../../../lib/runtime';
import type { KnowledgeBase } from '../../../knowledge/knowledge-base';

export function knowledgeBase(): KnowledgeBase {
  const kb = getRuntime().services.knowledge;
  if (!kb) throw new AppError('backend_unavailable', 'The knowledge base is not running in this server; check the server log for why it did not start.');
  return kb;
}

/** The one HTTP error mapping (lib/http.ts). */
export { errorResponse } from '../../../lib/http';
