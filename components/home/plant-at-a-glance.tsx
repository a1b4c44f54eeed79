/**
 * The landing page's plant at a glance, for a shift lead arriving: each line's state, output against
 * plan and OEE this shift, active alarms by priority, what waits for their approval, maintenance
 * due within 24 h and the last handover — each a link to the page with the detail.
 */
import Link from 'next/link';
import type { HealthReport } from '../../lib/health';
import { PlantTime } from '../plant-time';
import type { Part, PlantGlance } from './plant-glance';
import styles from './home.module.css';

type Line = Extract<PlantGlance['overview'], { ok: true }>['value']['lines'][number];
type Priorities = Line['activeAlarms'];

const PRIORITY_LABELS: { key: keyof Priorities; label: string }[] = [
  { key: 'p1', label: 'P1 critical' },
  { key: 'p2', label: 'P2 high' },
  { key: 'p3', label: 'P3 medium' },
  { key: 'p4', label: 'P4 advisory' },
  { key: 'unknown', label: 'unknown priority' },
];

const STATE_CLASS: Record<string, string> = { Execute: styles.stateRun!, Held: styles.stateHeld!, Suspended: styles.stateHeld!, Aborted: styles.stateDown! };

function Missing({ part }: { part: Part<unknown> }) {
  return part.ok ? null : (
    <p className="banner banner-down" role="alert">
      {part.why}
    </p>
  );
}

function AlarmCounts({ counts, href }: { counts: Priorities; href: string }) {
  const shown = PRIORITY_LABELS.filter(({ key }) => counts[key] > 0);
  if (shown.length === 0) return <span className="muted">no active alarms</span>;
  return (
    <span className={styles.alarmCounts}>
      {shown.map(({ key, label }) => (
        <Link key={key} href={href} className={`${styles.prio} ${styles[`prio_${key}`]}`} data-priority={key}>
          {counts[key]} × {label}
        </Link>
      ))}
    </span>
  );
}

function LineCard({ line }: { line: Line }) {
  const planPct = line.outputVsPlanPct;
  return (
    <article className={styles.line} data-line={line.id} aria-label={line.name}>
      <h3>
        <Link href={`/plant#${line.id}`}>{line.name}</Link>
      </h3>
      <p className={styles.states} data-testid="line-states">
        {Object.entries(line.states).map(([state, count]) => (
          <span key={state} className={`${styles.state} ${STATE_CLASS[state] ?? ''}`}>
            {count} {state}
          </span>
        ))}
      </p>
      {/* Utilities make no boards: no output or OEE row to show as dashes. */}
      {line.outputMachineId !== null && (
        <dl className={styles.kpis}>
          <div>
            <dt>Output vs plan</dt>
            <dd data-testid="line-output">
              {line.goodThisShift ?? '—'} / {line.plannedUnits ?? '—'} boards
              {planPct !== null && <span className={planPct >= 95 ? styles.good : planPct >= 80 ? styles.warn : styles.bad}> ({Math.round(planPct)} %)</span>}
            </dd>
            {planPct !== null && (
              <div className={styles.bar} aria-hidden>
                <span style={{ width: `${Math.min(100, Math.max(0, planPct))}%` }} />
              </div>
            )}
          </div>
          <div>
            <dt>OEE this shift</dt>
            <dd data-testid="line-oee">{line.oeePct === null ? '—' : `${line.oeePct.toLocaleString('en-GB', { maximumFractionDigits: 1 })} %`}</dd>
          </div>
        </dl>
      )}
      <AlarmCounts counts={line.activeAlarms} href={`/plant#alarms`} />
    </article>
  );
}

function healthLine(report: HealthReport): { ok: boolean; text: string } {
  const notOk = Object.entries(report.parts).filter(([, part]) => part.status !== 'ok');
  if (notOk.length === 0) return { ok: true, text: 'All parts of Plantpilot are running.' };
  return { ok: false, text: `Needs attention: ${notOk.map(([name, part]) => `${name} ${part.status}`).join(', ')}.` };
}

