import Link from 'next/link';
import { requirePageSession } from '@/lib/auth/page-session';
import { AppError } from '@/lib/errors';
import { getRuntime } from '@/server/runtime';
import { localTime } from '@/tools/handover/engine/report';
import { HandoversUnavailable } from '../../unavailable';

export const dynamic = 'force-dynamic';

/** One operator note, as a handover cites it. */
export default async function NotePage({ params }: { params: Promise<{ noteId: string }> }) {
  await requirePageSession();
  const handovers = getRuntime().services.handovers;
  if (!handovers) return <HandoversUnavailable />;
  const { noteId } = await params;
  try {
    const note = await handovers.note(noteId);
    const kind = note.category === 'hold' ? 'Quality hold' : note.category === 'open_item' ? 'Open item' : 'Note';
    return (
      <section className="card" id={`note-${note.id}`}>
        <p>
          <Link href="/handovers">← Handovers</Link> · <Link href={`/audit?subject=${note.id}`}>Audit trail</Link>
        </p>
        <h1>{kind}</h1>
        <p className="muted">
          {note.author}, {localTime(note.time, handovers.calendar.timeZone)}
          {note.assetId ? ` · ${note.assetId}` : ''}
        </p>
        <p>{note.text}</p>
      </section>
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      return (
        <section className="card">
          <h1>No such note</h1>
          <p>There is no note {noteId}.</p>
        </section>
      );
    }
    throw error;
  }
}
