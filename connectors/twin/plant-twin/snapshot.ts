/** The twin's observable state as plain JSON data: every machine's tags, the lines, orders and alarms. */
import type { TwinSnapshot } from '../twin-types';
import { orderSnapshot } from './orders';
import type { TwinState } from './runtime';

export function twinSnapshot(twin: TwinState, seed: number): TwinSnapshot {
  const machines: TwinSnapshot['machines'] = {};
  for (const machine of twin.machines.values()) {
    machines[machine.definition.id] = {
      id: machine.definition.id,
      area: machine.definition.area,
      type: machine.definition.type,
      state: machine.state,
      values: { ...machine.values },
      ...(machine.degradation ? { wear: machine.degradation.state.wear } : {}),
    };
  }
  return {
    time: new Date(twin.startTimeMs + twin.elapsedMs).toISOString(),
    elapsedMs: twin.elapsedMs,
    seed,
    machines,
    lines: [...twin.lines.values()].map((line) => ({
      id: line.definition.id,
      orderSequence: [...line.sequence],
      bufferCounts: line.buffers.map((buffer) => buffer.length),
    })),
    orders: [...twin.orders.values()].map((order) => orderSnapshot(order)),
    alarms: twin.alarmBook.all(),
  };
}
