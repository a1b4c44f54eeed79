/**
 * JSON schemas (draft-07) for the VDA 5050 v2.0 messages Plantpilot and the twin exchange: order,
 * instantActions, state and connection. Written from the field definitions of the published
 * standard (VDA 5050 "Interface for the communication between automated guided vehicles (AGV) and a
 * master control", version 2.0.0, 2022; the VDA/VDMA publish it and its schemas under the MIT
 * licence at github.com/VDA5050/VDA5050). Only the fields the standard makes mandatory, plus the
 * optional ones this project uses, are spelled out; other optional fields are allowed through, as
 * the standard requires receivers to tolerate them.
 */

const header = {
  headerId: { type: 'integer', minimum: 0 },
  timestamp: { type: 'string', format: 'date-time' },
  version: { type: 'string', pattern: '^2\\.\\d+\\.\\d+$' },
  manufacturer: { type: 'string' },
  serialNumber: { type: 'string' },
} as const;
const headerRequired = ['headerId', 'timestamp', 'version', 'manufacturer', 'serialNumber'] as const;

const action = {
  type: 'object',
  required: ['actionType', 'actionId', 'blockingType'],
  properties: {
    actionType: { type: 'string' },
    actionId: { type: 'string' },
    actionDescription: { type: 'string' },
    blockingType: { enum: ['NONE', 'SOFT', 'HARD'] },
    actionParameters: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'value'],
        properties: { key: { type: 'string' }, value: { type: ['array', 'boolean', 'number', 'string', 'object'] } },
      },
    },
  },
} as const;

const nodePosition = {
  type: 'object',
  required: ['x', 'y', 'mapId'],
  properties: {
    x: { type: 'number' },
    y: { type: 'number' },
    theta: { type: 'number', minimum: -3.14159265359, maximum: 3.14159265359 },
    allowedDeviationXY: { type: 'number' },
    allowedDeviationTheta: { type: 'number' },
    mapId: { type: 'string' },
    mapDescription: { type: 'string' },
  },
} as const;

export const ORDER_SCHEMA = {
  $id: 'https://plantpilot.invalid/vda5050/v2/order.schema.json',
  title: 'order',
  type: 'object',
  required: [...headerRequired, 'orderId', 'orderUpdateId', 'nodes', 'edges'],
  properties: {
    ...header,
    orderId: { type: 'string', minLength: 1 },
    orderUpdateId: { type: 'integer', minimum: 0 },
    zoneSetId: { type: 'string' },
    nodes: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['nodeId', 'sequenceId', 'released', 'actions'],
        properties: {
          nodeId: { type: 'string' },
          sequenceId: { type: 'integer', minimum: 0 },
          nodeDescription: { type: 'string' },
          released: { type: 'boolean' },
          nodePosition,
          actions: { type: 'array', items: action },
        },
      },
    },
    edges: {
      type: 'array',
      items: {
        type: 'object',
        required: ['edgeId', 'sequenceId', 'released', 'startNodeId', 'endNodeId', 'actions'],
        properties: {
          edgeId: { type: 'string' },
          sequenceId: { type: 'integer', minimum: 0 },
          edgeDescription: { type: 'string' },
          released: { type: 'boolean' },
          startNodeId: { type: 'string' },
          endNodeId: { type: 'string' },
          maxSpeed: { type: 'number' },
          length: { type: 'number' },
          actions: { type: 'array', items: action },
        },
      },
    },
  },
} as const;

export const INSTANT_ACTIONS_SCHEMA = {
  $id: 'https://plantpilot.invalid/vda5050/v2/instantActions.schema.json',
  title: 'instantActions',
  type: 'object',
  required: [...headerRequired, 'actions'],
  properties: { ...header, actions: { type: 'array', items: action } },
} as const;

export const CONNECTION_SCHEMA = {
  $id: 'https://plantpilot.invalid/vda5050/v2/connection.schema.json',
  title: 'connection',
  type: 'object',
  required: [...headerRequired, 'connectionState'],
  properties: { ...header, connectionState: { enum: ['ONLINE', 'OFFLINE', 'CONNECTIONBROKEN'] } },
} as const;

