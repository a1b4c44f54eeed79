import { describe, expect, it } from 'vitest';
import { alarmEpisodes, alarmTransition, machineStops, type HistorianEventRow } from './plant-events';

const T0 = Date.parse('2025-01-15T05:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
let nextId = 1;
const alarm = (minutes: number, assetId: string, code: string, priority: number, transition: string): HistorianEventRow => ({
  id: String(nextId++),
  time: at(minutes),
  kind: 'alarm',
  assetId,
  code,
  priority,
  message: `${code} text`,
  payload: { transition },
});
const state = (minutes: number, assetId: string, from: string, to: string): HistorianEventRow => ({
  id: String(nextId++),
  time: at(minutes),
  kind: 'state_change',
  assetId,
  code: to,
  priority: null,
  message: `${assetId} ${from} → ${to}`,
  payload: { from, to },
});
const window = { from: at(0), to: at(480) };

describe('alarm episodes', () => {
  it('carries over alarms active at the window start and pairs raise, acknowledge and clear', () => {
    const carried = [alarm(-30, 'UT-CHL', 'E-902', 2, 'raised'), alarm(-20, 'L1-SPI', 'W-401', 3, 'cleared')];
    const episodes = alarmEpisodes(carried, [
      alarm(10, 'UT-CHL', 'E-902', 2, 'cleared'),
      alarm(60, 'L1-RFL', 'E-214', 2, 'raised'),
      alarm(61, 'L1-RFL', 'E-214', 2, 'raised'),
      alarm(62, 'L1-RFL', 'E-214', 2, 'acknowledged'),
      alarm(470, 'L1-PNP2', 'E-311', 1, 'raised'),
    ]);
    expect(episodes.map((e) => [e.code, e.carriedOver, e.clearedAt !== null, e.acknowledgedAt !== null])).toEqual([
      ['E-902', true, true, false],
      ['E-214', false, false, true],
      ['E-311', false, false, false],
    ]);
  });

  it('reads a transition from the payload, or from the message when there is none', () => {
    expect(alarmTransition({ message: 'E-214 cleared: zone 4', payload: {} })).toBe('cleared');
    expect(alarmTransition({ message: 'E-214 zone 4', payload: {} })).toBe('raised');
    expect(alarmTransition({ message: 'x', payload: { transition: 'shelved' } })).toBe('other');
  });

  it('reads the connector’s A&C fields before the message: an acknowledgement after the clear does not re-raise', () => {
    // What the live connector records (connectors/opcua/alarm-events.ts): no transition, the raise's message.
    const raised = { message: 'E-711 Carton jam', payload: { state: 'active', active: true, acknowledged: false } };
    const cleared = { message: 'E-711 cleared: Carton jam', payload: { state: 'cleared', active: false, acknowledged: false } };
    const ackAfterClear = { message: 'E-711 Carton jam', payload: { state: 'cleared', active: false, acknowledged: true } };
    expect([raised, cleared, ackAfterClear].map(alarmTransition)).toEqual(['raised', 'cleared', 'cleared']);
    const row = (id: string, time: string, event: { message: string; payload: Record<string, unknown> }): HistorianEventRow => ({
      id,
      time,
      kind: 'alarm',
      assetId: 'L2-PCK',
      code: 'E-711',
      priority: 2,
      ...event,
    });
    const episodes = alarmEpisodes(
      [],
      [row('1', '2025-01-15T06:00:00.000Z', raised), row('2', '2025-01-15T06:05:00.000Z', cleared), row('3', '2025-01-15T06:06:00.000Z', ackAfterClear)],
    );
    expect(episodes).toHaveLength(1);
    expect(episodes[0]).toMatchObject({ clearedAt: '2025-01-15T06:05:00.000Z' });
  });
});

describe('machine stops', () => {
  it('measures a stop from leaving Execute to returning, with the alarm active at the stop as cause', () => {
    const alarms = alarmEpisodes(
      [],
      [alarm(60, 'L1-RFL', 'E-214', 2, 'raised'), alarm(60, 'L1-RFL', 'W-205', 3, 'raised'), alarm(80, 'L1-RFL', 'E-214', 2, 'cleared')],
    );
    const initial = new Map([['L1-RFL', { state: 'Execute', eventId: '0' }]]);
    const events = [
      state(60.01, 'L1-RFL', 'Execute', 'Aborting'),
      state(60.02, 'L1-RFL', 'Aborting', 'Aborted'),
      state(81, 'L1-RFL', 'Aborted', 'Clearing'),
      state(82, 'L1-RFL', 'Clearing', 'Stopped'),
      state(84, 'L1-RFL', 'Stopped', 'Idle'),
      state(85, 'L1-RFL', 'Idle', 'Execute'),
      state(300, 'L1-RFL', 'Execute', 'Suspended'),
      state(301, 'L1-RFL', 'Suspended', 'Execute'),
    ];
    const { downtime, stateTimes } = machineStops(window, initial, events, alarms, () => 'Line1');
    expect(downtime).toHaveLength(1);
    expect(downtime[0]).toMatchObject({ assetId: 'L1-RFL', lineId: 'Line1', stopState: 'Aborted', stillDown: false, cause: { code: 'E-214', priority: 2 } });
    expect(Math.round(downtime[0]!.durationMs / 1000)).toBe(Math.round((85 - 60.01) * 60));
    expect(stateTimes[0]!.suspendedMs).toBe(60_000);
    expect(stateTimes[0]!.executeMs + stateTimes[0]!.suspendedMs + stateTimes[0]!.downMs).toBe(480 * 60_000);
  });

  it('reports a stop without an alarm, one begun before the window, and one still going at the end', () => {
    const initial = new Map([
      ['L2-PNP1', { state: 'Execute', eventId: '1' }],
      ['L2-ICT', { state: 'Held', eventId: '2' }],
    ]);
    const events = [
      state(180, 'L2-PNP1', 'Execute', 'Held'),
      state(190, 'L2-PNP1', 'Held', 'Execute'),
      state(30, 'L2-ICT', 'Held', 'Execute'),
      state(470, 'L2-PNP1', 'Execute', 'Stopping'),
    ];
    const { downtime } = machineStops(window, initial, events, [], () => 'Line2');
    expect(downtime.map((d) => [d.assetId, d.stopState, Math.round(d.durationMs / 60_000), d.stillDown, d.cause])).toEqual([
      ['L2-ICT', 'Held', 30, false, null],
      ['L2-PNP1', 'Held', 10, false, null],
      ['L2-PNP1', 'Stopping', 10, true, null],
    ]);
    expect(downtime[0]!.stopEventId).toBe('2');
  });

  it('does not count an order finishing (Complete, Idle) as downtime', () => {
    const initial = new Map([['L1-PCK', { state: 'Execute', eventId: null }]]);
    const events = [
      state(100, 'L1-PCK', 'Execute', 'Completing'),
      state(101, 'L1-PCK', 'Completing', 'Complete'),
      state(110, 'L1-PCK', 'Complete', 'Resetting'),
      state(111, 'L1-PCK', 'Resetting', 'Idle'),
    ];
    expect(machineStops(window, initial, events, [], () => 'Line1').downtime).toEqual([]);
  });
});
