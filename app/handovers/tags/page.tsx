import Link from 'next/link';
import { z } from 'zod';
import styles from '@/components/handovers/handovers.module.css';
import { PlantTime } from '@/components/plant-time';
import { requirePageSession } from '@/lib/auth/page-session';
import { getRuntime } from '@/lib/runtime';
import { tagWindow } from '@/tools/handover/service/evidence';
import { historianKeyOf } from '@/server/selected-site';

export const dynamic = 'force-dynamic';

const Query = z.object({
  asset: z.string().min(1).max(64),
  tag: z.string().min(1).max(128),
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  /** Another site's report links its evidence with its site id. */
  site: z.string().max(64).optional(),
});

/** A tag over a window — the value before it and the recorded samples — for counts and states a report cites. */
export default async function TagWindowPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageSession();
  const parsed = Query.safeParse(await searchParams);
  if (!parsed.success) {
    return (
      <section className="card">
        <h1>Tag history</h1>
        <p>This view needs asset, tag, from and to (ISO 8601).</p>
      </section>
    );
  }
  const { asset, tag, from, to, site } = parsed.data;
  const window = await tagWindow(getRuntime().db, asset, tag, new Date(from), new Date(to), undefined, historianKeyOf(site));
  const show = (point: { value: number | null; text: string | null }) => point.text ?? (point.value === null ? '—' : String(point.value));
  return (
    <section className="card">
      <p>
        <Link href="/handovers">← Handovers</Link>
      </p>
      <h1>
        {asset} {tag}
      </h1>
      <p className="muted">
        <PlantTime at={from} /> – <PlantTime at={to} /> (plant time): {window.total} sample{window.total === 1 ? '' : 's'}
        {window.before ? (
          <>
            ; value before the window: {show(window.before)} at <PlantTime at={window.before.time} style="datetimeSeconds" />
          </>
        ) : (
          '; no value before the window'
        )}
        {window.total > window.points.length ? `; the first ${window.points.length - 1} and the last are shown` : ''}.
      </p>
      <table className={styles.table}>
        <thead>
          <tr>
            <th>Time (plant)</th>
            <th>Value</th>
            <th>Quality</th>
          </tr>
        </thead>
        <tbody>
          {window.points.map((point) => (
            <tr key={point.time}>
              <td>
                <PlantTime at={point.time} style="datetimeSeconds" />
              </td>
              <td>{show(point)}</td>
              <td>{point.quality}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
