import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import { packmlTransition } from './packml';
import { PlantTwin } from './simulation';
import type { TwinEvent } from './twin-types';

const START = '2025-03-03T06:00:00+01:00';
const MINUTE_MS = 60_000;

function thrown(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('PlantTwin determinism', () => {
  it('gives identical snapshots for the same seed and steps, different ones for another seed', () => {
    const run = (seed: number) => {
      const twin = new PlantTwin({ seed, startTime: START });
      for (let i = 0; i < 30; i++) twin.step(MINUTE_MS);
      return JSON.stringify(twin.snapshot());
    };
    const first = run(3);
    expect(run(3)).toBe(first);
    expect(run(4)).not.toBe(first);
    const snapshot = JSON.parse(first);
    expect(snapshot.time).toBe('2025-03-03T05:30:00.000Z');
    expect(snapshot.machines['L1-PNP1'].values.TotalCount).toBeGreaterThan(0);
  });
});

describe('PackML', () => {
  it('allows only legal transitions in the table', () => {
    expect(packmlTransition('Idle', 'start')).toBe('Starting');
    expect(packmlTransition('Execute', 'start')).toBeUndefined();
    expect(packmlTransition('Aborted', 'reset')).toBeUndefined();
    expect(packmlTransition('Aborted', 'clear')).toBe('Clearing');
    expect(packmlTransition('Held', 'unhold')).toBe('Unholding');
    expect(packmlTransition('Stopped', 'stop')).toBeUndefined();
  });

  it('walks a machine through hold, stop, reset and start and refuses illegal commands', () => {
    const twin = new PlantTwin({ seed: 1, startTime: START, autoOperator: false });
    const states: string[] = [];
    twin.onEvent((event) => {
      if (event.kind === 'state-changed' && event.machineId === 'L1-AOI') states.push(event.to);
    });
    expect(twin.command('L1-AOI', 'hold').to).toBe('Holding');
    twin.step(3_000);
    expect(twin.machineState('L1-AOI')).toBe('Held');
    const refusal = thrown(() => twin.command('L1-AOI', 'start'));
    expect(refusal.code).toBe('conflict');
    expect(refusal.message).toMatch(/Held.*Allowed now: stop, unhold, abort|Held.*Allowed now/);
    twin.command('L1-AOI', 'stop');
    twin.step(5_000);
    expect(twin.machineState('L1-AOI')).toBe('Stopped');
    twin.command('L1-AOI', 'reset');
    twin.step(6_000);
    expect(twin.machineState('L1-AOI')).toBe('Idle');
    twin.command('L1-AOI', 'start');
    twin.step(6_000);
    expect(twin.machineState('L1-AOI')).toBe('Execute');
    expect(states).toEqual(['Holding', 'Held', 'Stopping', 'Stopped', 'Resetting', 'Idle', 'Starting', 'Execute']);
    expect(thrown(() => twin.command('NOPE', 'start')).code).toBe('not_found');
  });
});

describe('material shortage', () => {
  it('stops a placer whose feeder runs dry and brings it back after the refill', () => {
    const twin = new PlantTwin({ seed: 5, startTime: START });
    const events: TwinEvent[] = [];
    twin.onEvent((event) => events.push(event));
    twin.setMaterialLevel('L1-PNP1', 'Feeder2.LevelPct', 0.6);
    for (let i = 0; i < 10 && !twin.activeAlarms('L1-PNP1').some((alarm) => alarm.code === 'E-302'); i++) twin.step(MINUTE_MS);

    const shortage = twin.activeAlarms('L1-PNP1').find((alarm) => alarm.code === 'E-302');
    expect(shortage?.materialShortage).toBe(true);
    expect(shortage?.sourceTagId).toBe('Feeder2.LevelPct');
    expect(['Aborting', 'Aborted']).toContain(twin.machineState('L1-PNP1'));

    twin.step(40 * MINUTE_MS);
    expect(twin.readValue('L1-PNP1', 'Feeder2.LevelPct')).toBeGreaterThan(50);
    expect(twin.activeAlarms('L1-PNP1').some((alarm) => alarm.code === 'E-302')).toBe(false);
    const pnpStates = events.flatMap((event) => (event.kind === 'state-changed' && event.machineId === 'L1-PNP1' ? [event.to] : []));
    expect(pnpStates.slice(pnpStates.indexOf('Aborted'))).toEqual(expect.arrayContaining(['Aborted', 'Clearing', 'Stopped', 'Idle', 'Execute']));
    expect(events.some((event) => event.kind === 'material-refilled' && event.tagId === 'Feeder2.LevelPct')).toBe(true);
  });
});

describe('degradation', () => {
  it('drifts vibration up while running and resets it after maintenance', () => {
    const twin = new PlantTwin({ seed: 2, startTime: START });
    const wearAt = () => twin.snapshot().machines['UT-CHL'].wear!;
    const initialWear = wearAt();
    // Vibration is noisy; compare ten-minute means so the drift, not one sample, decides.
    const meanVibration = () => {
      let sum = 0;
      for (let i = 0; i < 10; i++) {
        twin.step(MINUTE_MS);
        sum += twin.readValue('UT-CHL', 'PumpVibrationMmS') as number;
      }
      return sum / 10;
    };
    const initialVibration = meanVibration();
    twin.step(3 * 60 * MINUTE_MS);
    expect(wearAt()).toBeGreaterThan(initialWear);
    expect(meanVibration()).toBeGreaterThan(initialVibration);

    expect(thrown(() => twin.performMaintenance('UT-CHL')).code).toBe('conflict');
    twin.command('UT-CHL', 'stop');
    twin.step(5_000);
    twin.performMaintenance('UT-CHL');
    expect(wearAt()).toBe(0);
    expect(twin.readValue('UT-CHL', 'PumpVibrationMmS')).toBe(1.5);
  });
});

describe('setpoints and orders', () => {
  it('refuses out-of-range and read-only writes and lets the measured value follow a valid one', () => {
    const twin = new PlantTwin({ seed: 1, startTime: START });
    const outOfRange = thrown(() => twin.writeSetpoint('L1-RFL', 'Zone4.SetpointC', 400));
    expect(outOfRange.code).toBe('invalid_argument');
    expect(outOfRange.details).toMatchObject({ reason: 'out_of_range', low: 50, high: 280 });
    expect(thrown(() => twin.writeSetpoint('L1-RFL', 'Zone4.TemperatureC', 200)).details).toMatchObject({ reason: 'not_writable' });
    expect(thrown(() => twin.setSpeed('L1-RFL', 0)).details).toMatchObject({ reason: 'out_of_range' });

    twin.writeSetpoint('L1-RFL', 'Zone4.SetpointC', 200);
    twin.step(30_000);
    const halfway = twin.readValue('L1-RFL', 'Zone4.TemperatureC') as number;
    expect(halfway).toBeGreaterThan(176);
    expect(halfway).toBeLessThan(199);
    twin.step(15 * MINUTE_MS);
    expect(twin.readValue('L1-RFL', 'Zone4.TemperatureC') as number).toBeCloseTo(200, 0);
  });

  it('raises E-214 when zone 4 is far above a lowered setpoint', () => {
    const twin = new PlantTwin({ seed: 1, startTime: START });
    twin.writeSetpoint('L1-RFL', 'Zone4.SetpointC', 120);
    twin.step(5_000);
    expect(twin.activeAlarms('L1-RFL').map((alarm) => alarm.code)).toContain('E-214');
    twin.step(20 * MINUTE_MS);
    expect(twin.activeAlarms('L1-RFL').map((alarm) => alarm.code)).not.toContain('E-214');
  });

  it('adds orders and loads a sequence onto a line', () => {
    const twin = new PlantTwin({ seed: 1, startTime: START });
    const order = twin.addOrder({ id: 'PO-30001', productId: 'IO-16DI', quantity: 10, dueAt: '2025-03-03T18:00:00+01:00' });
    expect(order.status).toBe('planned');
    expect(thrown(() => twin.addOrder({ id: 'PO-30001', productId: 'IO-16DI', quantity: 1, dueAt: START })).code).toBe('conflict');
    expect(thrown(() => twin.addOrder({ id: 'PO-30002', productId: 'NOPE', quantity: 1, dueAt: START })).code).toBe('not_found');
    expect(twin.loadOrderSequence('Line2', ['PO-30001', 'PO-24122']).orderSequence).toEqual(['PO-30001', 'PO-24122']);
    expect(thrown(() => twin.loadOrderSequence('Line2', ['PO-99999'])).code).toBe('not_found');
    twin.step(MINUTE_MS);
    expect(twin.orderList().find((candidate) => candidate.id === 'PO-24117')?.status).toBe('running');
    expect(thrown(() => twin.loadOrderSequence('Line2', ['PO-24117'])).code).toBe('conflict');
  });
});
