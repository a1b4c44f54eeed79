/**
 * Builds the handover report from the gathered facts: sections of statements, each with the sources
 * it rests on. Pure — facts in, report out — so the same facts always give the same report. A
 * statement that says "nothing happened" cites the list it looked at.
 */
import { downtimePareto } from './downtime-pareto';
import { AppError } from '@/lib/errors';
import { formatPlantTime } from '@/lib/plant-time';
import type { Source } from '../../sources';
import {
  alarmClearedSource,
  alarmRaisedSource,
  approvalSource,
  approvalsWindowSource,
  auditSource,
  downtimeSources,
  holdEventSource,
  noteSource,
  notesWindowSource,
  tagSource,
  windowEventsSource,
} from './citations';
import { formatPct, toPct } from '../../kpis/engine/iso-22400';
import { messageWithoutCode } from '../../plant/engine/alarm-state';
import { lineKpis, round1 } from './line-kpis';
import type { AlarmEpisode, HandoverReport, LineKpis, Section, SectionId, ShiftFacts, Statement } from './report-types';

/** Cap per list so a bad shift still reads as a handover, not a log; the rest is summarised and cited as a list. */
export const MAX_LISTED = 40;

const SECTION_TITLES: Record<SectionId, string> = {
  production: 'Production vs plan',
  oee: 'OEE',
  quality: 'Scrap, yield and defects',
  downtime: 'Downtime',
  alarms: 'Alarms',
  actions: 'Actions taken',
  maintenance: 'Maintenance risks for the next shift',
  holds: 'Quality holds',
  notes: 'Operator notes',
  open_items: 'Open items for the incoming shift',
};

/** "25 Nov, 06:14" in the plant's zone: the one format every page and report uses (lib/plant-time.ts). */
export function localTime(iso: string, timeZone: string): string {
  return formatPlantTime(iso, timeZone, 'datetime');
}

export function duration(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 10) return `${round1(minutes)} min`;
  if (minutes < 120) return `${Math.round(minutes)} min`;
  const whole = Math.round(minutes);
  return `${Math.floor(whole / 60)} h ${String(whole % 60).padStart(2, '0')} min`;
}

/** Ends a sentence once, whether or not the quoted text inside already ended with a full stop. */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const statement = (text: string, citations: Source[], tone: Statement['tone'] = 'info'): Statement => ({ text, citations, tone });

function productionSection(facts: ShiftFacts, kpis: LineKpis[]): Statement[] {
  const { from, to } = facts.window;
  return facts.lines.map((line) => {
    const kpi = kpis.find((k) => k.lineId === line.id)!;
    const plan = facts.plans.find((p) => p.lineId === line.id);
    const citations: Source[] = [tagSource(line.outputMachineId, 'GoodCount', from, to, `+${kpi.goodUnits} good`)];
    const planText =
      plan && plan.plannedUnits > 0
        ? ` against a plan of ${plan.plannedUnits} (${formatPct(toPct(kpi.goodUnits / plan.plannedUnits))} of plan; plan: ${plan.basis})`
        : ' (no plan available for this line)';
    if (plan) citations.push(...plan.sources);
    const tone = plan && plan.plannedUnits > 0 && kpi.goodUnits < plan.plannedUnits * 0.9 ? 'warning' : 'info';
    return statement(`${line.name}: ${kpi.goodUnits} good boards${planText}; ${kpi.scrapUnits} scrapped.`, citations, tone);
  });
}

function oeeSection(facts: ShiftFacts, kpis: LineKpis[]): Statement[] {
  const { from, to } = facts.window;
  return facts.lines.map((line) => {
    const kpi = kpis.find((k) => k.lineId === line.id)!;
    const citations = [tagSource(line.outputMachineId, 'State', from, to), tagSource(line.outputMachineId, 'GoodCount', from, to)];
    if (kpi.href) citations.push({ kind: 'tag', id: `${line.id}/OEE`, title: `How ${line.name}'s OEE was computed`, href: kpi.href, from, to });
    if (kpi.oeePct === null) {
      const missing = [
        kpi.availabilityPct === null && `no state history for ${line.outputMachineId}`,
        kpi.performancePct === null && 'no run time or known product',
        kpi.qualityPct === null && 'no boards counted',
      ].filter(Boolean);
      return statement(`${line.name}: OEE cannot be computed (${missing.join('; ')}).`, citations, 'warning');
    }
    return statement(
      `${line.name}: OEE ${formatPct(kpi.oeePct)} = availability ${formatPct(kpi.availabilityPct)} × performance ${formatPct(kpi.performancePct)} × quality ${formatPct(kpi.qualityPct)}.`,
      citations,
      kpi.oeePct < 60 ? 'warning' : 'info',
    );
  });
}

