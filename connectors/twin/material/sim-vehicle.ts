/**
 * One simulated driverless vehicle following VDA 5050 v2 semantics, without I/O: it accepts an order
 * (nodes and edges; the first node must be where it stands), drives node to node at its speed,
 * runs each node's actions (`pick`, `drop`) in turn, and reports everything in a `state` message.
 * `cancelOrder` and `stateRequest` instant actions are understood. Time comes from the caller.
 */
import type { Action, InstantActionsMessage, OrderMessage, StateMessage } from '../../vda5050/messages';
import { actionParameter } from '../../vda5050/messages';
import { FLOOR_MAP_ID, floorNode, type VehicleSpec } from './floor-map';
import type { TransportLoad } from './material-twin';

/** Seconds a pick or a drop takes at a station (hand-over of a load carrier). */
export const HANDLING_S = 20;

type ActionState = StateMessage['actionStates'][number];
type PendingNode = { nodeId: string; sequenceId: number; x: number; y: number; actions: Action[] };

export class SimVehicle {
  x: number;
  y: number;
  private theta = 0;
  private orderId = '';
  private orderUpdateId = 0;
  private lastNodeId: string;
  private lastNodeSequenceId = 0;
  private nodes: PendingNode[] = [];
  private edges: { edgeId: string; sequenceId: number; endNodeId: string }[] = [];
  private actionStates: ActionState[] = [];
  /** The actions still to run at the node the vehicle stands on, and time left on the current one. */
  private actionQueue: Action[] = [];
  private actionLeftS = 0;
  private errors: StateMessage['errors'] = [];
  private loads: TransportLoad[] = [];
  private driving = false;
  private batteryCharge = 96;

  constructor(
    readonly spec: VehicleSpec,
    private readonly onDrop: (loads: TransportLoad[]) => void,
  ) {
    const home = floorNode(spec.homeNodeId)!;
    this.x = home.x;
    this.y = home.y;
    this.lastNodeId = home.id;
  }

  get busy(): boolean {
    return this.nodes.length > 0 || this.actionQueue.length > 0;
  }

  /** Takes an order; a refusal is reported in `errors` (as VDA 5050 asks), never thrown. */
  acceptOrder(order: OrderMessage): void {
    this.errors = [];
    if (order.orderId === this.orderId && order.orderUpdateId <= this.orderUpdateId) return;
    const refuse = (errorType: string, errorDescription: string): void => {
      this.errors.push({ errorType, errorLevel: 'WARNING', errorDescription, errorReferences: [{ referenceKey: 'orderId', referenceValue: order.orderId }] });
    };
    if (this.busy && order.orderId !== this.orderId) return refuse('orderError', `Busy with order ${this.orderId}; cancel it first.`);
    const [first, ...rest] = [...order.nodes].sort((a, b) => a.sequenceId - b.sequenceId);
    if (first!.nodeId !== this.lastNodeId) return refuse('orderError', `The order starts at ${first!.nodeId} but the vehicle stands at ${this.lastNodeId}.`);
    const unknown = rest.find((node) => !node.nodePosition && !floorNode(node.nodeId));
    if (unknown) return refuse('validationError', `Node ${unknown.nodeId} has no position and is not on map ${FLOOR_MAP_ID}.`);
    this.orderId = order.orderId;
    this.orderUpdateId = order.orderUpdateId;
    this.lastNodeSequenceId = first!.sequenceId;
    this.nodes = rest.map((node) => {
      const known = floorNode(node.nodeId);
      return {
        nodeId: node.nodeId,
        sequenceId: node.sequenceId,
        x: node.nodePosition?.x ?? known!.x,
        y: node.nodePosition?.y ?? known!.y,
        actions: node.actions,
      };
    });
    this.edges = order.edges.map((edge) => ({ edgeId: edge.edgeId, sequenceId: edge.sequenceId, endNodeId: edge.endNodeId }));
    this.actionStates = order.nodes.flatMap((node) =>
      node.actions.map((action) => ({ actionId: action.actionId, actionType: action.actionType, actionStatus: 'WAITING' as const })),
    );
    this.startActions(first!.actions);
  }

  /** A message that could not be taken (not JSON, breaks the schema) shows up as a validation error. */
  reportRejected(errorDescription: string): void {
    this.errors = [{ errorType: 'validationError', errorLevel: 'WARNING', errorDescription }];
  }

  instantActions(message: InstantActionsMessage): void {
    for (const action of message.actions) {
      if (action.actionType === 'cancelOrder') {
        for (const state of this.actionStates) if (state.actionStatus !== 'FINISHED') state.actionStatus = 'FAILED';
        this.nodes = [];
        this.edges = [];
        this.actionQueue = [];
        this.driving = false;
      }
      this.actionStates.push({ actionId: action.actionId, actionType: action.actionType, actionStatus: 'FINISHED' });
    }
  }

