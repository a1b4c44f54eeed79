/** Shared by the manuals routes: the running knowledge base, and errors as JSON with the right status. */
import { requireService } from '@/server/require-service';
import type { KnowledgeBase } from '@/knowledge/knowledge-base';

export const knowledgeBase = (): KnowledgeBase => requireService('knowledge');

/** The one HTTP error mapping (lib/http.ts). */
export { errorResponse } from '@/lib/http';
