/**
 * The Schedule page: a draft (the one in ?draft=, else the latest) against the plan it is compared
 * with — the plant's current plan, or for a what-if the proposal without the scenario — as Gantt rows
 * per line and KPI cards, with the what-if form and the release button.
 */
import { GanttChart } from '../../components/schedule/gantt-chart';
import { KpiCards } from '../../components/schedule/kpi-cards';
import { ScheduleActions } from '../../components/schedule/schedule-actions';
import { requirePageSession } from '../../lib/auth/page-session';
import { isAppError } from '../../lib/errors';
import { formatPlantTime } from '../../lib/plant-time';
import { getRuntime } from '@/server/runtime';
import { describeScenario } from '../../tools/scheduling/engine/scenarios';
import type { ScheduleDraft } from '../../tools/scheduling/service/draft-store';

export const dynamic = 'force-dynamic';

export default async function SchedulePage({ searchParams }: { searchParams: Promise<{ draft?: string }> }) {
  const session = await requirePageSession();
  const scheduling = getRuntime().services.scheduling;
  const timeZone = getRuntime().config.plant.timeZone;
  if (!scheduling) {
    return (
      <section className="card">
        <h1>Schedule</h1>
        <p className="banner banner-down">
          The scheduler is not running in this server, so there is no schedule to show. Check the server log for why it did not start.
        </p>
      </section>
    );
  }
  const { draft: draftId } = await searchParams;
  let draft: ScheduleDraft | undefined;
  let problem: string | undefined;
  try {
    draft = draftId ? await scheduling.getDraft(draftId) : await scheduling.latestDraft();
  } catch (error) {
    problem = isAppError(error) ? error.message : 'The draft could not be loaded; the details are in the server log.';
  }
  const lines = draft?.schedule.lines.map((l) => l.lineId) ?? [];
  const openOrders = draft?.schedule.lines.flatMap((l) => l.orders.filter((o) => !o.running && !o.hypothetical).map((o) => o.orderId)) ?? [];
  return (
    <>
      <section className="card">
        <h1>Schedule</h1>
        <p className="muted">Orders from {scheduling.plantDescription}. Drafts change nothing in the plant until a release is approved.</p>
        {problem && <p className="banner banner-down">{problem}</p>}
        {!draft && !problem && <p>No schedule has been proposed yet. Propose one below.</p>}
        {draft && (
          <>
            <p>
              {draft.kind === 'what_if' && draft.scenario ? (
                <>
                  What-if: <strong>{describeScenario(draft.scenario)}</strong>.{' '}
                </>
              ) : null}
              Draft <code>{draft.id}</code> from {formatPlantTime(draft.createdAt, timeZone)}, compared with the {draft.compared.label}
              {draft.baseDraftId ? (
                <>
                  {' '}
                  (<a href={`/schedule?draft=${draft.baseDraftId}`}>open it</a>)
                </>
              ) : null}
              . Solver seed {draft.solver.seed}, chosen: {draft.solver.chosen}.
            </p>
            <KpiCards kpis={draft.kpis} delta={draft.delta} comparedLabel={draft.compared.label} />
          </>
        )}
      </section>
      {draft && (
        <section className="card">
          <h2>Gantt per line</h2>
          <GanttChart
            draft={draft.schedule}
            compared={draft.compared.schedule}
            comparedLabel={draft.compared.label === 'current plan' ? 'current' : 'base'}
            timeZone={timeZone}
          />
          <p className="muted">Red outline: late. Dashed: a what-if order. Grey: line not staffed. Orange: maintenance.</p>
          {draft.kpis.lateOrderIds.length > 0 && (
            <p>
              Late in this draft: {draft.kpis.lateOrderIds.join(', ')}. Ask the copilot “why is {draft.kpis.lateOrderIds[0]} late?” for causes and remedies.
            </p>
          )}
        </section>
      )}
      <ScheduleActions csrfToken={session.csrfToken} draftId={draft?.id} releasable={draft?.releasable ?? false} lines={lines} openOrders={openOrders} />
    </>
  );
}
