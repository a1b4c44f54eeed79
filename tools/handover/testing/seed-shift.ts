/**
 * A simulated shift written straight into the historian and approval tables, for tests and the
 * benchmark: counters on every line machine, product changes, scripted stops with and without an
 * alarm, a priority-1 alarm still active at the end, an alarm carried over from the shift before,
 * executed, failed and rejected actuations, and — to reach a target event count — starved/blocked
 * flapping, minor alarms and order progress. Deterministic for a seed.
 */
import { randomUUID } from 'node:crypto';
import { insertEvents, insertSamples } from '@/connectors/historian/history-store';
import type { PlantEvent, Sample } from '@/connectors/historian/historian-types';
import type { Queryable } from '@/lib/db/db';
import { CATALOGUE_LINES } from '../service/gather';
import { seededRandom } from '@/lib/seeded-random';

export type SeededShift = {
  from: Date;
  to: Date;
  events: number;
  samples: number;
  /** Codes of the scripted priority-1/2 alarms (the filler alarms are priority 3–4). */
  urgentAlarmCodes: string[];
  executedApprovalIds: string[];
  failedApprovalIds: string[];
};

const BATCH = 5000;

async function writeInBatches<T>(rows: T[], write: (batch: T[]) => Promise<void>): Promise<void> {
  for (let index = 0; index < rows.length; index += BATCH) await write(rows.slice(index, index + BATCH));
}

