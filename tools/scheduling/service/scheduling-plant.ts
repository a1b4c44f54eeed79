/**
 * Where the scheduler reads the plant from and how it hands a sequence to it. Two small interfaces, so
 * the service and its tools run the same against the in-process twin (tests, `plantpilot sim`), the
 * twin's catalogue alone, or a live OPC UA connection. The release to a live plant is written by the
 * `release_schedule` tool itself (tools/release-schedule.ts), through the connector's write path.
 */
import type { PlantTwin } from '@/connectors/twin/simulation';
import type { PlantConnection } from '@/connectors/opcua/plant-connection';
import type { PlanInputsInput } from '../engine/plant-data';
import { planInputsFromCatalogue, planInputsFromSnapshot } from './twin-plant-data';

export interface SchedulingPlant {
  /** For messages and the page: where the orders come from. */
  readonly description: string;
  /** True when `currentSequences` are read from the plant itself, so a read-back can rely on them. */
  readonly liveSequences: boolean;
  readInputs(): Promise<PlanInputsInput>;
}

/** Releases a line's order sequence to the plant; resolves with the sequence the plant reports back. */
export interface OrderSequenceWriter {
  loadOrderSequence(lineId: string, orderIds: readonly string[]): Promise<string[]>;
}

export function twinSchedulingPlant(twin: PlantTwin): SchedulingPlant {
  return { description: 'the in-process plant twin', liveSequences: true, readInputs: async () => planInputsFromSnapshot(twin.snapshot()) };
}

export function twinSequenceWriter(twin: PlantTwin): OrderSequenceWriter {
  return { loadOrderSequence: async (lineId, orderIds) => twin.loadOrderSequence(lineId, orderIds).orderSequence };
}

/** The twin's initial order book, due relative to `startTime`, with no live plant behind it. */
export function catalogueSchedulingPlant(startTime: Date, now: () => Date = () => new Date()): SchedulingPlant {
  return {
    description: "the twin's catalogue orders (no live order book)",
    liveSequences: false,
    readInputs: async () => planInputsFromCatalogue(startTime, now()),
  };
}

/**
 * A live OPC UA plant. The twin's address space publishes the simulated time, machine speeds and the
 * order each machine works on, but not its order book or line sequences, so orders come from the
 * catalogue (due relative to `ordersStartTime`) and a running order is recognised by the printer's
 * OrderId. Values with bad quality are not used.
 */
export function connectedSchedulingPlant(connection: PlantConnection, ordersStartTime: Date, plantAssetId = 'Plant'): SchedulingPlant {
  const good = (assetId: string, tagId: string) => {
    try {
      const value = connection.getValue(assetId, tagId);
      return value.quality === 'good' ? value.value : null;
    } catch {
      return null;
    }
  };
  return {
    description: `the plant at ${connection.endpointUrl} (orders from the twin catalogue)`,
    liveSequences: false,
    async readInputs() {
      const simTime = good(plantAssetId, 'SimTime');
      const now = typeof simTime === 'string' && !Number.isNaN(Date.parse(simTime)) ? new Date(simTime) : new Date();
      const inputs = planInputsFromCatalogue(ordersStartTime, now);
      for (const line of inputs.layout?.lines ?? []) {
        for (const machine of line.machines) {
          const speed = good(machine.id, 'SpeedPct');
          if (typeof speed === 'number' && speed > 0) machine.speedPct = speed;
        }
        const runningOrder = good(line.machines[0]!.id, 'OrderId');
        const order = inputs.orders.find((o) => o.id === runningOrder);
        if (order) Object.assign(order, { status: 'running', lineId: line.id });
      }
      return inputs;
    },
  };
}
