/**
 * The twin's material service and VDA 5050 fleet against the real Mosquitto broker: every message a
 * vehicle publishes passes the schema, an order is driven node by node and reported finished, the
 * dropped load arrives in the supermarket, and a schema-breaking order is refused in the state.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { eventually } from '@/test/eventually';
import { fetchMaterialSnapshot } from '../../material/material-client';
import { openFleetClient, type FleetClient } from '../../vda5050/fleet-client';
import { vdaSchemaErrors, type OrderMessage } from '../../vda5050/messages';
import { PlantTwin } from '../simulation';
import { FLOOR_MAP_ID, floorNode, floorPath } from './floor-map';
import { startMaterialPlant, type MaterialPlant } from './material-plant';

const MQTT_URL = process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(): Promise<{ plant: MaterialPlant; fleet: FleetClient; twin: PlantTwin }> {
  const twin = new PlantTwin({ seed: 5, startTime: new Date('2026-03-02T06:00:00Z') });
  // Sixty simulated seconds per wall-clock tick: a run of a few hundred metres takes seconds.
  const stepper = setInterval(() => twin.step(60_000), 100);
  cleanups.push(async () => clearInterval(stepper));
  const interfaceName = `pp-test-${randomUUID().slice(0, 8)}`;
  const plant = await startMaterialPlant({ twin, mqttUrl: MQTT_URL, interfaceName, tickMs: 50 });
  cleanups.push(() => plant.close());
  const fleet = await openFleetClient({ mqttUrl: MQTT_URL, interfaceName });
  cleanups.push(() => fleet.close());
  return { plant, fleet, twin };
}

function orderFor(serialNumber: string, stops: { nodeId: string; actions: OrderMessage['nodes'][number]['actions'] }[], from: string) {
  const path = [from];
  for (const stop of stops) path.push(...floorPath(path[path.length - 1]!, stop.nodeId).slice(1));
  const actionsAt = new Map(stops.map((stop) => [stop.nodeId, stop.actions]));
  const nodes = path.map((nodeId, index) => {
    const node = floorNode(nodeId)!;
    return {
      nodeId,
      sequenceId: index * 2,
      released: true,
      nodePosition: { x: node.x, y: node.y, mapId: FLOOR_MAP_ID },
      actions: index > 0 ? (actionsAt.get(nodeId) ?? []) : [],
    };
  });
  const edges = path.slice(1).map((nodeId, index) => ({
    edgeId: `${path[index]}-${nodeId}`,
    sequenceId: index * 2 + 1,
    released: true,
    startNodeId: path[index]!,
    endNodeId: nodeId,
    actions: [],
  }));
  return { manufacturer: 'Plantpilot', serialNumber, orderId: `ORD-${randomUUID().slice(0, 8)}`, orderUpdateId: 0, nodes, edges };
}

describe('twin material plant over MQTT', () => {
  it('publishes schema-valid connection and state for every vehicle and serves the material snapshot', async () => {
    const { plant, fleet } = await start();
    const raw = await mqtt.connectAsync(MQTT_URL);
    cleanups.push(() => raw.endAsync());
    const seen: { topic: string; errors: string[] }[] = [];
    raw.on('message', (topic, payload) => {
      const kind = topic.split('/').pop() as 'state' | 'connection';
      seen.push({ topic, errors: vdaSchemaErrors(kind, JSON.parse(payload.toString())) });
    });
    await raw.subscribeAsync(`${plant.interfaceName}/v2/+/+/+`);
    const states = await Promise.all(plant.vehicles.map((v) => fleet.waitForState(v.spec.serialNumber, () => true, 10_000)));
    expect(states.every((state) => state !== undefined)).toBe(true);
    expect(fleet.vehicles().map((v) => v.connectionState)).toEqual(['ONLINE', 'ONLINE', 'ONLINE', 'ONLINE', 'ONLINE']);
    expect(fleet.vehicles().filter((v) => v.serialNumber.startsWith('TUG'))).toHaveLength(2);
    // The raw subscriber joins after the fleet client: wait for the retained connection messages to reach it.
    await eventually(() => seen.length >= plant.vehicles.length, 10_000, 'the retained connection messages');
    expect(seen.filter((message) => message.errors.length > 0)).toEqual([]);

    const snapshot = await fetchMaterialSnapshot(plant.materialUrl);
    expect(snapshot.deliveries.some((delivery) => delivery.status === 'late')).toBe(true);
  });

  it('drives an order, picks at the warehouse, drops at the supermarket and reports it finished', async () => {
    const { plant, fleet } = await start();
    const part = 'GRM155R71C104KA88D';
    const before = plant.material.stock(part, 'SM-L2');
    const params = [
      { key: 'partNumber', value: part },
      { key: 'quantity', value: 10_000 },
      { key: 'fromLocationId', value: 'WH' },
      { key: 'toLocationId', value: 'SM-L2' },
    ];
    await fleet.waitForState('AMR-02', () => true, 10_000);
    const order = orderFor(
      'AMR-02',
      [
        { nodeId: 'WH-DOCK', actions: [{ actionType: 'pick', actionId: 'a-pick', blockingType: 'HARD', actionParameters: params }] },
        { nodeId: 'SM-L2', actions: [{ actionType: 'drop', actionId: 'a-drop', blockingType: 'HARD', actionParameters: params }] },
      ],
      'WH-CHARGE',
    );
    const sent = await fleet.sendOrder(order);
    expect(vdaSchemaErrors('order', sent)).toEqual([]);
    const accepted = await fleet.waitForState('AMR-02', (state) => state.orderId === order.orderId, 10_000);
    expect(accepted?.errors).toEqual([]);
    const done = await fleet.waitForState(
      'AMR-02',
      (state) => state.orderId === order.orderId && state.nodeStates.length === 0 && state.actionStates.every((a) => a.actionStatus === 'FINISHED'),
      30_000,
    );
    expect(done?.lastNodeId).toBe('SM-L2');
    expect(vdaSchemaErrors('state', done)).toEqual([]);
    // Consumption runs meanwhile, so the drop shows as at least most of the load arriving.
    expect(plant.material.stock(part, 'SM-L2')).toBeGreaterThan(before + 5_000);
  });

  it('refuses an order that breaks the schema and says why in the state', async () => {
    const { plant, fleet } = await start();
    await fleet.waitForState('TUG-01', () => true, 10_000);
    const raw = await mqtt.connectAsync(MQTT_URL);
    cleanups.push(() => raw.endAsync());
    await raw.publishAsync(`${plant.interfaceName}/v2/Plantpilot/TUG-01/order`, JSON.stringify({ orderId: 'x', nodes: 'none' }));
    const state = await fleet.waitForState('TUG-01', (s) => s.errors.some((e) => e.errorType === 'validationError'), 10_000);
    expect(state?.errors[0]?.errorDescription).toMatch(/schema/);
    expect(state?.orderId).toBe('');
  });
});
