import Link from 'next/link';
import { GenerateButtons } from '../../components/handovers/generate-buttons';
import styles from '../../components/handovers/handovers.module.css';
import { NoteForm } from '../../components/handovers/note-form';
import { requirePageSession } from '../../lib/auth/page-session';
import { atLeast, roleAt } from '../../lib/auth/roles';
import { pageSite } from '@/server/page-site';
import { handoversAt } from '@/server/selected-site';
import { localTime } from '../../tools/handover/engine/report';
import { shiftAt } from '@/lib/shift-calendar';
import { HandoversUnavailable } from './unavailable';

export const dynamic = 'force-dynamic';

export default async function HandoversPage() {
  const session = await requirePageSession();
  // The handovers of the site picked in the header (the default site's with one site).
  const site = await pageSite();
  const handovers = handoversAt(site);
  if (!handovers) return <HandoversUnavailable />;
  const tz = handovers.calendar.timeZone;
  const current = shiftAt(handovers.calendar, new Date());
  const [list, notes] = await Promise.all([handovers.list({ limit: 100 }), handovers.notes(current.from, current.to)]);
  const canWrite = atLeast(roleAt(session.user, handovers.site?.id), 'operator');
  return (
    <>
      <section className="card">
        <h1>Handovers{handovers.site && site ? ` — site ${site.name}` : ''}</h1>
        <p className="muted">
          A report is generated at the end of every shift ({handovers.calendar.shifts.map((s) => `${s.label.toLowerCase()} ${s.start}–${s.end}`).join(', ')},{' '}
          {tz}). Every statement cites its source; the incoming shift lead acknowledges it.
        </p>
        {canWrite && <GenerateButtons csrfToken={session.csrfToken} />}
        {list.length === 0 ? (
          <p>No handovers yet. The first appears when the current shift ends.</p>
        ) : (
          <table className={styles.table}>
            <thead>
              <tr>
                <th>Shift</th>
                <th>Window</th>
                <th>Generated</th>
                <th>Alarms active at the end</th>
                <th>Acknowledged by</th>
              </tr>
            </thead>
            <tbody>
              {list.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link href={`/handovers/${item.id}`}>{item.shift}</Link>
                  </td>
                  <td>
                    {localTime(item.from, tz)} – {localTime(item.to, tz)}
                  </td>
                  <td>
                    {localTime(item.generatedAt, tz)} {item.trigger === 'automatic' ? '(shift end)' : `(by ${item.generatedBy})`}
                  </td>
                  <td>{item.alarmsStillActive}</td>
                  <td>{item.acknowledgedBy ? `${item.acknowledgedBy.name}, ${localTime(item.acknowledgedAt!, tz)}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card">
        <h2>
          Notes for this shift ({current.label}, {localTime(current.from.toISOString(), tz)} – {localTime(current.to.toISOString(), tz)})
        </h2>
        {notes.length === 0 ? (
          <p className="muted">No notes yet.</p>
        ) : (
          notes.map((note) => (
            <p key={note.id} id={`note-${note.id}`} className={styles.note}>
              <strong>{note.category === 'hold' ? 'Quality hold' : note.category === 'open_item' ? 'Open item' : 'Note'}</strong> — {note.author},{' '}
              {localTime(note.time, tz)}
              {note.assetId ? ` (${note.assetId})` : ''}: {note.text}
            </p>
          ))
        )}
        {canWrite ? <NoteForm csrfToken={session.csrfToken} /> : <p className="muted">Operators and supervisors add notes.</p>}
      </section>
    </>
  );
}