function qualitySection(facts: ShiftFacts, kpis: LineKpis[]): Statement[] {
  const { from, to } = facts.window;
  const statements: Statement[] = [];
  for (const line of facts.lines) {
    const kpi = kpis.find((k) => k.lineId === line.id)!;
    const byMachine = line.machineIds
      .map((machineId) => ({ machineId, scrap: facts.counters.find((c) => c.assetId === machineId && c.tagId === 'ScrapCount')?.increase ?? 0 }))
      .filter((entry) => entry.scrap > 0)
      .sort((a, b) => b.scrap - a.scrap);
    const total = kpi.goodUnits + kpi.scrapUnits;
    const citations = byMachine.length
      ? byMachine.map((entry) => tagSource(entry.machineId, 'ScrapCount', from, to, `+${entry.scrap} scrap`))
      : [tagSource(line.outputMachineId, 'ScrapCount', from, to)];
    const where = byMachine.length ? `; scrap by machine: ${byMachine.map((entry) => `${entry.machineId} ${entry.scrap}`).join(', ')}` : '';
    statements.push(
      statement(
        total > 0
          ? `${line.name}: yield ${formatPct(kpi.qualityPct)} (${kpi.goodUnits} good of ${total})${where}.`
          : `${line.name}: no boards counted in this window.`,
        citations,
        kpi.qualityPct !== null && kpi.qualityPct < 95 ? 'warning' : 'info',
      ),
    );
  }
  const inspectionPage: Source = { kind: 'inspection', id: 'inspection', title: 'Inspection results', href: '/inspection' };
  if (!facts.inspection) {
    statements.push(statement('No AOI inspection results: the inspection service is not running here.', [inspectionPage]));
  } else if (facts.inspection.boardsInspected === 0) {
    statements.push(statement('No boards were inspected by the vision AOI in this window.', [inspectionPage]));
  } else {
    const top = facts.inspection.pareto.slice(0, 3).map((entry) => `${entry.name} ${entry.count} (${entry.sharePct} %)`);
    const boards: Source[] = facts.inspection.worstBoards.slice(0, 5).map((board) => ({
      kind: 'inspection',
      id: board.jobId,
      title: `Board ${board.boardSerial} of lot ${board.lotId}`,
      href: board.href,
      snippet: `${plural(board.defectCount, 'defect')}`,
    }));
    statements.push(
      statement(
        `AOI inspected ${plural(facts.inspection.boardsInspected, 'board')}: yield ${facts.inspection.yieldPct ?? '—'} %, ${facts.inspection.defectiveBoards} defective` +
          (top.length ? `; top defect classes: ${top.join(', ')}.` : '.'),
        boards.length ? boards : [inspectionPage],
        facts.inspection.yieldPct !== null && facts.inspection.yieldPct < 95 ? 'warning' : 'info',
      ),
    );
  }
  return statements;
}

function downtimeSection(facts: ShiftFacts): Statement[] {
  const tz = facts.window.timeZone;
  const sorted = [...facts.downtime].sort((a, b) => b.durationMs - a.durationMs || a.from.localeCompare(b.from));
  if (sorted.length === 0)
    return [statement('No machine stops were recorded in this window.', [windowEventsSource(facts.window, 'state_change', 'State changes in the window')])];
  const statements = sorted.slice(0, MAX_LISTED).map((interval) => {
    const cause = interval.cause
      ? `${interval.cause.code} ${messageWithoutCode(interval.cause.code, interval.cause.message)}${interval.cause.priority ? ` (priority ${interval.cause.priority})` : ''}`
      : 'no alarm recorded';
    const until = interval.stillDown ? 'still down at the end of the window' : `until ${localTime(interval.to, tz)}`;
    return statement(
      `${interval.assetId} stopped (${interval.stopState}) at ${localTime(interval.from, tz)}, ${until}: ${duration(interval.durationMs)}; cause: ${cause}.`,
      downtimeSources(interval),
      interval.stillDown ? 'critical' : interval.durationMs >= 15 * 60_000 ? 'warning' : 'info',
    );
  });
  if (sorted.length > MAX_LISTED) {
    const rest = sorted.slice(MAX_LISTED);
    statements.push(
      statement(`${plural(rest.length, 'shorter stop')} totalling ${duration(rest.reduce((sum, i) => sum + i.durationMs, 0))} are not listed one by one.`, [
        windowEventsSource(facts.window, 'state_change', 'State changes in the window'),
      ]),
    );
  }
  return statements;
}

