/**
 * The twin's material side as a running service next to the OPC UA server: the material twin kept in
 * step with the machine twin, a small HTTP service that serves its state (what a WMS/MES would
 * offer: `GET /material/v1/snapshot`), and the intralogistics fleet speaking VDA 5050 v2 over MQTT —
 * each vehicle publishes `connection` (retained, with a CONNECTIONBROKEN last will) and `state`, and
 * takes `order` and `instantActions`, refusing messages that break the schema.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import { AppError } from '@/lib/errors';
import { parseVdaMessage, vdaTopic, VDA5050_VERSION, type InstantActionsMessage, type OrderMessage } from '../../vda5050/messages';
import type { PlantTwin } from '../simulation';
import { FLEET, type VehicleSpec } from './floor-map';
import { attachMaterialTwin, type MaterialTwin } from './material-twin';
import { SimVehicle } from './sim-vehicle';

export type MaterialPlantOptions = {
  twin: PlantTwin;
  /** e.g. mqtt://127.0.0.1:1883 */
  mqttUrl: string;
  /** VDA 5050 interfaceName, the first topic level (tests use a unique one). */
  interfaceName?: string;
  /** 0 picks a free port. */
  httpPort?: number;
  hostname?: string;
  /** Wall-clock ms between material and fleet updates. */
  tickMs?: number;
  fleet?: readonly VehicleSpec[];
  /** true (default): fail when the broker is not there. false: serve material now, the fleet joins when the broker does. */
  waitForBroker?: boolean;
};

function connectedWithin(client: MqttClient, timeoutMs: number): Promise<boolean> {
  if (client.connected) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    client.once('connect', () => (clearTimeout(timer), resolve(true)));
  });
}

export type MaterialPlant = {
  material: MaterialTwin;
  /** Base URL of the material service, e.g. http://127.0.0.1:41234 */
  materialUrl: string;
  interfaceName: string;
  vehicles: SimVehicle[];
  close(): Promise<void>;
};

export async function startMaterialPlant(options: MaterialPlantOptions): Promise<MaterialPlant> {
  const { twin } = options;
  const interfaceName = options.interfaceName ?? 'uagv';
  const tickMs = options.tickMs ?? 250;
  const coupling = attachMaterialTwin(twin);
  const { material } = coupling;
  coupling.sync();

  const http: Server = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'GET') return send(405, { error: 'Only GET is served here.' });
    if (request.url !== '/material/v1/snapshot') return send(404, { error: `Nothing at ${request.url}; try /material/v1/snapshot.` });
    try {
      send(200, material.snapshot(twin));
    } catch (error) {
      send(500, { error: (error as Error).message });
    }
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.httpPort ?? 0, options.hostname ?? '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;

  const clients: MqttClient[] = [];
  const vehicles: SimVehicle[] = [];
  const headerIds = new Map<string, number>();
  const header = (spec: VehicleSpec, topic: string) => {
    const key = `${spec.serialNumber}/${topic}`;
    const headerId = (headerIds.get(key) ?? 0) + 1;
    headerIds.set(key, headerId);
    return { headerId, timestamp: twin.now().toISOString(), version: VDA5050_VERSION, manufacturer: spec.manufacturer, serialNumber: spec.serialNumber };
  };
  const publishState = (client: MqttClient, vehicle: SimVehicle) => {
    const state = vehicle.state(header(vehicle.spec, 'state'));
    client.publish(vdaTopic(interfaceName, vehicle.spec.manufacturer, vehicle.spec.serialNumber, 'state'), JSON.stringify(state), { qos: 0, retain: true });
  };

  let timer: NodeJS.Timeout | undefined;
  const close = async () => {
    if (timer) clearInterval(timer);
    timer = undefined;
    await Promise.all(
      clients.map(async (client, index) => {
        const spec = vehicles[index]!.spec;
        const offline = { ...header(spec, 'connection'), connectionState: 'OFFLINE' };
        // Offline, a QoS 1 publish would wait for a broker that may never come: say OFFLINE only when connected.
        if (!client.connected) return client.endAsync(true).catch(() => undefined);
        await client
          .publishAsync(vdaTopic(interfaceName, spec.manufacturer, spec.serialNumber, 'connection'), JSON.stringify(offline), { qos: 1, retain: true })
          .catch(() => undefined);
        await client.endAsync();
      }),
    );
    await new Promise<void>((resolve) => http.close(() => resolve()));
    http.closeAllConnections();
    coupling.detach();
  };

  // Each vehicle keeps reconnecting on its own: the material service serves without a broker, and
  // the fleet comes online (subscribes, announces ONLINE, publishes state) whenever the broker does.
  for (const spec of options.fleet ?? FLEET) {
    const vehicle = new SimVehicle(spec, (loads) => material.applyTransport(loads));
    const topic = (name: 'order' | 'instantActions' | 'state' | 'connection') => vdaTopic(interfaceName, spec.manufacturer, spec.serialNumber, name);
    const broken = { ...header(spec, 'connection'), connectionState: 'CONNECTIONBROKEN' };
    const client = mqtt.connect(options.mqttUrl, {
      clientId: `${interfaceName}-${spec.serialNumber}-${process.pid}`,
      reconnectPeriod: 1_000,
      connectTimeout: 5_000,
      will: { topic: topic('connection'), payload: Buffer.from(JSON.stringify(broken)), qos: 1, retain: true },
    });
    client.on('error', () => undefined); // reconnects by itself; the broker's state shows in the app's health
    clients.push(client);
    vehicles.push(vehicle);
    client.on('message', (messageTopic, payload) => {
      try {
        if (messageTopic === topic('order')) vehicle.acceptOrder(parseVdaMessage<OrderMessage>('order', payload));
        else if (messageTopic === topic('instantActions')) vehicle.instantActions(parseVdaMessage<InstantActionsMessage>('instantActions', payload));
      } catch (error) {
        // A message that breaks the schema is reported in the vehicle's state, as VDA 5050 asks.
        vehicle.reportRejected((error as Error).message);
      }
      publishState(client, vehicle);
    });
    client.on('connect', () => {
      void (async () => {
        await client.subscribeAsync([topic('order'), topic('instantActions')], { qos: 1 });
        await client.publishAsync(topic('connection'), JSON.stringify({ ...header(spec, 'connection'), connectionState: 'ONLINE' }), { qos: 1, retain: true });
        publishState(client, vehicle);
      })().catch(() => undefined);
    });
  }
  if (options.waitForBroker ?? true) {
    const online = await Promise.all(clients.map((client) => connectedWithin(client, 5_000)));
    if (online.includes(false)) {
      await close().catch(() => undefined);
      throw new AppError('plant_unreachable', `The twin's fleet cannot reach the MQTT broker at ${options.mqttUrl}. Start Mosquitto or set the broker URL.`);
    }
  }

  let lastMs = twin.now().getTime();
  let ticks = 0;
  timer = setInterval(() => {
    coupling.sync();
    const nowMs = twin.now().getTime();
    const dtS = Math.max(0, (nowMs - lastMs) / 1_000);
    lastMs = nowMs;
    ticks++;
    vehicles.forEach((vehicle, index) => {
      // State on every change, and at least every ~5 s of wall time (VDA 5050 asks for ≤ 30 s).
      if (vehicle.advance(dtS) || vehicle.busy || ticks % 20 === 0) publishState(clients[index]!, vehicle);
    });
  }, tickMs);

  return { material, materialUrl: `http://127.0.0.1:${port}`, interfaceName, vehicles, close };
}
