import { z } from 'zod';
import { requireSession } from '@/lib/auth/request';
import { AppError } from '@/lib/errors';
import { handle } from '@/lib/http';
import { getRuntime } from '@/lib/runtime';
import { CATALOGUE_LINES } from '@/tools/handover/service/gather';
import { parseShiftSpec, shiftAt } from '@/lib/shift-calendar';
import { lineFigures } from '@/tools/kpis/service/line-figures';

export const dynamic = 'force-dynamic';

const MAX_WINDOW_MS = 31 * 86_400_000;

const Query = z.object({
  line: z.string().trim().min(1).max(40).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

/**
 * GET /api/plant/kpis?line=Line1&from=ISO&to=ISO — the line figures (OEE and its parts, counts, plan)
 * for a window, with how each was computed: the page data behind /kpis and every "how was this
 * computed" link. Default window: the current shift so far. Same module as the overview and handover.
 */
export const GET = handle(async (request: Request) => {
  await requireSession(request);
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    throw new AppError(
      'invalid_argument',
      `Invalid query: ${query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}. Use line=Line1&from=2025-01-15T06:00:00+01:00&to=….`,
    );
  }
  const { config, db } = getRuntime();
  const calendar = parseShiftSpec(config.plant.shifts, config.plant.timeZone);
  const to = query.data.to ? new Date(query.data.to) : new Date();
  const from = query.data.from ? new Date(query.data.from) : shiftAt(calendar, new Date(to.getTime() - 1)).from;
  if (!(from < to)) throw new AppError('invalid_argument', `The window is empty: from ${from.toISOString()} is not before to ${to.toISOString()}.`);
  if (to.getTime() - from.getTime() > MAX_WINDOW_MS) throw new AppError('invalid_argument', 'Figures cover at most 31 days; choose a shorter window.');
  const wanted = query.data.line?.toLowerCase().replace(/\s+/g, '');
  const lines = wanted ? CATALOGUE_LINES.filter((line) => line.id.toLowerCase() === wanted) : CATALOGUE_LINES;
  if (lines.length === 0) throw new AppError('not_found', `No line "${query.data.line}". Lines: ${CATALOGUE_LINES.map((line) => line.id).join(', ')}.`);
  const figures = await lineFigures(db, { lines, from, to, calendar });
  return Response.json(
    { window: { from: from.toISOString(), to: to.toISOString(), timeZone: calendar.timeZone }, lines: figures },
    { headers: { 'cache-control': 'no-store' } },
  );
});