const isUrgent = (alarm: AlarmEpisode) => alarm.priority !== null && alarm.priority <= 2;
/** Active when the window ended: not cleared in it, and not shown cleared by the plant's connector since. */
export const activeAtEnd = (alarm: AlarmEpisode) => !alarm.clearedAt && !alarm.clearedPerPlant;

function alarmText(alarm: AlarmEpisode, window: ShiftFacts['window']): string {
  const tz = window.timeZone;
  const raised = alarm.carriedOver ? `active since ${localTime(alarm.raisedAt, tz)} (raised before this window)` : `raised ${localTime(alarm.raisedAt, tz)}`;
  const ack = alarm.acknowledgedAt ? `, acknowledged ${localTime(alarm.acknowledgedAt, tz)}` : '';
  const end = alarm.clearedAt
    ? `, cleared ${localTime(alarm.clearedAt, tz)}${alarm.carriedOver ? '' : ' (raised and cleared in this window)'}`
    : alarm.clearedPerPlant
      ? '; no clear was recorded, but the plant shows it is not active now, so it is not counted as open'
      : ` — ACTIVE at the end of the window (${localTime(window.to, tz)})`;
  return `Priority ${alarm.priority ?? '?'} ${alarm.code} on ${alarm.assetId}: ${messageWithoutCode(alarm.code, alarm.message)}; ${raised}${ack}${end}.`;
}

function alarmCitations(alarm: AlarmEpisode): Source[] {
  const cleared = alarmClearedSource(alarm);
  return cleared ? [alarmRaisedSource(alarm), cleared] : [alarmRaisedSource(alarm)];
}

function alarmsSection(facts: ShiftFacts): Statement[] {
  const order = (a: AlarmEpisode, b: AlarmEpisode) =>
    (a.priority ?? 9) - (b.priority ?? 9) || Number(!!a.clearedAt) - Number(!!b.clearedAt) || a.raisedAt.localeCompare(b.raisedAt);
  // Every priority-1/2 alarm is listed, however many: the incoming lead must see each one.
  const urgent = facts.alarms.filter(isUrgent).sort(order);
  const statements = urgent.map((alarm) => statement(alarmText(alarm, facts.window), alarmCitations(alarm), activeAtEnd(alarm) ? 'critical' : 'warning'));
  if (urgent.length === 0)
    statements.push(
      statement('No priority-1 or priority-2 alarms in this window.', [windowEventsSource(facts.window, 'alarm', 'Priority-1/2 alarms in the window', '1,2')]),
    );
  const minor = facts.alarms.filter((alarm) => !isUrgent(alarm));
  const minorActive = minor.filter(activeAtEnd).sort(order);
  for (const alarm of minorActive.slice(0, MAX_LISTED)) statements.push(statement(alarmText(alarm, facts.window), alarmCitations(alarm), 'warning'));
  if (minor.length > 0) {
    const byCode = new Map<string, number>();
    for (const alarm of minor) byCode.set(`${alarm.code} on ${alarm.assetId}`, (byCode.get(`${alarm.code} on ${alarm.assetId}`) ?? 0) + 1);
    const top = [...byCode.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5);
    statements.push(
      statement(
        `${plural(minor.length, 'priority-3/4 alarm')} in this window (${minorActive.length} active at its end); most frequent: ${top.map(([key, count]) => `${key} ×${count}`).join(', ')}.`,
        [windowEventsSource(facts.window, 'alarm', 'Priority-3/4 alarms in the window', '3,4')],
      ),
    );
  }
  return statements;
}

function actionsSection(facts: ShiftFacts): Statement[] {
  const tz = facts.window.timeZone;
  const statements = facts.approvals.map((action) => {
    const parts = [`${action.summary} (${action.tool}, ${action.risk} risk): requested by ${action.requester} at ${localTime(action.createdAt, tz)}`];
    if (action.decidedBy && action.decidedAt)
      parts.push(`${action.status === 'rejected' ? 'rejected' : 'approved'} by ${action.decidedBy} at ${localTime(action.decidedAt, tz)}`);
    if (action.executedAt) parts.push(`${action.status === 'failed' ? 'FAILED' : 'executed'} at ${localTime(action.executedAt, tz)}`);
    else parts.push(`status ${action.status}`);
    if (action.readBack) parts.push(`read-back ${action.readBack.ok ? 'confirmed' : 'did NOT confirm'}: ${action.readBack.observed}`);
    if (action.error) parts.push(`error: ${action.error}`);
    return statement(sentence(parts.join('; ')), [approvalSource(action)], action.status === 'failed' ? 'critical' : 'info');
  });
  for (const entry of facts.audit.slice(0, MAX_LISTED)) {
    statements.push(
      statement(`${entry.action} by ${entry.actor} at ${localTime(entry.at, tz)}${entry.subjectId ? ` (${entry.subjectKind} ${entry.subjectId})` : ''}.`, [
        auditSource(entry),
      ]),
    );
  }
  if (statements.length === 0)
    statements.push(statement('No approvals, setpoint changes, commands or other recorded actions in this window.', [approvalsWindowSource(facts.window)]));
  return statements;
}