export async function seedShift(
  db: Queryable,
  options: { from: Date; hours?: number; targetEvents?: number; boardPeriodS?: number; seed?: number },
): Promise<SeededShift> {
  const hours = options.hours ?? 8;
  const from = options.from;
  const to = new Date(from.getTime() + hours * 3_600_000);
  const at = (minutes: number) => new Date(from.getTime() + minutes * 60_000);
  const random = seededRandom(options.seed ?? 1);
  const events: PlantEvent[] = [];
  const samples: Sample[] = [];
  const machines = CATALOGUE_LINES.flatMap((line) => line.machineIds);

  // Every machine running before the shift; the outputs set up for a product and order.
  for (const machineId of machines) {
    events.push({
      time: at(-90),
      kind: 'state_change',
      assetId: machineId,
      code: 'Execute',
      message: `${machineId} Starting → Execute`,
      payload: { from: 'Starting', to: 'Execute' },
    });
  }
  const setup = (assetId: string, minutes: number, productId: string, orderId: string) => {
    samples.push({ time: at(minutes), assetId, tagId: 'ProductId', value: null, textValue: productId, quality: 'good' });
    samples.push({ time: at(minutes), assetId, tagId: 'OrderId', value: null, textValue: orderId, quality: 'good' });
  };
  setup('L1-PCK', -60, 'IO-16DI', 'PO-24118');
  setup('L1-PCK', 300, 'HMI-7MB', 'PO-24121');
  setup('L2-PCK', -60, 'PSU-24V10', 'PO-24120');

  const state = (minutes: number, assetId: string, previous: string, next: string) =>
    events.push({
      time: at(minutes),
      kind: 'state_change',
      assetId,
      code: next,
      message: `${assetId} ${previous} → ${next}`,
      payload: { from: previous, to: next },
    });
  const alarm = (minutes: number, assetId: string, code: string, priority: number, text: string, transition: 'raised' | 'acknowledged' | 'cleared') =>
    events.push({
      time: at(minutes),
      kind: 'alarm',
      assetId,
      code,
      priority,
      severity: [900, 700, 500, 300][priority - 1],
      message: transition === 'cleared' ? `${code} cleared: ${text}` : text,
      payload: { transition, alarmId: `${assetId}/${code}` },
    });

  // Carried over: chiller alarm raised in the previous shift, cleared 15 min into this one.
  alarm(-30, 'UT-CHL', 'E-902', 2, 'Chilled water supply temperature high', 'raised');
  alarm(15, 'UT-CHL', 'E-902', 2, 'Chilled water supply temperature high', 'cleared');
  // Reflow oven trips on a zone deviation; cleared and restarted 25 minutes later.
  alarm(60, 'L1-RFL', 'E-214', 2, 'Zone 4 heater over-temperature deviation', 'raised');
  state(60 + 1 / 60, 'L1-RFL', 'Execute', 'Aborting');
  state(60 + 2 / 60, 'L1-RFL', 'Aborting', 'Aborted');
  alarm(63, 'L1-RFL', 'E-214', 2, 'Zone 4 heater over-temperature deviation', 'acknowledged');
  alarm(80, 'L1-RFL', 'E-214', 2, 'Zone 4 heater over-temperature deviation', 'cleared');
  state(81, 'L1-RFL', 'Aborted', 'Clearing');
  state(82, 'L1-RFL', 'Clearing', 'Stopped');
  state(83, 'L1-RFL', 'Stopped', 'Resetting');
  state(84, 'L1-RFL', 'Resetting', 'Idle');
  state(84.5, 'L1-RFL', 'Idle', 'Starting');
  state(85, 'L1-RFL', 'Starting', 'Execute');
  // A hold without any alarm.
  state(180, 'L2-PNP1', 'Execute', 'Holding');
  state(180.1, 'L2-PNP1', 'Holding', 'Held');
  state(190, 'L2-PNP1', 'Held', 'Unholding');
  state(190.1, 'L2-PNP1', 'Unholding', 'Execute');
  // Spindle failure ten minutes before the end: priority 1, still active, machine still down.
  alarm(hours * 60 - 10, 'L1-PNP2', 'E-311', 1, 'Placement spindle overload', 'raised');
  state(hours * 60 - 10 + 1 / 60, 'L1-PNP2', 'Execute', 'Aborting');
  state(hours * 60 - 10 + 2 / 60, 'L1-PNP2', 'Aborting', 'Aborted');
  // A quality hold recorded as an event.
  events.push({
    time: at(200),
    kind: 'other',
    assetId: 'L2-AOI',
    code: 'QUALITY_HOLD',
    message: 'Lot PO-24120 boards 140–180 held for AOI review',
    payload: { qualityHold: true },
  });
  const urgentAlarmCodes = ['E-902', 'E-214', 'E-311'];

  // Counters: a board through every line machine each period; scrap at SPI, AOI and ICT.
  const periodS = options.boardPeriodS ?? 30;
  for (const line of CATALOGUE_LINES) {
    const count = { good: new Map<string, number>(), scrap: new Map<string, number>() };
    for (const machineId of line.machineIds) {
      count.good.set(machineId, 1000);
      count.scrap.set(machineId, 10);
    }
    for (let seconds = -periodS; seconds < hours * 3600; seconds += periodS) {
      const time = new Date(from.getTime() + seconds * 1000);
      for (const machineId of line.machineIds) {
        const scrapping = /-(SPI|AOI|ICT)$/.test(machineId) && random() < 0.01;
        const map = scrapping ? count.scrap : count.good;
        map.set(machineId, map.get(machineId)! + 1);
        const good = count.good.get(machineId)!;
        const scrap = count.scrap.get(machineId)!;
        samples.push({ time, assetId: machineId, tagId: 'GoodCount', value: good, quality: 'good' });
        samples.push({ time, assetId: machineId, tagId: 'ScrapCount', value: scrap, quality: 'good' });
        samples.push({ time, assetId: machineId, tagId: 'TotalCount', value: good + scrap, quality: 'good' });
      }
    }
  }

  // Filler up to the target: starved/blocked flapping, minor alarms, order progress.
  const beforeWindow = events.filter((event) => event.time < from).length;
  const scripted = events.length - beforeWindow;
  // The one minor alarm left active below counts too.
  const target = Math.max((options.targetEvents ?? 0) - 1, scripted);
  const spanMin = hours * 60 - 25;
  const minorCodes = ['W-101', 'W-305', 'W-512', 'W-701'];
  let index = 0;
  while (events.length - beforeWindow < target) {
    const minutes = 20 + (spanMin * index) / Math.max(1, (target - scripted) / 2) + random() * 0.01;
    const machineId = machines[Math.floor(random() * machines.length)]!;
    const pick = random();
    if (pick < 0.6 && machineId !== 'L1-RFL' && machineId !== 'L1-PNP2' && machineId !== 'L2-PNP1') {
      state(minutes, machineId, 'Execute', 'Suspended');
      state(minutes + 0.2, machineId, 'Suspended', 'Execute');
    } else if (pick < 0.85) {
      const code = minorCodes[Math.floor(random() * minorCodes.length)]!;
      const priority = random() < 0.5 ? 3 : 4;
      alarm(minutes, machineId, code, priority, `Advisory ${code}`, 'raised');
      alarm(minutes + 0.5, machineId, code, priority, `Advisory ${code}`, 'cleared');
    } else {
      events.push({ time: at(minutes), kind: 'order_progress', assetId: 'L1-PCK', message: 'Order progress', payload: { orderId: 'PO-24118' } });
      events.push({ time: at(minutes + 0.1), kind: 'order_progress', assetId: 'L2-PCK', message: 'Order progress', payload: { orderId: 'PO-24120' } });
    }
    index++;
  }
  // One minor alarm left active at the end.
  alarm(hours * 60 - 30, 'L2-SPI', 'W-401', 3, 'Paste volume low', 'raised');

  events.sort((a, b) => a.time.getTime() - b.time.getTime());
  await writeInBatches(events, (batch) => insertEvents(db, batch));
  await writeInBatches(samples, (batch) => insertSamples(db, batch));

  const approvals = await seedApprovals(db, from);
  const inWindow = events.filter((event) => event.time >= from && event.time < to).length;
  return { from, to, events: inWindow, samples: samples.length, urgentAlarmCodes, ...approvals };
}

