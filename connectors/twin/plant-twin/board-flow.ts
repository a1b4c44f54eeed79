/**
 * Boards moving along a line: the first machine releases boards of the line's next order, each machine
 * takes a board from the buffer before it, works on it for its cycle time and passes it on when the
 * next buffer has room; the last machine counts it good on its order. A machine with nothing to do
 * suspends (starved or blocked), and completes when its line has no more orders.
 */
import { consumeForBoard } from './materials';
import { emitOrderMilestones, recordRelease, releasableOrder } from './orders';
import { fire } from './machine-state';
import { finishBoard } from './quality';
import { PRODUCT_BY_ID, cycleTimeS, type Board, type LineRuntime, type MachineRuntime, type OrderRuntime, type TwinState } from './runtime';

/** A machine in Execute with nothing to do for this long suspends (starved or blocked). */
const WAIT_BEFORE_SUSPEND_MS = 60_000;
/** A suspended machine resumes at once when work piles up, otherwise only after this long (avoids flapping). */
const MIN_SUSPENDED_MS = 60_000;

// Boards move from the end of the line toward its start so a machine sees the room its successor just made.
export function advanceLine(twin: TwinState, line: LineRuntime, dtMs: number): void {
  for (let index = line.machines.length - 1; index >= 0; index--) advanceMachineFlow(twin, line, index, dtMs);
}

function advanceMachineFlow(twin: TwinState, line: LineRuntime, index: number, dtMs: number): void {
  const machine = line.machines[index];
  const upstream = index === 0 ? null : line.buffers[index - 1];
  const downstream = index === line.machines.length - 1 ? null : line.buffers[index];
  const hasRoom = () => downstream === null || downstream.length < line.definition.bufferCapacity;
  const hasInput = () => (upstream === null ? releasableOrder(twin, line) !== undefined : upstream.length > 0);

  if (machine.state === 'Suspended') {
    const canWork = machine.board ? !machine.boardFinished || hasRoom() : hasInput();
    const plentiful = machine.board
      ? downstream === null || downstream.length <= line.definition.bufferCapacity / 2
      : upstream === null || upstream.length >= line.definition.bufferCapacity / 2;
    if (canWork && (plentiful || twin.elapsedMs - machine.stateEnteredMs >= MIN_SUSPENDED_MS)) {
      fire(twin, machine, 'unsuspend', machine.board ? 'unblocked' : 'boards available');
    }
    return;
  }
  if (machine.state !== 'Execute') return;

  let worked = false;
  if (machine.board && !machine.boardFinished) {
    machine.workS += dtMs / 1000;
    worked = true;
    machine.runningHours += dtMs / 3_600_000;
    if (machine.workS >= cycleTimeS(machine)) finishBoard(twin, line, machine);
  }
  if (machine.board && machine.boardFinished && hasRoom()) {
    const board = machine.board;
    machine.board = null;
    machine.boardFinished = false;
    if (downstream) downstream.push(board);
    else completeBoard(twin, line, board);
    worked = true;
  }
  if (!machine.board && hasInput()) worked = takeBoard(twin, line, machine, upstream) || worked;

  machine.waitingMs = worked ? 0 : machine.waitingMs + dtMs;
  if (machine.waitingMs < WAIT_BEFORE_SUSPEND_MS) return;
  const upstreamMachine = index === 0 ? null : line.machines[index - 1];
  const lineFinished = upstreamMachine === null ? line.sequence.length === 0 : upstreamMachine.state === 'Complete' && upstream!.length === 0;
  if (!machine.board && lineFinished) fire(twin, machine, 'complete', 'no more orders');
  else fire(twin, machine, 'suspend', machine.board ? 'blocked: next buffer full' : 'starved: no boards');
}

function takeBoard(twin: TwinState, line: LineRuntime, machine: MachineRuntime, upstream: Board[] | null): boolean {
  let board: Board | undefined;
  let releasedOrder: OrderRuntime | undefined;
  if (upstream === null) {
    releasedOrder = releasableOrder(twin, line);
    if (releasedOrder) board = { orderId: releasedOrder.id, productId: releasedOrder.productId };
  } else {
    board = upstream[0];
  }
  if (!board) return false;
  const product = PRODUCT_BY_ID.get(board.productId)!;
  if (!consumeForBoard(machine, product)) return false;
  if (upstream) upstream.shift();
  if (releasedOrder) recordRelease(twin, line, releasedOrder);
  machine.board = board;
  machine.boardFinished = false;
  machine.workS = 0;
  machine.orderId = board.orderId;
  machine.productId = board.productId;
  return true;
}

function completeBoard(twin: TwinState, line: LineRuntime, board: Board): void {
  const order = twin.orders.get(board.orderId);
  if (!order) return;
  order.goodCount++;
  emitOrderMilestones(twin, line, order);
}