function maintenanceSection(facts: ShiftFacts): Statement[] {
  const page: Source = { kind: 'forecast', id: 'maintenance', title: 'Maintenance forecasts', href: '/maintenance' };
  if (facts.maintenance === null) return [statement('No forecast available: no maintenance forecast service is running here.', [page])];
  if (facts.maintenance.length === 0) return [statement('No asset is forecast to need maintenance during the next shift.', [page])];
  return facts.maintenance.map((risk) =>
    statement(
      // A person plans by the clock: the due window in plant time, the operating hours only as a fallback.
      `${risk.assetId}: ${risk.text}${risk.due ? `, ${risk.due.text}` : risk.remainingHours !== null ? ` (about ${round1(risk.remainingHours)} operating h left)` : ''}.`,
      [risk.source],
      risk.remainingHours !== null && risk.remainingHours < 8 ? 'critical' : 'warning',
    ),
  );
}

function holdsSection(facts: ShiftFacts): Statement[] {
  const tz = facts.window.timeZone;
  const holds = [
    ...facts.notes
      .filter((note) => note.category === 'hold')
      .map((note) =>
        statement(
          sentence(`Hold by ${note.author} at ${localTime(note.time, tz)}${note.assetId ? ` on ${note.assetId}` : ''}: ${note.text}`),
          [noteSource(note)],
          'critical',
        ),
      ),
    ...facts.holdEvents.map((hold) =>
      statement(
        sentence(`Hold recorded at ${localTime(hold.time, tz)}${hold.assetId ? ` on ${hold.assetId}` : ''}: ${hold.message}`),
        [holdEventSource(hold)],
        'critical',
      ),
    ),
  ];
  return holds.length ? holds : [statement('No quality holds were recorded in this window.', [notesWindowSource(facts.window)])];
}

function notesSection(facts: ShiftFacts): Statement[] {
  const tz = facts.window.timeZone;
  const notes = facts.notes.filter((note) => note.category === 'note');
  if (notes.length === 0) return [statement('No operator notes were added in this window.', [notesWindowSource(facts.window)])];
  return notes.map((note) =>
    statement(sentence(`${note.author} at ${localTime(note.time, tz)}${note.assetId ? ` (${note.assetId})` : ''}: ${note.text}`), [noteSource(note)]),
  );
}

function openItemsSection(facts: ShiftFacts, sections: Map<SectionId, Statement[]>): Statement[] {
  const tz = facts.window.timeZone;
  const items: Statement[] = [];
  for (const alarm of facts.alarms.filter((a) => activeAtEnd(a) && isUrgent(a))) {
    items.push(
      statement(
        `Clear priority-${alarm.priority} alarm ${alarm.code} on ${alarm.assetId} (active since ${localTime(alarm.raisedAt, tz)}).`,
        [alarmRaisedSource(alarm)],
        'critical',
      ),
    );
  }
  for (const interval of facts.downtime.filter((i) => i.stillDown)) {
    items.push(
      statement(`${interval.assetId} is still stopped (${interval.stopState} since ${localTime(interval.from, tz)}).`, downtimeSources(interval), 'critical'),
    );
  }
  for (const action of facts.approvals) {
    if (action.status === 'failed')
      items.push(
        statement(sentence(`Check the failed change "${action.summary}": ${action.error ?? 'no reason recorded'}`), [approvalSource(action)], 'critical'),
      );
    if (action.status === 'pending' || action.status === 'approved')
      items.push(statement(`Decide or follow up on "${action.summary}" (${action.status}).`, [approvalSource(action)], 'warning'));
  }
  items.push(...(sections.get('holds') ?? []).filter((s) => s.tone === 'critical').map((s) => ({ ...s, text: `Quality hold open: ${s.text}` })));
  for (const note of facts.notes.filter((n) => n.category === 'open_item')) {
    items.push(statement(`${note.text} (from ${note.author}${note.assetId ? `, ${note.assetId}` : ''})`, [noteSource(note)], 'warning'));
  }
  items.push(...(sections.get('maintenance') ?? []).filter((s) => s.tone === 'critical'));
  items.push(...materialItems(facts));
  return items.length
    ? items
    : [statement('Nothing open: no active priority-1/2 alarms, stopped machines, failed changes or holds.', [notesWindowSource(facts.window)])];
}

