/**
 * `search_manuals`: finds passages in the plant's own manuals and procedures. Every passage carries a
 * Source whose href opens the document view at that passage, so an answer can cite it as a numbered
 * source and a person can check it.
 */
import { z } from 'zod';
import type { KnowledgeBase, SearchResult } from '@/knowledge/knowledge-base';
import { defineTool } from '../../tool';
import { Source } from '../../sources';

export const SearchManualsInput = z.object({
  query: z
    .string()
    .trim()
    .min(2)
    .max(500)
    .describe('What to look for, in the operator\'s words or with an alarm code / tag, e.g. "alarm E-214 reflow oven what to do"'),
  asset: z.string().trim().min(1).max(100).optional().describe('Only passages about this asset: an id such as L1-RFL, or a name such as "reflow oven"'),
  k: z.number().int().min(1).max(20).default(5).describe('How many passages to return'),
});
export type SearchManualsInput = z.infer<typeof SearchManualsInput>;

export const ManualPassage = z.object({
  /** 1-based; answers cite passages as [1], [2], … */
  number: z.number().int(),
  doc: z.string(),
  title: z.string(),
  version: z.string().optional(),
  section: z.string(),
  page: z.number().int().optional(),
  text: z.string(),
  score: z.number(),
  source: Source,
});
export type ManualPassage = z.infer<typeof ManualPassage>;

export const SearchManualsOutput = z.object({ query: z.string(), passages: z.array(ManualPassage) });
export type SearchManualsOutput = z.infer<typeof SearchManualsOutput>;

/** Where the UI shows a passage: the document view, at the chunk's own anchor. */
export function passageHref(hit: Pick<SearchResult, 'docId' | 'ordinal'>): string {
  return `/manuals/${encodeURIComponent(hit.docId)}#chunk-${hit.ordinal}`;
}

export function toPassage(hit: SearchResult, index: number): ManualPassage {
  const section = hit.sectionPath.join(' > ');
  const where = [section, hit.pageFrom ? `p. ${hit.pageFrom}` : ''].filter(Boolean).join(', ');
  return {
    number: index + 1,
    doc: hit.docId,
    title: hit.title,
    version: hit.version,
    section,
    page: hit.pageFrom,
    text: hit.body,
    score: hit.score,
    source: {
      kind: 'manual',
      id: `${hit.docId}#chunk-${hit.ordinal}`,
      title: `${hit.title}${hit.version ? ` (Rev ${hit.version})` : ''}${where ? ` — ${where}` : ''}`,
      href: passageHref(hit),
      snippet: hit.snippet,
    },
  };
}

export function searchManualsTool(kb: KnowledgeBase) {
  return defineTool({
    name: 'search_manuals',
    title: 'Search the manuals',
    description:
      "Searches the plant's own manuals, procedures and safety documents (hybrid full-text and semantic search) and returns the best passages " +
      'with document, section and page. Use it for what an alarm means and what to do, how to operate or maintain a machine, limits, safety ' +
      'rules and procedures. Answer only from the returned passages and cite them by number, e.g. [1]; say so if none answers the question.',
    input: SearchManualsInput,
    output: SearchManualsOutput,
    effect: 'read',
    async run(input) {
      const hits = await kb.search(input.query, { k: input.k, asset: input.asset });
      return { query: input.query, passages: hits.map(toPassage) };
    },
  });
}