const operator = { kind: 'user', id: 'u-olga', name: 'Olga Operator (olga)', role: 'operator' };
const supervisor = { id: 'u-sam', name: 'Sam Supervisor (sam)', role: 'supervisor' };

/** Approval requests as the gate leaves them: executed with a read-back, failed, rejected. */
export async function seedApprovals(db: Queryable, from: Date): Promise<{ executedApprovalIds: string[]; failedApprovalIds: string[] }> {
  const at = (minutes: number) => new Date(from.getTime() + minutes * 60_000);
  const insert = async (input: {
    tool: string;
    summary: string;
    assetId: string;
    status: string;
    createdMin: number;
    decidedMin?: number;
    executedMin?: number;
    readBack?: { ok: boolean; observed: string };
    error?: string;
    reason?: string;
  }) => {
    const id = randomUUID();
    await db.query(
      `INSERT INTO approval_requests (id, tool, args_json, args_sha256, status, risk, preview, requester, created_at, expires_at, decided_by, decided_at, reason, executed_at, read_back, error, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'medium', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $8)`,
      [
        id,
        input.tool,
        '{}',
        'a'.repeat(64),
        input.status,
        JSON.stringify({
          summary: input.summary,
          asset: { id: input.assetId, name: input.assetId },
          changes: [],
          expectedEffect: '',
          safetyNotes: [],
          risk: 'medium',
        }),
        JSON.stringify(operator),
        at(input.createdMin),
        at(input.createdMin + 15),
        input.decidedMin === undefined ? null : JSON.stringify(supervisor),
        input.decidedMin === undefined ? null : at(input.decidedMin),
        input.reason ?? null,
        input.executedMin === undefined ? null : at(input.executedMin),
        input.readBack ? JSON.stringify(input.readBack) : null,
        input.error ?? null,
      ],
    );
    return id;
  };
  const executed = [
    await insert({
      tool: 'set_setpoint',
      summary: 'Lower L1-RFL zone 4 setpoint from 245 to 240 °C',
      assetId: 'L1-RFL',
      status: 'executed',
      createdMin: 70,
      decidedMin: 72,
      executedMin: 72.1,
      readBack: { ok: true, observed: 'Zone4.SetpointC = 240 degC' },
    }),
    await insert({
      tool: 'machine_command',
      summary: 'Reset L1-RFL after the zone 4 trip',
      assetId: 'L1-RFL',
      status: 'executed',
      createdMin: 82,
      decidedMin: 82.5,
      executedMin: 82.6,
      readBack: { ok: true, observed: 'State = Resetting' },
    }),
  ];
  const failed = [
    await insert({
      tool: 'set_speed',
      summary: 'Set L2-PNP1 speed to 95 %',
      assetId: 'L2-PNP1',
      status: 'failed',
      createdMin: 200,
      decidedMin: 201,
      executedMin: 201.1,
      error: 'The plant refused the write (BadUserAccessDenied).',
    }),
  ];
  await insert({
    tool: 'set_setpoint',
    summary: 'Raise L2-RFL zone 7 to 260 °C',
    assetId: 'L2-RFL',
    status: 'rejected',
    createdMin: 300,
    decidedMin: 305,
    reason: 'Out of profile',
  });
  return { executedApprovalIds: executed, failedApprovalIds: failed };
}