/** Late or short deliveries in effect, each with the orders it starves or delays and the recommended response. */
function materialItems(facts: ShiftFacts): Statement[] {
  const page: Source = { kind: 'event', id: 'material', title: 'Material: deliveries and disruptions', href: '/material' };
  if (facts.material === undefined) return [];
  if (facts.material === null) return [statement('The material service did not answer, so late deliveries could not be checked.', [page], 'warning')];
  return facts.material.map((d) => {
    const what = [d.delayH > 0 ? `${d.delayH.toFixed(1)} h late` : '', d.shortfallPct > 0 ? `${d.shortfallPct} % short` : ''].filter(Boolean).join(', ');
    const runOut = d.parts.filter((p) => p.runOutAt).map((p) => `${p.partNumber} runs out ${localTime(p.runOutAt!, facts.window.timeZone)}`);
    const orders = d.orders.map((o) => `${o.orderId} (${o.lineId}${o.missingPart ? `, no ${o.missingPart}` : ''}, +${o.slipH} h${o.late ? ', late' : ''})`);
    const text =
      `Delivery ${d.asnId} from ${d.supplierName} is ${what || d.kind} (${d.reason}), now due ${d.eta ? localTime(d.eta, facts.window.timeZone) : 'unknown'}` +
      (runOut.length ? `; ${runOut.join('; ')}` : '') +
      (orders.length ? `; affects ${orders.join(', ')}` : '; no order is affected') +
      (d.recommended ? `. Recommended: ${d.recommended}` : '.');
    return statement(text, [{ ...page, id: d.asnId, title: `Delivery ${d.asnId}` }], d.orders.some((o) => o.late) ? 'critical' : 'warning');
  });
}

/** The report for a window. `generatedAt` is passed in so the builder stays pure. */
export function buildReport(facts: ShiftFacts, generatedAt: Date): HandoverReport {
  const kpis = lineKpis(facts);
  const bodies = new Map<SectionId, Statement[]>([
    ['production', productionSection(facts, kpis)],
    ['oee', oeeSection(facts, kpis)],
    ['quality', qualitySection(facts, kpis)],
    ['downtime', downtimeSection(facts)],
    ['alarms', alarmsSection(facts)],
    ['actions', actionsSection(facts)],
    ['maintenance', maintenanceSection(facts)],
    ['holds', holdsSection(facts)],
    ['notes', notesSection(facts)],
  ]);
  bodies.set('open_items', openItemsSection(facts, bodies));
  const sections: Section[] = [...bodies.entries()].map(([id, statements]) => ({ id, title: SECTION_TITLES[id], statements }));
  return {
    version: 1,
    plant: facts.plant,
    window: facts.window,
    generatedAt: generatedAt.toISOString(),
    kpis: {
      lines: kpis,
      alarmsP12: facts.alarms.filter(isUrgent).length,
      alarmsStillActive: facts.alarms.filter(activeAtEnd).length,
      alarmsP12ActiveAtEnd: facts.alarms.filter((alarm) => activeAtEnd(alarm) && isUrgent(alarm)).length,
      actionsExecuted: facts.approvals.filter((action) => action.status === 'executed').length,
      eventsInWindow: facts.eventsInWindow,
    },
    sections,
    downtimePareto: downtimePareto(facts.downtime),
  };
}

/** Statements without a usable citation (none, or one without an href the UI can open). */
export function uncitedStatements(statements: readonly Statement[]): Statement[] {
  return statements.filter((s) => s.citations.length === 0 || s.citations.some((c) => !c.href || !c.href.startsWith('/')));
}

/** Throws AppError('internal') naming the first statement that cites nothing; called before a report is saved. */
export function assertEveryStatementCited(report: Pick<HandoverReport, 'sections'>, extra: readonly Statement[] = []): void {
  const all = [...report.sections.flatMap((section) => section.statements), ...extra];
  const bad = uncitedStatements(all);
  if (bad.length > 0) {
    throw new AppError(
      'internal',
      `${plural(bad.length, 'handover statement')} lack a citation the UI can open, e.g. "${bad[0]!.text.slice(0, 120)}". The report was not saved.`,
    );
  }
}
