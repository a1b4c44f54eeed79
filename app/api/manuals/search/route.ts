/** GET /api/manuals/search?q=…&k=5&asset=L1-RFL&type=manual — the same JSON as `plantpilot search --json`, plus the citation href. */
import { z } from 'zod';
import { requireSession } from '@/lib/auth/request';
import { AppError } from '@/lib/errors';
import { passageHref } from '@/tools/manuals/tools/search-manuals';
import { knowledgeBase } from '../responses';
import { handle } from '@/lib/http';

export const dynamic = 'force-dynamic';

const Query = z.object({
  q: z.string().trim().min(1),
  k: z.coerce.number().int().min(1).max(50).default(5),
  asset: z.string().trim().min(1).optional(),
  type: z.string().trim().min(1).optional(),
});

export const GET = handle(async (request: Request): Promise<Response> => {
  await requireSession(request);
  const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError('invalid_argument', 'Give the search as ?q=<words>, with optional k (1–50), asset and type.');
  const hits = await knowledgeBase().search(parsed.data.q, { k: parsed.data.k, asset: parsed.data.asset, docType: parsed.data.type });
  return Response.json(
    hits.map((hit) => ({
      doc: hit.docId,
      title: hit.title,
      section: hit.sectionPath.join(' > '),
      page: hit.pageFrom ?? null,
      text: hit.body,
      score: hit.score,
      href: passageHref(hit),
      snippet: hit.snippet,
    })),
    { headers: { 'cache-control': 'no-store' } },
  );
});
