/**
 * A small OPC UA server with an address space unlike the twin's (numeric node ids in its own
 * namespace, a flat `Site` folder, no Plant/<Line>/<Machine> tree), for testing the connector with a
 * mapping file, and a restartable one for reconnection tests. Values change only when the test says.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataType, OPCUACertificateManager, OPCUAServer, StatusCodes, Variant, makeEUInformation, type UAVariable } from 'node-opcua';
import type { AssetMappingInput } from '../asset-mapping';

export type TestPlantServerOptions = {
  /** 0 picks a free port; a restart reuses the port of the previous start. */
  port?: number;
  /** Numbered temperature sensors, for batch-read benchmarks. */
  sensorCount?: number;
  users?: { username: string; password: string }[];
  certificateDir?: string;
};

export interface TestPlantServer {
  endpointUrl: string;
  port: number;
  /** Index of the test namespace, for node ids in a mapping. */
  namespaceIndex: number;
  /**
   * Sets a sensor's value on the server side, as a field device would, stamped with the wall clock
   * (node-opcua's own clock runs on hrtime and can stamp two changes a wall-clock millisecond apart
   * with the same millisecond; the historian keeps one Good sample per tag and millisecond).
   */
  setSensor(index: number, valueC: number): void;
  /** The setpoint's current value on the server. */
  readonly setpointC: number;
  /** Monitored items that clients hold on this server right now. */
  monitoredItemCount(): number;
  sessionCount(): number;
  close(): Promise<void>;
}

const NAMESPACE = 'urn:plantpilot:test-plant';
// Fixed numeric ids sit far above the ids node-opcua allocates for properties (EURange, …).

export async function startTestPlantServer(options: TestPlantServerOptions = {}): Promise<TestPlantServer> {
  const sensorCount = options.sensorCount ?? 4;
  const users = options.users ?? [{ username: 'operator', password: 'secret' }];
  const ownsCertificateDir = options.certificateDir === undefined;
  const certificateDir = options.certificateDir ?? (await mkdtemp(path.join(tmpdir(), 'plantpilot-test-plant-')));
  const serverCertificateManager = new OPCUACertificateManager({ rootFolder: path.join(certificateDir, 'pki'), automaticallyAcceptUnknownCertificate: true });
  const userCertificateManager = new OPCUACertificateManager({
    rootFolder: path.join(certificateDir, 'user-pki'),
    automaticallyAcceptUnknownCertificate: true,
  });
  const server = new OPCUAServer({
    port: options.port ?? 0,
    hostname: 'localhost',
    serverCertificateManager,
    userCertificateManager,
    allowAnonymous: true,
    disableDiscovery: true,
    userManager: { isValidUser: (username: string, password: string) => users.some((user) => user.username === username && user.password === password) },
  });
  await server.initialize();
  const namespace = server.engine.addressSpace!.registerNamespace(NAMESPACE);
  const site = namespace.addFolder(server.engine.addressSpace!.rootFolder.objects, { nodeId: 'i=90000', browseName: 'Site' });
  const sensors: UAVariable[] = [];
  for (let index = 0; index < sensorCount; index++) {
    sensors.push(
      namespace.addAnalogDataItem({
        componentOf: site,
        nodeId: `i=${100_000 + index}`,
        browseName: `TT${String(index).padStart(4, '0')}`,
        dataType: 'Double',
        engineeringUnitsRange: { low: 0, high: 400 },
        engineeringUnits: makeEUInformation('CEL', '°C', 'degree Celsius'),
        minimumSamplingInterval: 0,
        value: new Variant({ dataType: DataType.Double, value: 20 + index }),
      }),
    );
  }
  let setpointC = 240;
  namespace.addVariable({
    componentOf: site,
    nodeId: 'i=90001',
    browseName: 'OvenSetpoint',
    dataType: 'Double',
    accessLevel: 'CurrentRead | CurrentWrite',
    userAccessLevel: 'CurrentRead | CurrentWrite',
    minimumSamplingInterval: 50,
    value: {
      get: () => new Variant({ dataType: DataType.Double, value: setpointC }),
      set: (variant: Variant) => {
        const next = Number(variant.value);
        if (!(next >= 150 && next <= 260)) return StatusCodes.BadOutOfRange;
        setpointC = next;
        return StatusCodes.Good;
      },
    },
  });
  namespace.addVariable({
    componentOf: site,
    nodeId: 'i=90002',
    browseName: 'Recipe',
    dataType: 'String',
    minimumSamplingInterval: 0,
    value: new Variant({ dataType: DataType.String, value: 'PCB-A' }),
  });
  const method = namespace.addMethod(site, {
    nodeId: 'i=90003',
    browseName: 'Ramp',
    inputArguments: [{ name: 'TargetC', dataType: DataType.Double }],
    outputArguments: [{ name: 'AcceptedC', dataType: DataType.Double }],
  });
  // node-opcua tells promise-style methods from callback-style ones by their arity: keep two parameters.
  method.bindMethod(async (inputs: Variant[], _context: unknown) => {
    const target = Number(inputs[0]?.value);
    if (!(target >= 150 && target <= 260)) return { statusCode: StatusCodes.BadOutOfRange };
    setpointC = target;
    return { statusCode: StatusCodes.Good, outputArguments: [{ dataType: DataType.Double, value: target }] };
  });
  await server.start();
  const port = (server.endpoints[0]?.port as number | undefined) ?? options.port ?? 0;

  let closed = false;
  return {
    endpointUrl: `opc.tcp://localhost:${port}`,
    port,
    namespaceIndex: namespace.index,
    setSensor(index, valueC) {
      sensors[index]!.setValueFromSource({ dataType: DataType.Double, value: valueC }, StatusCodes.Good, new Date());
    },
    get setpointC() {
      return setpointC;
    },
    monitoredItemCount: () => server.engine.getSessions().reduce((count, session) => count + session.currentMonitoredItemCount, 0),
    sessionCount: () => server.engine.currentSessionCount,
    async close() {
      if (closed) return;
      closed = true;
      await server.shutdown(0);
      await serverCertificateManager.dispose();
      await userCertificateManager.dispose();
      if (ownsCertificateDir) await rm(certificateDir, { recursive: true, force: true });
    },
  };
}

/** A mapping for the test server: its numeric node ids mapped onto two assets. */
export function testPlantMapping(namespaceIndex: number, sensorCount = 4): AssetMappingInput {
  return {
    assets: [
      {
        id: 'OVEN-1',
        name: 'Reflow oven 1',
        line: 'Line A',
        type: 'reflow-oven',
        tags: [
          { id: 'SetpointC', nodeId: `ns=${namespaceIndex};i=90001`, unit: '°C', writable: true, range: { low: 150, high: 260 } },
          { id: 'Recipe', nodeId: `ns=${namespaceIndex};i=90002` },
        ],
        methods: [{ id: 'Ramp', nodeId: `ns=${namespaceIndex};i=90003`, objectNodeId: `ns=${namespaceIndex};i=90000` }],
      },
      {
        id: 'SENSORS',
        name: 'Temperature sensors',
        tags: Array.from({ length: sensorCount }, (_, index) => ({
          id: `TT${String(index).padStart(4, '0')}`,
          nodeId: `ns=${namespaceIndex};i=${100_000 + index}`,
          unit: '°C',
        })),
      },
    ],
  };
}
