/**
 * Plantpilot's side of VDA 5050: reads a fleet from the broker as a master control would (every
 * vehicle's `connection` and `state` under one interfaceName, validated against the schemas) and
 * sends `order` and `instantActions`. One MQTT connection, closed by `close()`.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { AppError } from '../../lib/errors';
import {
  parseVdaMessage,
  vdaTopic,
  VDA5050_MAJOR,
  VDA5050_VERSION,
  type ConnectionMessage,
  type InstantActionsMessage,
  type OrderMessage,
  type StateMessage,
} from './messages';

export type FleetVehicle = {
  manufacturer: string;
  serialNumber: string;
  connectionState: ConnectionMessage['connectionState'] | 'UNKNOWN';
  state?: StateMessage;
  /** Messages from this vehicle that broke the schema (most recent last). */
  rejected: string[];
};

export interface FleetClient {
  readonly interfaceName: string;
  readonly brokerUrl: string;
  /** Whether the broker connection is up now (it reconnects by itself). */
  connected(): boolean;
  lastError(): string | undefined;
  vehicles(): FleetVehicle[];
  vehicle(serialNumber: string): FleetVehicle | undefined;
  sendOrder(order: Omit<OrderMessage, 'headerId' | 'timestamp' | 'version'>): Promise<OrderMessage>;
  sendInstantActions(message: Omit<InstantActionsMessage, 'headerId' | 'timestamp' | 'version'>): Promise<InstantActionsMessage>;
  /** Resolves with the vehicle's first state that satisfies `predicate`, or undefined after `timeoutMs`. */
  waitForState(serialNumber: string, predicate: (state: StateMessage) => boolean, timeoutMs: number): Promise<StateMessage | undefined>;
  close(): Promise<void>;
}

export type OpenFleetOptions = {
  mqttUrl: string;
  interfaceName: string;
  clientId?: string;
  /**
   * 'wait' (default): throw when the broker cannot be reached at once. 'background': return at once
   * and keep reconnecting; until the broker answers the fleet is empty and orders are refused.
   */
  connect?: 'wait' | 'background';
};

export async function openFleetClient(options: OpenFleetOptions): Promise<FleetClient> {
  const { interfaceName } = options;
  const subscriptions = [`${interfaceName}/${VDA5050_MAJOR}/+/+/state`, `${interfaceName}/${VDA5050_MAJOR}/+/+/connection`];
  const client: MqttClient = mqtt.connect(options.mqttUrl, {
    clientId: options.clientId ?? `plantpilot-fleet-${process.pid}-${Math.floor(Math.random() * 1e9)}`,
    reconnectPeriod: 2_000,
    connectTimeout: 5_000,
  });
  let lastError: string | undefined;
  client.on('error', (error) => (lastError = error.message));
  // A clean session forgets subscriptions: subscribe on every (re)connect.
  client.on('connect', () => {
    lastError = undefined;
    client.subscribe(subscriptions, { qos: 1 });
  });
  if ((options.connect ?? 'wait') === 'wait') {
    const connected = await new Promise<boolean>((resolve) => {
      if (client.connected) return resolve(true);
      const timer = setTimeout(() => resolve(false), 5_000);
      client.once('connect', () => (clearTimeout(timer), resolve(true)));
    });
    if (!connected) {
      await client.endAsync(true).catch(() => undefined);
      throw new AppError(
        'plant_unreachable',
        `Cannot reach the fleet's MQTT broker at ${options.mqttUrl}${lastError ? ` (${lastError})` : ''}. Check the broker URL or start Mosquitto.`,
      );
    }
  }
  const vehicles = new Map<string, FleetVehicle>();
  const waiters = new Set<() => void>();
  const headerIds = { order: 0, instantActions: 0 };
  const entry = (manufacturer: string, serialNumber: string): FleetVehicle => {
    const existing = vehicles.get(serialNumber);
    if (existing) return existing;
    const created: FleetVehicle = { manufacturer, serialNumber, connectionState: 'UNKNOWN', rejected: [] };
    vehicles.set(serialNumber, created);
    return created;
  };
  client.on('message', (topic, payload) => {
    const [, , manufacturer, serialNumber, kind] = topic.split('/');
    if (!manufacturer || !serialNumber) return;
    const vehicle = entry(manufacturer, serialNumber);
    try {
      if (kind === 'state') vehicle.state = parseVdaMessage<StateMessage>('state', payload);
      else if (kind === 'connection') vehicle.connectionState = parseVdaMessage<ConnectionMessage>('connection', payload).connectionState;
    } catch (error) {
      vehicle.rejected = [...vehicle.rejected.slice(-9), (error as Error).message];
    }
    for (const waiter of [...waiters]) waiter();
  });
  if (client.connected) await client.subscribeAsync(subscriptions, { qos: 1 });

  const publish = async <T extends { manufacturer: string; serialNumber: string }>(kind: 'order' | 'instantActions', body: T) => {
    // Never queue a command for later: an order sent minutes after it was approved is not what was approved.
    if (!client.connected) {
      throw new AppError(
        'plant_unreachable',
        `The fleet's MQTT broker at ${options.mqttUrl} is not connected${lastError ? ` (${lastError})` : ''}; nothing was sent. Try again when the broker is back.`,
      );
    }
    const message = { headerId: ++headerIds[kind], timestamp: new Date().toISOString(), version: VDA5050_VERSION, ...body };
    await client.publishAsync(vdaTopic(interfaceName, body.manufacturer, body.serialNumber, kind), JSON.stringify(message), { qos: 1 });
    return message;
  };

  return {
    interfaceName,
    brokerUrl: options.mqttUrl,
    connected: () => client.connected,
    lastError: () => lastError,
    vehicles: () => [...vehicles.values()].sort((a, b) => a.serialNumber.localeCompare(b.serialNumber)),
    vehicle: (serialNumber) => vehicles.get(serialNumber),
    sendOrder: (order) => publish('order', order) as Promise<OrderMessage>,
    sendInstantActions: (message) => publish('instantActions', message) as Promise<InstantActionsMessage>,
    waitForState(serialNumber, predicate, timeoutMs) {
      return new Promise((resolve) => {
        const check = () => {
          const state = vehicles.get(serialNumber)?.state;
          if (state && predicate(state)) {
            done(state);
            return true;
          }
          return false;
        };
        const done = (state: StateMessage | undefined) => {
          clearTimeout(timer);
          waiters.delete(check);
          resolve(state);
        };
        const timer = setTimeout(() => done(undefined), timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    async close() {
      waiters.clear();
      await client.endAsync();
    },
  };
}
