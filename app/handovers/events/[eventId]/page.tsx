import Link from 'next/link';
import styles from '@/components/handovers/handovers.module.css';
import { requirePageSession } from '@/lib/auth/page-session';
import { getRuntime } from '@/server/runtime';
import { eventById, eventNeighbours } from '@/tools/handover/service/evidence';

export const dynamic = 'force-dynamic';

/** One historian event (an alarm transition, a state change, a hold) with what happened around it on the same machine. */
export default async function EventPage({ params }: { params: Promise<{ eventId: string }> }) {
  await requirePageSession();
  const { eventId } = await params;
  const db = getRuntime().db;
  const event = await eventById(db, eventId);
  if (!event) {
    return (
      <section className="card">
        <h1>No such event</h1>
        <p>The historian has no event {eventId}; it may have been removed by retention.</p>
      </section>
    );
  }
  const neighbours = await eventNeighbours(db, event);
  return (
    <section className="card">
      <p>
        <Link href="/handovers">← Handovers</Link>
      </p>
      <h1>
        {event.kind === 'alarm'
          ? `Alarm ${event.code ?? ''}`
          : event.kind === 'state_change'
            ? `State change to ${event.code}`
            : `Event ${event.code ?? event.kind}`}{' '}
        {event.assetId ? `on ${event.assetId}` : ''}
      </h1>
      <table className={styles.table}>
        <tbody>
          <tr>
            <th>Time (UTC)</th>
            <td>{event.time}</td>
          </tr>
          <tr>
            <th>Message</th>
            <td>{event.message}</td>
          </tr>
          {event.priority !== null && (
            <tr>
              <th>Priority</th>
              <td>{event.priority}</td>
            </tr>
          )}
          <tr>
            <th>Details</th>
            <td>
              <code>{JSON.stringify(event.payload)}</code>
            </td>
          </tr>
          <tr>
            <th>Event id</th>
            <td>{event.id}</td>
          </tr>
        </tbody>
      </table>
      <h2>Around it on {event.assetId}</h2>
      <table className={styles.table}>
        <tbody>
          {neighbours.map((other) => (
            <tr key={other.id}>
              <td>{other.time}</td>
              <td>{other.kind}</td>
              <td>
                <Link href={`/handovers/events/${other.id}`}>{other.message}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