  /** Advances `dtS` seconds; returns whether anything a master control sees has changed. */
  advance(dtS: number): boolean {
    let left = dtS;
    let changed = false;
    while (left > 0) {
      if (this.actionQueue.length > 0) {
        const used = Math.min(left, this.actionLeftS);
        this.actionLeftS -= used;
        left -= used;
        if (this.actionLeftS > 0) break;
        this.finishAction(this.actionQueue.shift()!);
        changed = true;
        this.startNextAction();
        continue;
      }
      const next = this.nodes[0];
      if (!next) {
        if (this.driving) changed = true;
        this.driving = false;
        break;
      }
      this.driving = true;
      const distanceM = Math.hypot(next.x - this.x, next.y - this.y);
      const stepM = this.spec.speedMps * left;
      if (distanceM > 1e-9) this.theta = Math.atan2(next.y - this.y, next.x - this.x);
      if (stepM < distanceM) {
        this.x += ((next.x - this.x) / distanceM) * stepM;
        this.y += ((next.y - this.y) / distanceM) * stepM;
        this.batteryCharge = Math.max(5, this.batteryCharge - stepM * 0.002);
        break;
      }
      left -= distanceM / this.spec.speedMps;
      this.x = next.x;
      this.y = next.y;
      this.nodes.shift();
      this.edges = this.edges.filter((edge) => edge.endNodeId !== next.nodeId);
      this.lastNodeId = next.nodeId;
      this.lastNodeSequenceId = next.sequenceId;
      changed = true;
      this.startActions(next.actions);
      if (this.nodes.length === 0 && this.actionQueue.length === 0) this.driving = false;
    }
    return changed;
  }

  state(header: { headerId: number; timestamp: string; version: string }): StateMessage {
    return {
      ...header,
      manufacturer: this.spec.manufacturer,
      serialNumber: this.spec.serialNumber,
      orderId: this.orderId,
      orderUpdateId: this.orderUpdateId,
      lastNodeId: this.lastNodeId,
      lastNodeSequenceId: this.lastNodeSequenceId,
      driving: this.driving,
      paused: false,
      operatingMode: 'AUTOMATIC',
      nodeStates: this.nodes.map((node) => ({
        nodeId: node.nodeId,
        sequenceId: node.sequenceId,
        released: true,
        nodePosition: { x: node.x, y: node.y, mapId: FLOOR_MAP_ID },
      })),
      edgeStates: this.edges.map((edge) => ({ edgeId: edge.edgeId, sequenceId: edge.sequenceId, released: true })),
      agvPosition: { x: round(this.x), y: round(this.y), theta: round(this.theta), mapId: FLOOR_MAP_ID, positionInitialized: true },
      velocity: { vx: this.driving ? this.spec.speedMps : 0, vy: 0, omega: 0 },
      loads: this.loads.map((load, index) => ({ loadId: `${this.spec.serialNumber}-${index + 1}`, loadType: load.partNumber, weight: 0 })),
      actionStates: this.actionStates.map((state) => ({ ...state })),
      batteryState: { batteryCharge: round(this.batteryCharge), charging: false },
      errors: this.errors.map((error) => ({ ...error })),
      safetyState: { eStop: 'NONE', fieldViolation: false },
    };
  }

  private startActions(actions: Action[]): void {
    this.actionQueue.push(...actions);
    this.startNextAction();
  }

  private startNextAction(): void {
    const action = this.actionQueue[0];
    if (!action) return;
    this.actionLeftS = action.actionType === 'pick' || action.actionType === 'drop' ? HANDLING_S : 0;
    this.setStatus(action.actionId, 'RUNNING');
  }

  private finishAction(action: Action): void {
    const load = loadOf(action);
    if (action.actionType === 'pick' && load) {
      this.loads.push(load);
    } else if (action.actionType === 'drop' && load) {
      this.loads = this.loads.filter((carried) => !(carried.partNumber === load.partNumber && carried.toLocationId === load.toLocationId));
      try {
        this.onDrop([load]);
      } catch (error) {
        this.setStatus(action.actionId, 'FAILED', (error as Error).message);
        this.errors.push({
          errorType: 'dropFailed',
          errorLevel: 'WARNING',
          errorDescription: (error as Error).message,
          errorReferences: [{ referenceKey: 'actionId', referenceValue: action.actionId }],
        });
        return;
      }
    }
    this.setStatus(action.actionId, 'FINISHED');
  }

  private setStatus(actionId: string, status: ActionState['actionStatus'], resultDescription?: string): void {
    const state = this.actionStates.find((candidate) => candidate.actionId === actionId);
    if (state) {
      state.actionStatus = status;
      if (resultDescription) state.resultDescription = resultDescription;
    }
  }
}

function loadOf(action: Action): TransportLoad | undefined {
  const partNumber = actionParameter(action, 'partNumber');
  const quantity = actionParameter(action, 'quantity');
  const fromLocationId = actionParameter(action, 'fromLocationId');
  const toLocationId = actionParameter(action, 'toLocationId');
  if (typeof partNumber !== 'string' || typeof quantity !== 'number' || typeof fromLocationId !== 'string' || typeof toLocationId !== 'string')
    return undefined;
  return { partNumber, quantity, fromLocationId, toLocationId };
}

function round(value: number): number {
  return Math.round(value * 1_000) / 1_000;
}
