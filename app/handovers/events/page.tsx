import Link from 'next/link';
import { z } from 'zod';
import styles from '@/components/handovers/handovers.module.css';
import { requirePageSession } from '@/lib/auth/page-session';
import { getRuntime } from '@/server/runtime';
import { eventList } from '@/tools/handover/service/evidence';
import { historianKeyOf } from '@/server/selected-site';

export const dynamic = 'force-dynamic';

const Query = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  kind: z.string().max(40).optional(),
  asset: z.string().max(64).optional(),
  priority: z
    .string()
    .regex(/^[1-4](,[1-4])*$/)
    .optional(),
  /** Another site's report links its evidence with its site id. */
  site: z.string().max(64).optional(),
});

/** The historian events of a kind (and priorities) in a window: what a "none" or "N of these" statement cites. */
export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageSession();
  const parsed = Query.safeParse(await searchParams);
  if (!parsed.success) {
    return (
      <section className="card">
        <h1>Events</h1>
        <p>This list needs a window: from and to as ISO 8601 times, optionally kind, asset and priority (e.g. 1,2).</p>
      </section>
    );
  }
  const { from, to, kind, asset, priority, site } = parsed.data;
  const { events, total } = await eventList(
    getRuntime().db,
    { from: new Date(from), to: new Date(to), kind, assetId: asset, priorities: priority?.split(',').map(Number) },
    historianKeyOf(site),
  );
  return (
    <section className="card">
      <p>
        <Link href="/handovers">← Handovers</Link>
      </p>
      <h1>
        {kind ?? 'All'} events{priority ? `, priority ${priority}` : ''}
        {asset ? ` on ${asset}` : ''}
      </h1>
      <p className="muted">
        {from} – {to} (UTC): {total} event{total === 1 ? '' : 's'}
        {total > events.length ? `, the first ${events.length} shown` : ''}.
      </p>
      <table className={styles.table}>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} id={`event-${event.id}`}>
              <td>{event.time}</td>
              <td>{event.assetId}</td>
              <td>{event.priority ?? ''}</td>
              <td>
                <Link href={`/handovers/events/${event.id}`}>{event.message}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
