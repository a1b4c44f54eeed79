import { describe, expect, it } from 'vitest';
import { PlantTwin } from '@/connectors/twin/simulation';
import { migrate } from '@/lib/db/migrate';
import { testDatabases } from '@/lib/db/testing';
import { silentLogger } from '@/lib/log';
import type { ToolCallContext } from '../../tool';
import { createRegistry } from '../../registry';
import { ReleaseScheduleInput } from '../tools/release-schedule';
import { twinSchedulingPlant, twinSequenceWriter } from './scheduling-plant';
import { createSchedulingService } from './scheduling-service';

const START = '2025-03-03T06:00:00+01:00';
const context: ToolCallContext = { actor: { kind: 'system', id: 'test', name: 'test', role: 'supervisor' } };

describe.each(testDatabases())('scheduling service and tools on $kind', (database) => {
  async function setup() {
    const db = await database.open();
    await migrate(db);
    const twin = new PlantTwin({ seed: 2, startTime: START });
    twin.step(15 * 60_000);
    const scheduling = createSchedulingService({
      db,
      plant: twinSchedulingPlant(twin),
      log: silentLogger,
      solveMode: 'in-process',
      maxIterations: 500,
    });
    const tools = Object.fromEntries(
      createRegistry({ scheduling, sequenceWriter: twinSequenceWriter(twin) })
        .list()
        .map((tool) => [tool.name, tool]),
    );
    return { db, twin, scheduling, tools };
  }

  it('proposes, explains, runs a what-if, previews and releases a draft that the twin then runs', async () => {
    const { db, twin, scheduling, tools } = await setup();
    try {
      const proposed = await tools.propose_schedule!.run({ seed: 3 }, context);
      expect(proposed.sources[0]).toMatchObject({ kind: 'schedule', href: `/schedule?draft=${proposed.draftId}` });
      expect(proposed.comparedWith).toBe('current plan');
      const again = await scheduling.getDraft(proposed.draftId);
      expect(again.sequences).toBeDefined();

      const explained = await tools.explain_late_order!.run({ order: 'PO-24121', draftId: proposed.draftId }, context);
      expect(explained.sources[0]).toMatchObject({ kind: 'order', id: 'PO-24121' });
      expect(explained.causes.length).toBeGreaterThan(0);

      const whatIf = await tools.what_if!.run({ scenario: { type: 'machine_down', asset: 'L2-RFL', hours: 8 } }, context);
      expect(whatIf.delta.makespanMin).toBeGreaterThanOrEqual(0);
      expect(whatIf.baseDraftId).toBeTruthy();

      const release = tools.release_schedule!;
      expect(ReleaseScheduleInput.safeParse({ draftId: proposed.draftId, force: true }).success).toBe(false);
      const preview = await release.preview!({ draftId: proposed.draftId }, context);
      expect(preview.risk).toBe('high');
      expect(preview.changes.map((c) => c.what)).toEqual(expect.arrayContaining(['Makespan', 'Total tardiness', 'Line1 order sequence']));

      const output = await release.run({ draftId: proposed.draftId }, context);
      const snapshot = twin.snapshot();
      for (const line of output.lines) {
        expect(snapshot.lines.find((l) => l.id === line.lineId)!.orderSequence).toEqual(line.requested);
      }
      expect(await release.readBack!({ draftId: proposed.draftId }, output, context)).toMatchObject({ ok: true });
      const { rows } = await db.query('SELECT confirmed FROM schedule_releases WHERE draft_id = $1', [proposed.draftId]);
      expect(rows).toEqual([{ confirmed: true }]);
    } finally {
      await db.close();
    }
  });

  it('refuses to release a what-if with a hypothetical rush order, and unknown drafts', async () => {
    const { db, tools } = await setup();
    try {
      const rush = await tools.what_if!.run({ scenario: { type: 'rush_order', product: 'IO-16DI', quantity: 200, dueInHours: 4 } }, context);
      expect(rush.releasable).toBe(false);
      await expect(tools.release_schedule!.preview!({ draftId: rush.draftId }, context)).rejects.toMatchObject({ code: 'invalid_argument' });
      await expect(tools.release_schedule!.run({ draftId: '00000000-0000-4000-8000-000000000000' }, context)).rejects.toMatchObject({ code: 'not_found' });
    } finally {
      await db.close();
    }
  });
});
