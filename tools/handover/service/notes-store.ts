/** SQL for operator notes: what people add during a shift for the handover (notes, holds, open items). */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Queryable } from '@/lib/db/db';
import type { HandoverNote } from '../engine/report-types';
import { DEFAULT_SITE_KEY } from '@/connectors/historian/historian-types';

export const NoteCategory = z.enum(['note', 'hold', 'open_item']);

export const NewNote = z.object({
  text: z.string().trim().min(1, 'write something').max(4000, 'at most 4,000 characters'),
  assetId: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a line or machine id such as Line1 or L1-RFL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  category: NoteCategory.default('note'),
});
export type NewNote = z.input<typeof NewNote>;

type NoteRow = { id: string; time: Date; author: { id: string; name: string }; text: string; asset_id: string | null; category: HandoverNote['category'] };

const fromRow = (row: NoteRow): HandoverNote & { authorId: string } => ({
  id: row.id,
  time: row.time.toISOString(),
  author: row.author.name,
  authorId: row.author.id,
  text: row.text,
  assetId: row.asset_id,
  category: row.category,
});

export async function insertNote(
  db: Queryable,
  note: z.infer<typeof NewNote>,
  author: { id: string; name: string },
  time: Date,
  site = DEFAULT_SITE_KEY,
): Promise<HandoverNote & { authorId: string }> {
  const { rows } = await db.query<NoteRow>(
    'INSERT INTO handover_notes (id, time, author, text, asset_id, category, site_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *',
    [randomUUID(), time, JSON.stringify(author), note.text, note.assetId ?? null, note.category, site],
  );
  return fromRow(rows[0]!);
}

export async function selectNotes(db: Queryable, from: Date, to: Date, limit = 500, site = DEFAULT_SITE_KEY): Promise<(HandoverNote & { authorId: string })[]> {
  const { rows } = await db.query<NoteRow>('SELECT * FROM handover_notes WHERE site_id = $4 AND time >= $1 AND time < $2 ORDER BY time, id LIMIT $3', [
    from,
    to,
    limit,
    site,
  ]);
  return rows.map(fromRow);
}

export async function selectNote(db: Queryable, id: string): Promise<(HandoverNote & { authorId: string }) | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const { rows } = await db.query<NoteRow>('SELECT * FROM handover_notes WHERE id = $1', [id]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}
