/**
 * Serves the plant twin over OPC UA with node-opcua: the address space `Plant/<Area>/<Machine>/…`
 * (see node-ids.ts), analog items with engineering units and EURange, PackML methods per machine,
 * writable setpoints that refuse out-of-range values with BadOutOfRange, and alarms as
 * AlarmConditionType events. Anyone may browse, read and subscribe; writes and method calls need a
 * username/password identity (role AuthenticatedUser + Operator). A timer advances the twin by
 * `tickMs × speed` of simulated time every `tickMs` of wall time.
 */
import '../opcua/log-to-stderr';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash, timingSafeEqual } from 'node:crypto';
import {
  AccessLevelFlag,
  DataType,
  OPCUACertificateManager,
  OPCUAServer,
  PermissionFlag,
  StatusCodes,
  Variant,
  WellKnownRoles,
  makeEUInformation,
  resolveNodeId,
  type CallMethodResultOptions,
  type Namespace,
  type NodeId,
  type StatusCode,
  type UAAlarmConditionEx,
  type UAObject,
  type UAVariable,
} from 'node-opcua';
import { z } from 'zod';
import { AppError, isAppError } from '../../lib/errors';
import {
  LINES,
  MACHINES,
  type AreaId,
  PLANT,
  UNITS,
  UTILITIES_AREA,
  alarmsForMachineType,
  findMachine,
  tagsForMachine,
  type MachineDefinition,
  type TagDefinition,
} from './catalogue';
import { PLANT_PATH, machinePath, tagPath } from './node-ids';
import type { PackmlCommand } from './packml';
import { PlantTwin } from './simulation';
import { severityForPriority } from './alarm-book';
import { warmUpTwin, type WarmUpSink } from './warm-up';
import type { AlarmRecord, TwinEvent } from './twin-types';

export const TwinUser = z.object({ username: z.string().min(1), password: z.string().min(1) });
export type TwinUser = z.infer<typeof TwinUser>;

export const TwinServerOptions = z.object({
  /** 0 picks a free port (tests). */
  port: z.number().int().min(0).max(65_535).default(4840),
  seed: z.number().int().default(1),
  /** Simulated seconds per wall-clock second. */
  speed: z.number().positive().max(10_000).default(1),
  tickMs: z.number().int().min(10).max(60_000).default(500),
  /** Identities allowed to write and call methods. */
  users: z
    .array(TwinUser)
    .min(1)
    .default([{ username: 'operator', password: 'plantpilot' }]),
  /** Where the server's PKI lives; default: a fresh temp dir removed on close. Never ~/.config. */
  certificateDir: z.string().min(1).optional(),
  /** Simulated start time; default: the wall clock at start. */
  startTime: z.union([z.date(), z.string().datetime({ offset: true })]).optional(),
  hostname: z.string().default('localhost'),
  /**
   * Serve only these areas (a plant split the way a real one is: an OPC UA server per line). The twin
   * still simulates the whole plant; only the address space is filtered. Default: every area.
   */
  areas: z
    .array(z.enum(['Line1', 'Line2', UTILITIES_AREA]))
    .min(1)
    .optional(),
  /**
   * Serve the plant-wide items (SimTime, LoadOrderSequence) on the Plant object. Default: only when
   * no area filter is given, so two line servers in one plant do not both claim the asset `Plant`.
   */
  plantItems: z.boolean().optional(),
});
export type TwinServerOptions = z.input<typeof TwinServerOptions>;

export interface TwinServer {
  endpointUrl: string;
  port: number;
  twin: PlantTwin;
  /** Stops the sim timer, closes sessions and the server; safe to call twice. */
  close(): Promise<void>;
}

const READ = PermissionFlag.Browse | PermissionFlag.Read | PermissionFlag.ReadRolePermissions | PermissionFlag.ReceiveEvents;
const READ_ONLY_ROLES = [
  { roleId: resolveNodeId(WellKnownRoles.Anonymous), permissions: READ },
  { roleId: resolveNodeId(WellKnownRoles.AuthenticatedUser), permissions: READ },
];
const OPERATE_ROLES = [
  { roleId: resolveNodeId(WellKnownRoles.Anonymous), permissions: READ },
  { roleId: resolveNodeId(WellKnownRoles.AuthenticatedUser), permissions: READ | PermissionFlag.Write | PermissionFlag.Call },
];

const OPC_DATA_TYPE = { Double: DataType.Double, UInt32: DataType.UInt32, String: DataType.String } as const;