export function PlantAtAGlance({ glance, health }: { glance: PlantGlance; health: HealthReport }) {
  const { overview, approvals, maintenance, lastHandover } = glance;
  const totals: Priorities = { p1: 0, p2: 0, p3: 0, p4: 0, unknown: 0 };
  if (overview.ok)
    for (const line of overview.value.lines) for (const key of Object.keys(totals) as (keyof Priorities)[]) totals[key] += line.activeAlarms[key];
  const system = healthLine(health);
  return (
    <div className={styles.glance}>
      <section className="card" aria-labelledby="lines-title">
        <header className={styles.head}>
          <h2 id="lines-title">Lines</h2>
          {overview.ok && (
            <span className="muted">
              {overview.value.shift.name} shift since <PlantTime at={overview.value.shift.start} style="time" />
              {overview.value.connection !== 'connected' && ` · plant connection ${overview.value.connection}: values are the last known ones`}
            </span>
          )}
        </header>
        <Missing part={overview} />
        {overview.ok && (
          <div className={styles.lines}>
            {overview.value.lines.map((line) => (
              <LineCard key={line.id} line={line} />
            ))}
          </div>
        )}
      </section>

      <div className={styles.columns}>
        <section className="card" aria-labelledby="alarms-title" data-testid="glance-alarms">
          <h2 id="alarms-title">
            <Link href="/plant#alarms">Active alarms</Link>
          </h2>
          <Missing part={overview} />
          {overview.ok && <AlarmCounts counts={totals} href="/plant#alarms" />}
        </section>

        <section className="card" aria-labelledby="approvals-title" data-testid="glance-approvals">
          <h2 id="approvals-title">
            <Link href="/approvals?status=open">
              {approvals.ok && approvals.value.decides ? 'Waiting for your approval' : 'Your requests waiting for approval'}
            </Link>
          </h2>
          <Missing part={approvals} />
          {approvals.ok && approvals.value.requests.length === 0 && <p className="muted">Nothing is waiting.</p>}
          {approvals.ok && approvals.value.requests.length > 0 && (
            <ul className={styles.list}>
              {approvals.value.requests.slice(0, 6).map((request) => (
                <li key={request.id} data-approval-id={request.id}>
                  <Link href={`/approvals/${encodeURIComponent(request.id)}`}>{request.preview.summary}</Link>
                  <span className="muted">
                    {' '}
                    · {request.risk} risk · {request.requester.name}, <PlantTime at={request.createdAt} style="time" />
                  </span>
                </li>
              ))}
              {approvals.value.requests.length > 6 && (
                <li>
                  <Link href="/approvals?status=open">and {approvals.value.requests.length - 6} more</Link>
                </li>
              )}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="maintenance-title" data-testid="glance-maintenance">
          <h2 id="maintenance-title">
            <Link href="/maintenance">Maintenance due in the next 24 h</Link>
          </h2>
          <Missing part={maintenance} />
          {maintenance.ok && maintenance.value.workOrders.length === 0 && maintenance.value.forecasts.length === 0 && (
            <p className="muted">No work order starts and no forecast runs out within 24 h.</p>
          )}
          {maintenance.ok && (
            <ul className={styles.list}>
              {maintenance.value.workOrders.map((order) => (
                <li key={order.id}>
                  <Link href={`/maintenance?workOrder=${encodeURIComponent(order.id)}#work-orders`}>
                    {order.assetId}: {order.task}
                  </Link>
                  <span className="muted">
                    {' '}
                    · <PlantTime at={order.windowFrom} /> · {order.status.replace('_', ' ')}
                  </span>
                </li>
              ))}
              {maintenance.value.forecasts.map((forecast) => (
                <li key={forecast.assetId}>
                  <Link href={`/maintenance?asset=${encodeURIComponent(forecast.assetId)}#${forecast.assetId}`}>{forecast.assetId}</Link>
                  <span className="muted">
                    {' '}
                    · {forecast.dueText ?? `may reach its wear limit within ${Math.round(forecast.lowerHours ?? 0)} operating hours`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="handover-title" data-testid="glance-handover">
          <h2 id="handover-title">
            <Link href="/handovers">Last handover</Link>
          </h2>
          <Missing part={lastHandover} />
          {lastHandover.ok && !lastHandover.value && <p className="muted">No handover yet: the first is written when the current shift ends.</p>}
          {lastHandover.ok && lastHandover.value && (
            <>
              <p>
                <Link href={`/handovers/${encodeURIComponent(lastHandover.value.id)}`}>{lastHandover.value.shift}</Link>{' '}
                <span className="muted">
                  · <PlantTime at={lastHandover.value.from} />–<PlantTime at={lastHandover.value.to} style="time" /> ·{' '}
                  {lastHandover.value.acknowledgedBy ? `acknowledged by ${lastHandover.value.acknowledgedBy.name}` : 'not acknowledged yet'}
                </span>
              </p>
              <p className={styles.summary}>{lastHandover.value.summaryText}</p>
            </>
          )}
        </section>
      </div>

      <p className={system.ok ? 'muted' : 'banner banner-down'} data-testid="system-status">
        {system.text} <Link href="/health">System health and backups</Link>
      </p>
    </div>
  );
}
