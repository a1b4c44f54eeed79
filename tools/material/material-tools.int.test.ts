/**
 * The material tools against the real twin (OPC UA server and its material plant), the real
 * Mosquitto broker and the approval gate on PGlite: a late delivery the twin announces on its own
 * shows up with the orders it starves; a planned run, approved, becomes a VDA 5050 order that the
 * twin's vehicle accepts, drives and reports finished — every message checked against the schema.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwinServer, type TwinServer } from '../../connectors/twin/server';
import { startMaterialPlant, type MaterialPlant } from '../../connectors/twin/material/material-plant';
import { openFleetClient, type FleetClient } from '../../connectors/vda5050/fleet-client';
import { vdaSchemaErrors } from '../../connectors/vda5050/messages';
import type { Db } from '../../lib/db/db';
import { migrate } from '../../lib/db/migrate';
import { openEmbeddedDb } from '../../lib/db/pglite';
import { silentLogger } from '../../lib/log';
import { Gate } from '../approval/gate';
import { createRegistry, type ToolRegistry } from '../registry';
import type { Actor } from '@/lib/auth/actor';
import { createMaterialService } from './service/material-service';

const MQTT_URL = process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const operator: Actor = { kind: 'user', id: 'u-op', name: 'Olga Operator', role: 'operator' };
const supervisor: Actor = { kind: 'user', id: 'u-sv', name: 'Sven Supervisor', role: 'supervisor' };

let twin: TwinServer;
let plant: MaterialPlant;
let fleet: FleetClient;
let db: Db;
let registry: ToolRegistry;
let gate: Gate;

beforeAll(async () => {
  // Thirty simulated seconds per 100 ms: vehicles cross the hall in seconds of wall time.
  twin = await startTwinServer({ port: 0, seed: 3, speed: 300, tickMs: 100, hostname: '127.0.0.1', startTime: '2026-03-02T06:00:00Z' });
  const interfaceName = `pp-test-${randomUUID().slice(0, 8)}`;
  plant = await startMaterialPlant({ twin: twin.twin, mqttUrl: MQTT_URL, interfaceName, tickMs: 50 });
  fleet = await openFleetClient({ mqttUrl: MQTT_URL, interfaceName });
  db = await openEmbeddedDb({});
  await migrate(db);
  registry = createRegistry({ material: createMaterialService({ materialUrl: plant.materialUrl, fleet, routingIterations: 300 }) });
  gate = new Gate({ db, registry, log: silentLogger });
  await Promise.all(plant.vehicles.map((v) => fleet.waitForState(v.spec.serialNumber, () => true, 10_000)));
}, 180_000);

afterAll(async () => {
  await fleet?.close();
  await plant?.close();
  await twin?.close();
  await db?.close();
});

describe('material tools on the twin', () => {
  it('registers the four tools, dispatch_transport as an actuate tool', () => {
    const names = registry.list().map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['material_status', 'supply_disruption_impact', 'plan_replenishment', 'dispatch_transport']));
    expect(registry.get('dispatch_transport').effect).toBe('actuate');
  });

  it('reports stock and run-out for a line, soonest first, and refuses an unknown part by name', async () => {
    const status = await registry.get('material_status').run({ line: 'Line1' }, { actor: operator });
    expect(status.parts.length).toBeGreaterThan(5);
    const soonest = (p: { lineSideRunOutAt: Record<string, string | null>; plantRunOutAt: string | null }) =>
      Math.min(Date.parse(p.lineSideRunOutAt.Line1 ?? '9999-01-01'), Date.parse(p.plantRunOutAt ?? '9999-01-01'));
    const times = status.parts.map(soonest);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    await expect(registry.get('material_status').run({ part: 'NOPE-1' }, { actor: operator })).rejects.toMatchObject({ code: 'not_found' });
    // A line as people and other models write it names the same line; a line that does not exist is refused. The same
    // parts, compared as a set: the twin runs on between the calls, and two parts whose run-outs lie close (or that both
    // ran out, at "now") may swap places in the soonest-first order.
    const partsOf = (result: { parts: { partNumber: string }[] }) => result.parts.map((p) => p.partNumber).sort();
    for (const written of ['line 1', 'L1', 'Linie 1']) {
      const same = await registry.get('material_status').run({ line: written }, { actor: operator });
      expect(partsOf(same), written).toEqual(partsOf(status));
    }
    await expect(registry.get('material_status').run({ line: 'line 7' }, { actor: operator })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('shows the late delivery the twin announced with the orders it starves and a response', async () => {
    const impact = await registry.get('supply_disruption_impact').run({}, { actor: operator });
    expect(impact.assessed).toMatch(/ASN-\d+/);
    const mcu = impact.parts.find((p: { partNumber: string }) => p.partNumber === 'STM32H743ZIT6');
    expect(mcu?.runOutAfter).not.toBeNull();
    const starved = impact.affectedOrders.filter((o: { missingPart: string | null }) => o.missingPart !== null);
    expect(starved.length).toBeGreaterThan(0);
    expect(impact.responses.length).toBeGreaterThan(0);
  });

  it('an approved dispatch_transport makes a twin vehicle drive the run and report it done', async () => {
    const plan = await registry.get('plan_replenishment').run({}, { actor: operator });
    expect(plan.runs.length).toBeGreaterThan(0);
    const run = plan.runs[0]!;
    const request = await gate.request({ tool: 'dispatch_transport', args: run.dispatch, actor: operator });
    expect(request.status).toBe('pending');
    expect(fleet.vehicle(run.vehicle)?.state?.nodeStates).toEqual([]);
    const done = await gate.decide(request.id, { type: 'approve', argsSha256: request.argsSha256 }, supervisor);
    expect(done.status).toBe('executed');
    expect(done.readBack?.ok).toBe(true);
    const orderId = (done.result as { orderId: string }).orderId;
    const finished = await fleet.waitForState(
      run.vehicle,
      (s) =>
        s.orderId === orderId &&
        s.nodeStates.length === 0 &&
        s.actionStates.filter((a) => a.actionId.startsWith(orderId)).every((a) => a.actionStatus === 'FINISHED'),
      60_000,
    );
    expect(finished).toBeDefined();
    expect(vdaSchemaErrors('state', finished)).toEqual([]);
    expect(finished!.lastNodeId).toBe(run.dispatch.stops.at(-1)!.stationId);
  }, 90_000);

  it('refuses to send a vehicle that does not exist, before anyone is asked', async () => {
    await expect(
      gate.request({
        tool: 'dispatch_transport',
        args: { vehicle: 'AMR-99', stops: [{ stationId: 'SM-L1', loads: [{ partNumber: 'X', quantity: 1, fromLocationId: 'WH', toLocationId: 'SM-L1' }] }] },
        actor: operator,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