/** Maps a twin refusal to the OPC UA status a client expects. */
function statusForError(error: unknown): StatusCode {
  if (!isAppError(error)) return StatusCodes.BadInternalError;
  if (error.details?.reason === 'out_of_range') return StatusCodes.BadOutOfRange;
  switch (error.code) {
    case 'conflict':
      return StatusCodes.BadInvalidState;
    case 'not_found':
      return StatusCodes.BadNotFound;
    case 'invalid_argument':
      return StatusCodes.BadInvalidArgument;
    default:
      return StatusCodes.BadInternalError;
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Start the twin this many hours in the past and record that stretch (warm-up.ts) before serving. */
export type TwinWarmUp = { hours: number; sink: WarmUpSink; sampleEveryMs?: number };

export async function startTwinServer(options: TwinServerOptions = {}, extras: { warmUp?: TwinWarmUp } = {}): Promise<TwinServer> {
  const config = TwinServerOptions.parse(options);
  const { warmUp } = extras;
  const ownsCertificateDir = config.certificateDir === undefined;
  const certificateDir = config.certificateDir ?? (await mkdtemp(path.join(tmpdir(), 'plantpilot-twin-pki-')));
  const startTime = config.startTime ? new Date(config.startTime) : new Date();
  const twin = new PlantTwin({ seed: config.seed, startTime: warmUp ? new Date(startTime.getTime() - warmUp.hours * 3_600_000) : startTime });
  if (warmUp) {
    // Catch up to the wall clock, which moves on while the past is simulated (about 0.3 s per hour).
    const started = Date.now();
    warmUpTwin(twin, startTime.getTime(), warmUp.sink, { sampleEveryMs: warmUp.sampleEveryMs });
    warmUpTwin(twin, startTime.getTime() + (Date.now() - started), warmUp.sink, { sampleEveryMs: warmUp.sampleEveryMs, sampleAtStart: false });
  }

  const serverCertificateManager = new OPCUACertificateManager({
    rootFolder: path.join(certificateDir, 'pki'),
    automaticallyAcceptUnknownCertificate: true,
  });
  const userCertificateManager = new OPCUACertificateManager({
    rootFolder: path.join(certificateDir, 'user-pki'),
    automaticallyAcceptUnknownCertificate: true,
  });
  const users = config.users.map((user) => ({ username: user.username, passwordDigest: digest(user.password) }));

  const server = new OPCUAServer({
    port: config.port,
    hostname: config.hostname,
    serverCertificateManager,
    userCertificateManager,
    buildInfo: { productName: 'Plantpilot plant twin', manufacturerName: 'Plantpilot', softwareVersion: '0.1.0' },
    serverInfo: { applicationName: { text: `Plantpilot twin — ${PLANT.name}` } },
    allowAnonymous: true,
    userManager: {
      isValidUser: (username: string, password: string) => {
        const passwordDigest = digest(password);
        return users.some((user) => user.username === username && timingSafeEqual(user.passwordDigest, passwordDigest));
      },
      getUserRoles: (username: string): NodeId[] =>
        users.some((user) => user.username === username)
          ? [resolveNodeId(WellKnownRoles.AuthenticatedUser), resolveNodeId(WellKnownRoles.Operator)]
          : [resolveNodeId(WellKnownRoles.Anonymous)],
    },
    disableDiscovery: true,
  });

  let timer: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    if (timer) clearInterval(timer);
    unsubscribe?.();
    await server.shutdown(0);
    await serverCertificateManager.dispose();
    await userCertificateManager.dispose();
    if (ownsCertificateDir) await rm(certificateDir, { recursive: true, force: true });
  };

  try {
    await server.initialize();
    const addressSpace = server.engine.addressSpace;
    if (!addressSpace) throw new AppError('internal', 'The OPC UA server started without an address space.');
    const namespace = addressSpace.getOwnNamespace();
    const alarms = buildAddressSpace(namespace, twin, { areas: config.areas, plantItems: config.plantItems ?? config.areas === undefined });
    unsubscribe = twin.onEvent((event) => {
      try {
        alarms.onTwinEvent(event);
      } catch (error) {
        // A failure to publish one event must not stop the simulation; say so and carry on.
        console.error(`plant twin: could not publish ${event.kind} event over OPC UA: ${(error as Error).message}`);
      }
    });
    await server.start();
    const simulatedMsPerTick = config.tickMs * config.speed;
    timer = setInterval(() => twin.step(simulatedMsPerTick), config.tickMs);
  } catch (error) {
    await close().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    const inUse = /EADDRINUSE/.test(reason);
    throw new AppError(
      inUse ? 'conflict' : 'internal',
      inUse
        ? `Port ${config.port} is already in use, so the plant twin cannot listen there. Stop the other server or pick another port with --port.`
        : `The plant twin's OPC UA server could not start: ${reason}`,
      { cause: error },
    );
  }

  const port = (server.endpoints[0]?.port as number | undefined) ?? config.port;
  const endpointUrl = `opc.tcp://${config.hostname}:${port}`;
  return { endpointUrl, port, twin, close };
}

function addFolder(namespace: Namespace, parent: UAObject, nodePath: string, browseName: string, displayName: string, description: string): UAObject {
  // namespace.addFolder insists on a FolderType parent; a machine is a plain object, so build the folder by hand.
  return namespace.addObject({ componentOf: parent, typeDefinition: 'FolderType', nodeId: `s=${nodePath}`, browseName, displayName, description });
}

function addTagVariable(namespace: Namespace, parent: UAObject, machine: MachineDefinition, tag: TagDefinition, twin: PlantTwin): UAVariable {
  const nodeId = `s=${tagPath(machine.id, tag.id)}`;
  const browseName = tag.id.split('.').pop()!;
  const dataType = OPC_DATA_TYPE[tag.dataType];
  const value = {
    get: () => new Variant({ dataType, value: twin.readValue(machine.id, tag.id) }),
    ...(tag.writable
      ? {
          set: (variant: Variant): StatusCode => {
            try {
              twin.writeSetpoint(machine.id, tag.id, Number(variant.value));
              return StatusCodes.Good;
            } catch (error) {
              return statusForError(error);
            }
          },
        }
      : {}),
  };
  const access = tag.writable ? AccessLevelFlag.CurrentRead | AccessLevelFlag.CurrentWrite : AccessLevelFlag.CurrentRead;
  const common = {
    componentOf: parent,
    nodeId,
    browseName,
    displayName: tag.displayName,
    description: tag.description,
    accessLevel: access,
    userAccessLevel: access,
    rolePermissions: tag.writable ? OPERATE_ROLES : READ_ONLY_ROLES,
    minimumSamplingInterval: 100,
    value,
  };
  if (tag.dataType === 'Double' && tag.euRange) {
    const unit = tag.unit ? UNITS[tag.unit] : undefined;
    return namespace.addAnalogDataItem({
      ...common,
      dataType: 'Double',
      engineeringUnitsRange: tag.euRange,
      ...(tag.normalRange && !tag.writable ? { instrumentRange: tag.euRange } : {}),
      engineeringUnits: unit ? makeEUInformation(unit.unece, unit.symbol, unit.longName) : undefined,
    });
  }
  return namespace.addVariable({ ...common, dataType: tag.dataType });
}

function addMachineMethods(namespace: Namespace, machineNode: UAObject, machine: MachineDefinition, twin: PlantTwin): void {
  const commands: [string, PackmlCommand, string][] = [
    ['Start', 'start', 'PackML Start: Idle → Starting → Execute.'],
    ['Stop', 'stop', 'PackML Stop: → Stopping → Stopped.'],
    ['Hold', 'hold', 'PackML Hold: Execute → Holding → Held.'],
    ['Unhold', 'unhold', 'PackML Unhold: Held → Unholding → Execute.'],
    ['Reset', 'reset', 'PackML Reset: Stopped or Complete → Resetting → Idle.'],
    ['Clear', 'clear', 'PackML Clear: Aborted → Clearing → Stopped, once no stopping alarm is active.'],
  ];
  const base = machinePath(machine.id);
  for (const [browseName, command, description] of commands) {
    const method = namespace.addMethod(machineNode, {
      nodeId: `s=${base}/${browseName}`,
      browseName,
      description,
      rolePermissions: OPERATE_ROLES,
      outputArguments: [{ name: 'State', dataType: DataType.String, description: { text: 'PackML state after the command' } }],
    });
    // node-opcua tells promise-style handlers from callback-style ones by arity: keep two parameters.
    method.bindMethod(async (_inputArguments: Variant[], _context: unknown): Promise<CallMethodResultOptions> => {
      try {
        const result = twin.command(machine.id, command);
        return { statusCode: StatusCodes.Good, outputArguments: [{ dataType: DataType.String, value: result.to }] };
      } catch (error) {
        return { statusCode: statusForError(error) };
      }
    });
  }
  const setSpeed = namespace.addMethod(machineNode, {
    nodeId: `s=${base}/SetSpeed`,
    browseName: 'SetSpeed',
    description: 'Sets the machine speed in percent of rated speed (10–100).',
    rolePermissions: OPERATE_ROLES,
    inputArguments: [{ name: 'SpeedPct', dataType: DataType.Double, description: { text: 'Speed in % of rated speed, 10–100' } }],
    outputArguments: [{ name: 'SpeedPct', dataType: DataType.Double }],
  });
  setSpeed.bindMethod(async (inputArguments: Variant[], _context: unknown): Promise<CallMethodResultOptions> => {
    try {
      const result = twin.setSpeed(machine.id, Number(inputArguments[0]?.value));
      return { statusCode: StatusCodes.Good, outputArguments: [{ dataType: DataType.Double, value: result.speedPct }] };
    } catch (error) {
      return { statusCode: statusForError(error) };
    }
  });
}

interface AlarmPublisher {
  onTwinEvent(event: TwinEvent): void;
}

/** The plant clock and order release: one per plant, so one server of a split plant serves them. */
function addPlantItems(namespace: Namespace, plant: UAObject, twin: PlantTwin): void {
  namespace.addVariable({
    componentOf: plant,
    nodeId: `s=${PLANT_PATH}/SimTime`,
    browseName: 'SimTime',
    description: 'Simulated time of the twin (it may run faster than the wall clock).',
    dataType: 'DateTime',
    rolePermissions: READ_ONLY_ROLES,
    minimumSamplingInterval: 100,
    value: { get: () => new Variant({ dataType: DataType.DateTime, value: twin.now() }) },
  });
  const loadSequence = namespace.addMethod(plant, {
    nodeId: `s=${PLANT_PATH}/LoadOrderSequence`,
    browseName: 'LoadOrderSequence',
    description: 'Releases a new production order sequence to a line (what a scheduler does).',
    rolePermissions: OPERATE_ROLES,
    inputArguments: [
      { name: 'LineId', dataType: DataType.String, description: { text: 'Line1 or Line2' } },
      { name: 'OrderIds', dataType: DataType.String, valueRank: 1, arrayDimensions: [0], description: { text: 'Order ids in run order' } },
    ],
    outputArguments: [{ name: 'OrderSequence', dataType: DataType.String, valueRank: 1, arrayDimensions: [0] }],
  });
  loadSequence.bindMethod(async (inputArguments: Variant[], _context: unknown): Promise<CallMethodResultOptions> => {
    try {
      const orderIds = Array.from((inputArguments[1]?.value ?? []) as ArrayLike<string>);
      const result = twin.loadOrderSequence(String(inputArguments[0]?.value), orderIds);
      return { statusCode: StatusCodes.Good, outputArguments: [{ dataType: DataType.String, arrayType: 1, value: result.orderSequence }] };
    } catch (error) {
      return { statusCode: statusForError(error) };
    }
  });
}

function buildAddressSpace(namespace: Namespace, twin: PlantTwin, served: { areas?: readonly AreaId[]; plantItems: boolean }): AlarmPublisher {
  const addressSpace = namespace.addressSpace;
  const objects = addressSpace.rootFolder.objects;
  const plant = namespace.addObject({
    organizedBy: objects,
    nodeId: `s=${PLANT_PATH}`,
    browseName: PLANT_PATH,
    displayName: PLANT.name,
    description: `${PLANT.name} (plant id ${PLANT.id}, time zone ${PLANT.timeZone}), simulated by the Plantpilot twin.`,
    eventNotifier: 1,
  });
  objects.server.addReference({ referenceType: 'HasNotifier', nodeId: plant });
  if (served.plantItems) addPlantItems(namespace, plant, twin);

  const machineNodes = new Map<string, UAObject>();
  const allAreas = [
    ...LINES.map((line) => ({ id: line.id as AreaId, displayName: line.displayName })),
    { id: UTILITIES_AREA as AreaId, displayName: 'Plant utilities' },
  ];
  const areas = allAreas.filter((area) => !served.areas || served.areas.includes(area.id));
  for (const area of areas) {
    const areaNode = namespace.addObject({
      organizedBy: plant,
      nodeId: `s=${PLANT_PATH}/${area.id}`,
      browseName: area.id,
      displayName: area.displayName,
      description:
        area.id === UTILITIES_AREA
          ? 'Compressed air and chilled water shared by the lines.'
          : `${area.displayName}: printer → SPI → 2 × P&P → reflow → AOI → ICT → packing.`,
      eventNotifier: 1,
    });
    plant.addReference({ referenceType: 'HasNotifier', nodeId: areaNode });
    for (const machine of MACHINES.filter((candidate) => candidate.area === area.id)) {
      const machineNode = namespace.addObject({
        organizedBy: areaNode,
        nodeId: `s=${machinePath(machine.id)}`,
        browseName: machine.id,
        displayName: machine.displayName,
        description: `${machine.displayName} — ${machine.model}. Also called: ${machine.aliases.slice(0, 4).join(', ')}.`,
        eventNotifier: 1,
      });
      areaNode.addReference({ referenceType: 'HasEventSource', nodeId: machineNode });
      machineNodes.set(machine.id, machineNode);
      const folders = new Map<string, UAObject>();
      for (const tag of tagsForMachine(machine)) {
        const parts = tag.id.split('.');
        let parent = machineNode;
        for (let depth = 0; depth < parts.length - 1; depth++) {
          const folderId = parts.slice(0, depth + 1).join('.');
          let folder = folders.get(folderId);
          if (!folder) {
            folder = addFolder(namespace, parent, tagPath(machine.id, folderId), parts[depth], parts[depth], `${parts[depth]} of ${machine.id}`);
            folders.set(folderId, folder);
          }
          parent = folder;
        }
        addTagVariable(namespace, parent, machine, tag, twin);
      }
      addMachineMethods(namespace, machineNode, machine, twin);
    }
  }
  return createAlarmPublisher(namespace, machineNodes);
}

// Conditions are created the first time an alarm is raised: 150+ catalogue entries × ~40 nodes each
// would slow start-up for alarms that may never fire.
function createAlarmPublisher(namespace: Namespace, machineNodes: Map<string, UAObject>): AlarmPublisher {
  const conditions = new Map<string, UAAlarmConditionEx>();
  const alarmFolders = new Map<string, UAObject>();

  const conditionFor = (record: AlarmRecord): UAAlarmConditionEx => {
    const existing = conditions.get(record.id);
    if (existing) return existing;
    const machineNode = machineNodes.get(record.machineId)!;
    let folder = alarmFolders.get(record.machineId);
    if (!folder) {
      folder = addFolder(namespace, machineNode, `${machinePath(record.machineId)}/Alarms`, 'Alarms', 'Alarms', `Alarm conditions of ${record.machineId}`);
      alarmFolders.set(record.machineId, folder);
    }
    const machine = findMachine(record.machineId)!;
    const definition = alarmsForMachineType(machine.type).find((candidate) => candidate.code === record.code);
    const inputNode = record.sourceTagId ? namespace.findNode(`s=${tagPath(record.machineId, record.sourceTagId)}`) : null;
    const condition = namespace.instantiateAlarmCondition('AlarmConditionType', {
      nodeId: `s=${machinePath(record.machineId)}/Alarms/${record.code}`,
      browseName: record.code,
      conditionName: record.code,
      componentOf: folder,
      conditionSource: machineNode,
      conditionOf: machineNode,
      inputNode: (inputNode as UAVariable | null) ?? resolveNodeId('ns=0;i=0'),
      optionals: [],
    });
    condition.setEnabledState(true);
    condition.severity.setValueFromSource({ dataType: DataType.UInt16, value: severityForPriority(definition?.priority ?? 4) });
    conditions.set(record.id, condition);
    return condition;
  };

  return {
    onTwinEvent(event: TwinEvent) {
      if (event.kind !== 'alarm') return;
      const record = event.alarm;
      // A server of a split plant publishes only its own machines' alarms.
      if (!machineNodes.has(record.machineId)) return;
      if (event.transition === 'raised') {
        const condition = conditionFor(record);
        condition.activateAlarm();
        condition.raiseNewCondition({
          message: `${record.code} ${record.message}`,
          severity: severityForPriority(record.priority),
          retain: true,
          quality: StatusCodes.Good,
        });
      } else if (event.transition === 'cleared') {
        const condition = conditions.get(record.id);
        if (!condition) return;
        condition.deactivateAlarm(!record.acknowledged);
        condition.raiseNewCondition({
          message: `${record.code} cleared: ${record.text}`,
          severity: severityForPriority(record.priority),
          retain: !record.acknowledged,
        });
      }
    },
  };
}
