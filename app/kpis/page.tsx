import { z } from 'zod';
import { PlantTime } from '../../components/plant-time';
import { requirePageSession } from '../../lib/auth/page-session';
import { getRuntime } from '../../lib/runtime';
import { CATALOGUE_LINES } from '../../tools/handover/service/gather';
import { parseShiftSpec, shiftAt } from '@/lib/shift-calendar';
import { formatPct, KPI_DEFINITIONS } from '../../tools/kpis/engine/iso-22400';
import { lineFigures } from '../../tools/kpis/service/line-figures';

export const dynamic = 'force-dynamic';

const Query = z.object({
  line: z.string().max(40).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

/**
 * How a figure was computed: the page every OEE, count and plan figure links to (overview, handover,
 * chat). Same module and window as the figure that linked here; default: the current shift so far.
 */
export default async function KpiPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageSession();
  const parsed = Query.safeParse(await searchParams);
  if (!parsed.success) {
    return (
      <section className="card">
        <h1>How the figures were computed</h1>
        <p>
          This view takes line, from and to (ISO 8601 with offset), e.g. ?line=Line1&amp;from=2025-01-15T06:00:00%2B01:00&amp;to=2025-01-15T14:00:00%2B01:00.
        </p>
      </section>
    );
  }
  const { config, db } = getRuntime();
  const calendar = parseShiftSpec(config.plant.shifts, config.plant.timeZone);
  const to = parsed.data.to ? new Date(parsed.data.to) : new Date();
  const from = parsed.data.from ? new Date(parsed.data.from) : shiftAt(calendar, new Date(to.getTime() - 1)).from;
  const lines = CATALOGUE_LINES.filter((line) => !parsed.data.line || line.id.toLowerCase() === parsed.data.line.toLowerCase());
  const figures = from < to && lines.length > 0 ? await lineFigures(db, { lines, from, to, calendar }) : [];
  return (
    <section className="card">
      <h1>How the figures were computed</h1>
      <p className="muted">
        <PlantTime at={from} /> – <PlantTime at={to} /> (plant time, {calendar.timeZone}). {KPI_DEFINITIONS}
      </p>
      {figures.length === 0 && <p>No line matches, or the window is empty. Lines: {CATALOGUE_LINES.map((line) => line.id).join(', ')}.</p>}
      {figures.map((line) => (
        <article key={line.lineId}>
          <h2>
            {line.lineName}: OEE {formatPct(line.oeePct)}
          </h2>
          <p>
            Availability {formatPct(line.availabilityPct)} · performance {formatPct(line.performancePct)} · quality {formatPct(line.qualityPct)} ·{' '}
            {line.goodUnits} good, {line.scrapUnits} scrap
            {line.plannedUnits !== null ? ` · plan ${line.plannedUnits} (${formatPct(line.outputVsPlanPct)} of plan)` : ''}
          </p>
          <ol>
            {line.computation.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </article>
      ))}
    </section>
  );
}
