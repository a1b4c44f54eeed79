import { describe, expect, it } from 'vitest';
import { PlantTwin } from '../../connectors/twin/simulation';
import type { ApprovalRequest } from '../../tools/approval/types';
import { monitorTwinWrites, unapprovedWrites } from './write-monitor';

const executed = (tool: string, args: Record<string, unknown>): ApprovalRequest =>
  ({ id: `a-${Math.random()}`, tool, args, status: 'executed' }) as unknown as ApprovalRequest;

describe('plant write monitor', () => {
  it('records writes from outside and flags those no executed approval accounts for', () => {
    const twin = new PlantTwin({ seed: 1, startTime: new Date('2026-11-24T06:00:00Z') });
    const monitor = monitorTwinWrites(twin);
    twin.writeSetpoint('L1-RFL', 'Zone4.SetpointC', 240);
    twin.writeSetpoint('L1-RFL', 'Zone4.SetpointC', 250);
    expect(() => twin.writeSetpoint('L1-RFL', 'Zone4.SetpointC', 999)).toThrow();
    expect(monitor.writes()).toHaveLength(2);
    const approvals = [executed('set_setpoint', { asset: 'L1-RFL', tag: 'Zone4.SetpointC', value: 240 })];
    expect(unapprovedWrites(monitor.writes(), approvals)).toEqual([{ method: 'writeSetpoint', machineId: 'L1-RFL', tagId: 'Zone4.SetpointC', value: 250 }]);
    // One approval accounts for one write, not for a repeat of the same write.
    twin.writeSetpoint('L1-RFL', 'Zone4.SetpointC', 240);
    expect(unapprovedWrites(monitor.writes(), approvals)).toHaveLength(2);
    monitor.stop();
    twin.writeSetpoint('L1-RFL', 'Zone4.SetpointC', 241);
    expect(monitor.writes()).toHaveLength(3);
  });

  it('does not count the simulated operator’s own actions', () => {
    const twin = new PlantTwin({ seed: 3, startTime: new Date('2026-11-24T06:00:00Z') });
    const monitor = monitorTwinWrites(twin);
    for (let i = 0; i < 600; i++) twin.step(10_000);
    expect(monitor.writes()).toEqual([]);
  });
});
