import Link from 'next/link';
import { z } from 'zod';
import styles from '@/components/handovers/handovers.module.css';
import { requirePageSession } from '@/lib/auth/page-session';
import { getRuntime } from '@/server/runtime';
import { handoversAt } from '@/server/selected-site';
import { HandoversUnavailable } from '../unavailable';

export const dynamic = 'force-dynamic';

/** `site`: another site's report links its notes with its site id. */
const Query = z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }), site: z.string().max(64).optional() });

/** Operator notes in a window: what "no notes" and "no holds" statements cite. */
export default async function NotesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageSession();
  const parsed = Query.safeParse(await searchParams);
  const site = parsed.success && parsed.data.site ? getRuntime().services.sites?.get(parsed.data.site) : undefined;
  const handovers = handoversAt(site);
  if (!handovers) return <HandoversUnavailable />;
  if (!parsed.success) {
    return (
      <section className="card">
        <h1>Notes</h1>
        <p>This list needs a window: from and to as ISO 8601 times.</p>
      </section>
    );
  }
  const notes = await handovers.notes(new Date(parsed.data.from), new Date(parsed.data.to));
  return (
    <section className="card">
      <p>
        <Link href="/handovers">← Handovers</Link>
      </p>
      <h1>Notes</h1>
      <p className="muted">
        {parsed.data.from} – {parsed.data.to} (UTC): {notes.length} note{notes.length === 1 ? '' : 's'}, holds and open items.
      </p>
      {notes.map((note) => (
        <p key={note.id} id={`note-${note.id}`} className={styles.note}>
          <strong>{note.category}</strong> — {note.author}, {note.time}
          {note.assetId ? ` (${note.assetId})` : ''}: {note.text}
        </p>
      ))}
    </section>
  );
}
