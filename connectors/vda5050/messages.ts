/**
 * VDA 5050 v2 message types, topics and validation. Both sides (the twin's vehicles and Plantpilot's
 * fleet reader) validate every message they receive against the schemas in schemas.ts with ajv,
 * so a malformed message is refused at the boundary with the schema's own complaint.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { AppError } from '../../lib/errors';
import { CONNECTION_SCHEMA, INSTANT_ACTIONS_SCHEMA, ORDER_SCHEMA, STATE_SCHEMA } from './schemas';

export const VDA5050_VERSION = '2.0.0';
export const VDA5050_MAJOR = 'v2';

export type Vda5050Topic = 'order' | 'instantActions' | 'state' | 'connection';

/** `<interfaceName>/<majorVersion>/<manufacturer>/<serialNumber>/<topic>` (VDA 5050 §6.5). */
export function vdaTopic(interfaceName: string, manufacturer: string, serialNumber: string, topic: Vda5050Topic): string {
  return `${interfaceName}/${VDA5050_MAJOR}/${manufacturer}/${serialNumber}/${topic}`;
}

export interface Header {
  headerId: number;
  timestamp: string;
  version: string;
  manufacturer: string;
  serialNumber: string;
}

export interface ActionParameter {
  key: string;
  value: string | number | boolean | unknown[] | Record<string, unknown>;
}

export interface Action {
  actionType: string;
  actionId: string;
  actionDescription?: string;
  blockingType: 'NONE' | 'SOFT' | 'HARD';
  actionParameters?: ActionParameter[];
}

export interface NodePosition {
  x: number;
  y: number;
  theta?: number;
  mapId: string;
}

export interface OrderNode {
  nodeId: string;
  sequenceId: number;
  nodeDescription?: string;
  released: boolean;
  nodePosition?: NodePosition;
  actions: Action[];
}

export interface OrderEdge {
  edgeId: string;
  sequenceId: number;
  released: boolean;
  startNodeId: string;
  endNodeId: string;
  maxSpeed?: number;
  length?: number;
  actions: Action[];
}

export interface OrderMessage extends Header {
  orderId: string;
  orderUpdateId: number;
  nodes: OrderNode[];
  edges: OrderEdge[];
}

export interface InstantActionsMessage extends Header {
  actions: Action[];
}

export type ConnectionState = 'ONLINE' | 'OFFLINE' | 'CONNECTIONBROKEN';

export interface ConnectionMessage extends Header {
  connectionState: ConnectionState;
}

export type ActionStatus = 'WAITING' | 'INITIALIZING' | 'RUNNING' | 'PAUSED' | 'FINISHED' | 'FAILED';

export interface StateMessage extends Header {
  orderId: string;
  orderUpdateId: number;
  lastNodeId: string;
  lastNodeSequenceId: number;
  driving: boolean;
  paused?: boolean;
  operatingMode: 'AUTOMATIC' | 'SEMIAUTOMATIC' | 'MANUAL' | 'SERVICE' | 'TEACHIN';
  nodeStates: { nodeId: string; sequenceId: number; released: boolean; nodePosition?: NodePosition }[];
  edgeStates: { edgeId: string; sequenceId: number; released: boolean }[];
  agvPosition?: { x: number; y: number; theta: number; mapId: string; positionInitialized: boolean };
  velocity?: { vx?: number; vy?: number; omega?: number };
  loads?: { loadId?: string; loadType?: string; weight?: number }[];
  actionStates: { actionId: string; actionType?: string; actionStatus: ActionStatus; resultDescription?: string }[];
  batteryState: { batteryCharge: number; charging: boolean };
  errors: {
    errorType: string;
    errorLevel: 'WARNING' | 'FATAL';
    errorDescription?: string;
    errorReferences?: { referenceKey: string; referenceValue: string }[];
  }[];
  safetyState: { eStop: 'AUTOACK' | 'MANUAL' | 'REMOTE' | 'NONE'; fieldViolation: boolean };
}

// ajv-formats ships CommonJS; under ESM interop its default export may be wrapped once more.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

const validators: Record<Vda5050Topic, ValidateFunction> = {
  order: ajv.compile(ORDER_SCHEMA),
  instantActions: ajv.compile(INSTANT_ACTIONS_SCHEMA),
  state: ajv.compile(STATE_SCHEMA),
  connection: ajv.compile(CONNECTION_SCHEMA),
};

/** Schema errors of a message, empty when it is valid. */
export function vdaSchemaErrors(topic: Vda5050Topic, message: unknown): string[] {
  const validate = validators[topic];
  if (validate(message)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
}

/** Parses an MQTT payload as a VDA 5050 message of `topic`, or AppError('invalid_argument') naming what is wrong. */
export function parseVdaMessage<T>(topic: Vda5050Topic, payload: Buffer | string): T {
  let message: unknown;
  try {
    message = JSON.parse(payload.toString());
  } catch (error) {
    throw new AppError('invalid_argument', `A VDA 5050 ${topic} message is not JSON: ${(error as Error).message}`);
  }
  const errors = vdaSchemaErrors(topic, message);
  if (errors.length > 0) throw new AppError('invalid_argument', `A VDA 5050 ${topic} message breaks the schema: ${errors.slice(0, 5).join('; ')}`);
  return message as T;
}

/** A parameter of an action by key. */
export function actionParameter(action: Action, key: string): ActionParameter['value'] | undefined {
  return action.actionParameters?.find((parameter) => parameter.key === key)?.value;
}
