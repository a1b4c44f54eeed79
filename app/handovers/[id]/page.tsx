import Link from 'next/link';
import { AcknowledgeButton } from '@/components/handovers/acknowledge-button';
import { HandoverReportView } from '@/components/handovers/handover-report';
import { requirePageSession } from '@/lib/auth/page-session';
import { atLeast } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { getRuntime } from '@/server/runtime';
import { localTime } from '@/tools/handover/engine/report';
import { HandoversUnavailable } from '../unavailable';

export const dynamic = 'force-dynamic';

/** One handover: the cited report, downloads, and the incoming shift lead's acknowledgement. */
export default async function HandoverPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePageSession();
  const handovers = getRuntime().services.handovers;
  if (!handovers) return <HandoversUnavailable />;
  const { id } = await params;
  try {
    const handover = await handovers.get(id);
    const { report, summary } = handover;
    const tz = report.window.timeZone;
    return (
      <section className="card">
        <p>
          <Link href="/handovers">← All handovers</Link> · <a href={`/api/handovers/${id}/export?format=md`}>Markdown</a> ·{' '}
          <a href={`/api/handovers/${id}/export?format=pdf`}>PDF</a> · <Link href={`/audit?subject=${id}`}>Audit trail</Link>
        </p>
        <h1>Shift handover — {report.window.shiftLabel}</h1>
        <p className="muted">
          {report.plant.name} · {localTime(report.window.from, tz)} – {localTime(report.window.to, tz)} ({tz}) · generated {localTime(report.generatedAt, tz)}{' '}
          {handover.trigger === 'automatic' ? 'at shift end' : `by ${handover.generatedBy}`} · {report.kpis.eventsInWindow} plant events in the window
        </p>
        {handover.acknowledgedBy ? (
          <p>
            Acknowledged by {handover.acknowledgedBy.name} at {localTime(handover.acknowledgedAt!, tz)}.
          </p>
        ) : (
          <AcknowledgeButton handoverId={id} csrfToken={session.csrfToken} allowed={atLeast(session.user.role, 'supervisor')} />
        )}
        <HandoverReportView report={report} summary={summary} />
      </section>
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      return (
        <section className="card">
          <h1>No such handover</h1>
          <p>
            There is no handover {id}. See <Link href="/handovers">all handovers</Link>.
          </p>
        </section>
      );
    }
    throw error;
  }
}