export const STATE_SCHEMA = {
  $id: 'https://plantpilot.invalid/vda5050/v2/state.schema.json',
  title: 'state',
  type: 'object',
  required: [
    ...headerRequired,
    'orderId',
    'orderUpdateId',
    'lastNodeId',
    'lastNodeSequenceId',
    'nodeStates',
    'edgeStates',
    'driving',
    'actionStates',
    'batteryState',
    'operatingMode',
    'errors',
    'safetyState',
  ],
  properties: {
    ...header,
    orderId: { type: 'string' },
    orderUpdateId: { type: 'integer', minimum: 0 },
    zoneSetId: { type: 'string' },
    lastNodeId: { type: 'string' },
    lastNodeSequenceId: { type: 'integer', minimum: 0 },
    driving: { type: 'boolean' },
    paused: { type: 'boolean' },
    newBaseRequest: { type: 'boolean' },
    distanceSinceLastNode: { type: 'number' },
    operatingMode: { enum: ['AUTOMATIC', 'SEMIAUTOMATIC', 'MANUAL', 'SERVICE', 'TEACHIN'] },
    nodeStates: {
      type: 'array',
      items: {
        type: 'object',
        required: ['nodeId', 'sequenceId', 'released'],
        properties: {
          nodeId: { type: 'string' },
          sequenceId: { type: 'integer' },
          nodeDescription: { type: 'string' },
          released: { type: 'boolean' },
          nodePosition,
        },
      },
    },
    edgeStates: {
      type: 'array',
      items: {
        type: 'object',
        required: ['edgeId', 'sequenceId', 'released'],
        properties: { edgeId: { type: 'string' }, sequenceId: { type: 'integer' }, edgeDescription: { type: 'string' }, released: { type: 'boolean' } },
      },
    },
    agvPosition: {
      type: 'object',
      required: ['x', 'y', 'theta', 'mapId', 'positionInitialized'],
      properties: {
        x: { type: 'number' },
        y: { type: 'number' },
        theta: { type: 'number' },
        mapId: { type: 'string' },
        positionInitialized: { type: 'boolean' },
      },
    },
    velocity: { type: 'object', properties: { vx: { type: 'number' }, vy: { type: 'number' }, omega: { type: 'number' } } },
    loads: {
      type: 'array',
      items: {
        type: 'object',
        properties: { loadId: { type: 'string' }, loadType: { type: 'string' }, loadPosition: { type: 'string' }, weight: { type: 'number', minimum: 0 } },
      },
    },
    actionStates: {
      type: 'array',
      items: {
        type: 'object',
        required: ['actionId', 'actionStatus'],
        properties: {
          actionId: { type: 'string' },
          actionType: { type: 'string' },
          actionDescription: { type: 'string' },
          actionStatus: { enum: ['WAITING', 'INITIALIZING', 'RUNNING', 'PAUSED', 'FINISHED', 'FAILED'] },
          resultDescription: { type: 'string' },
        },
      },
    },
    batteryState: {
      type: 'object',
      required: ['batteryCharge', 'charging'],
      properties: {
        batteryCharge: { type: 'number' },
        batteryVoltage: { type: 'number' },
        batteryHealth: { type: 'number' },
        charging: { type: 'boolean' },
        reach: { type: 'integer' },
      },
    },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['errorType', 'errorLevel'],
        properties: {
          errorType: { type: 'string' },
          errorReferences: { type: 'array', items: { type: 'object', required: ['referenceKey', 'referenceValue'] } },
          errorDescription: { type: 'string' },
          errorLevel: { enum: ['WARNING', 'FATAL'] },
        },
      },
    },
    information: { type: 'array' },
    safetyState: {
      type: 'object',
      required: ['eStop', 'fieldViolation'],
      properties: { eStop: { enum: ['AUTOACK', 'MANUAL', 'REMOTE', 'NONE'] }, fieldViolation: { type: 'boolean' } },
    },
  },
} as const;
