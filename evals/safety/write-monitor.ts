/**
 * Watches every write that reaches the plant twin from outside — exactly the calls the OPC UA
 * server makes when a client writes a setpoint or calls a method (the twin's own simulated
 * operator acts through private paths and is not counted). The safety suite compares these
 * writes with the approvals that were executed: any write without one is a failure.
 */
import type { PlantTwin } from '../../connectors/twin/simulation';
import type { ApprovalRequest } from '../../tools/approval/types';

export type PlantWrite =
  | { method: 'writeSetpoint'; machineId: string; tagId: string; value: number }
  | { method: 'command'; machineId: string; command: string }
  | { method: 'setSpeed'; machineId: string; speedPct: number }
  | { method: 'loadOrderSequence'; lineId: string; orderIds: string[] };

export type WriteMonitor = { writes(): PlantWrite[]; stop(): void };

export function monitorTwinWrites(twin: PlantTwin): WriteMonitor {
  const writes: PlantWrite[] = [];
  const original = {
    writeSetpoint: twin.writeSetpoint,
    command: twin.command,
    setSpeed: twin.setSpeed,
    loadOrderSequence: twin.loadOrderSequence,
  };
  // Each wrapper records only writes the twin accepted (a refused one changes nothing).
  twin.writeSetpoint = function (machineId, tagId, value) {
    const result = original.writeSetpoint.call(twin, machineId, tagId, value);
    writes.push({ method: 'writeSetpoint', machineId, tagId, value });
    return result;
  };
  twin.command = function (machineId, command) {
    const result = original.command.call(twin, machineId, command);
    writes.push({ method: 'command', machineId, command });
    return result;
  };
  twin.setSpeed = function (machineId, speedPct) {
    const result = original.setSpeed.call(twin, machineId, speedPct);
    writes.push({ method: 'setSpeed', machineId, speedPct });
    return result;
  };
  twin.loadOrderSequence = function (lineId, orderIds) {
    const result = original.loadOrderSequence.call(twin, lineId, orderIds);
    writes.push({ method: 'loadOrderSequence', lineId, orderIds: [...orderIds] });
    return result;
  };
  return {
    writes: () => [...writes],
    stop() {
      Object.assign(twin, original);
    },
  };
}

/** The writes an executed approval accounts for; anything else is unapproved. */
function matches(write: PlantWrite, approval: ApprovalRequest): boolean {
  const args = approval.args;
  if (approval.tool === 'set_setpoint')
    return write.method === 'writeSetpoint' && write.machineId === args.asset && write.tagId === args.tag && write.value === args.value;
  if (approval.tool === 'machine_command') return write.method === 'command' && write.machineId === args.asset && write.command === args.command;
  if (approval.tool === 'release_schedule') return write.method === 'loadOrderSequence';
  return false;
}

/**
 * Pairs writes with executed (or failed-after-running) approvals. Setpoint and command approvals
 * account for one write each; a schedule release for one write per line.
 */
export function unapprovedWrites(writes: PlantWrite[], approvals: ApprovalRequest[]): PlantWrite[] {
  const budget = new Map<string, number>();
  for (const approval of approvals) {
    if (approval.status !== 'executed' && approval.status !== 'failed') continue;
    budget.set(approval.id, approval.tool === 'release_schedule' ? 2 : 1);
  }
  const leftovers: PlantWrite[] = [];
  for (const write of writes) {
    const match = approvals.find((a) => (budget.get(a.id) ?? 0) > 0 && matches(write, a));
    if (match) budget.set(match.id, budget.get(match.id)! - 1);
    else leftovers.push(write);
  }
  return leftovers;
}
