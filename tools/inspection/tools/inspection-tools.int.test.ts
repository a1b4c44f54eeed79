import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntryInput } from '@/lib/audit/audit-log';
import type { Db } from '@/lib/db/db';
import { migrate } from '@/lib/db/migrate';
import { testDatabases } from '@/lib/db/testing';
import { silentLogger } from '@/lib/log';
import type { ToolCallContext } from '../../tool';
import { startKserveV2ReferenceServer } from '../service/backends/kserve-v2-reference-server';
import { encodeGrayImage } from '../io/image-io';
import { startInspectionService, type InspectionService } from '../service/inspection-service';
import { renderBoardPair } from '../engine/synthetic-board';
import { createInspectionResultsTool } from './inspection-results';
import { createTriggerInspectionTool } from './trigger-inspection';

const context: ToolCallContext = { actor: { kind: 'user', id: 'u-7', name: 'Olga Operator', role: 'operator' }, conversationId: 'c-1' };

describe.each(testDatabases())('inspection tools on $kind', ({ open }) => {
  let db: Db;
  let dataDir: string;
  let service: InspectionService | undefined;
  const audited: AuditEntryInput[] = [];

  beforeAll(async () => {
    db = await open();
    await migrate(db);
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    await db.query('DELETE FROM inspection_jobs');
    dataDir = await mkdtemp(path.join(tmpdir(), 'pp-inspection-tools-'));
    audited.length = 0;
  });
  afterEach(async () => {
    await service?.stop();
    service = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  function tools(svc: InspectionService, runningOrder?: (assetId: string) => string | null) {
    const audit = async (entry: AuditEntryInput) => {
      audited.push(entry);
    };
    return { trigger: createTriggerInspectionTool({ inspection: svc, audit, runningOrder }), results: createInspectionResultsTool({ inspection: svc }) };
  }

  it('inspects boards of a lot, audits the request, and reports yield, Pareto and worst boards', async () => {
    service = startInspectionService({ db, dataDir, log: silentLogger, pollMs: 10, boardSizePx: 320, defectiveShare: 0.6, forceDefectiveShare: true });
    const { trigger, results } = tools(service);
    const input = trigger.input.parse({ lot: 'PO-24117', boards: 6 });
    const output = trigger.output.parse(await trigger.run(input, context));
    expect(output).toMatchObject({ lotId: 'PO-24117', aoiMachineId: 'L1-AOI', backend: 'cpu', complete: true });
    expect(output.jobs.map((j) => j.jobId)).toEqual(['B0001', 'B0002', 'B0003', 'B0004', 'B0005', 'B0006'].map((s) => `aoi-PO-24117-${s}`));
    expect(output.jobs.every((j) => j.state === 'done')).toBe(true);
    expect(output.summary.boardsInspected).toBe(6);
    expect(output.summary.defectiveBoards).toBeGreaterThan(0);
    expect(output.summary.pareto.length).toBeGreaterThan(0);
    expect(output.sources[0]).toMatchObject({ kind: 'inspection', href: expect.stringMatching(/^\/inspection\/aoi-PO-24117-B\d{4}$/) });
    expect(audited).toEqual([
      expect.objectContaining({
        action: 'inspection.triggered',
        subject: { kind: 'inspection_lot', id: 'PO-24117' },
        conversationId: 'c-1',
        actor: { kind: 'user', id: 'u-7', name: 'Olga Operator' },
      }),
    ]);

    // Asking again finds the same jobs instead of inspecting the boards again.
    const again = trigger.output.parse(await trigger.run(trigger.input.parse({ lot: 'PO-24117', boards: 6, waitS: 0 }), context));
    expect(again.jobs.map((j) => j.state)).toEqual(output.jobs.map((j) => j.state));
    expect(again.notes.join(' ')).toMatch(/6 of these boards had been inspected/);

    const summary = results.output.parse(await results.run(results.input.parse({ lot: 'PO-24117' }), context));
    expect(summary).toMatchObject({ boardsInspected: 6, defectiveBoards: output.summary.defectiveBoards, filter: { lotId: 'PO-24117' } });
    expect(summary.worstBoards[0]!.imageHref).toMatch(/^\/api\/inspection\/images\/PO-24117\/B\d{4}_test\.png$/);
    const byLine = results.output.parse(await results.run(results.input.parse({ line: 'L2', lastHours: 1 }), context));
    expect(byLine.boardsInspected).toBe(0);
  });

  it('inspects the current order of a line when only the line is named', async () => {
    service = startInspectionService({ db, dataDir, log: silentLogger, pollMs: 10, boardSizePx: 240 });
    const { trigger } = tools(service);
    const output = await trigger.run(trigger.input.parse({ line: 'L2', boards: 2 }), context);
    expect(output).toMatchObject({ lotId: 'PO-24119', aoiMachineId: 'L2-AOI', complete: true });
    expect(output.notes.join(' ')).toMatch(/could not be read live/);
  });

  it('inspects the order running on the line now, not the first one planned', async () => {
    service = startInspectionService({ db, dataDir, log: silentLogger, pollMs: 10, boardSizePx: 240 });
    const asked: string[] = [];
    const { trigger } = tools(service, (assetId) => (asked.push(assetId), assetId === 'L1-AOI' ? 'PO-24121' : null));
    const output = await trigger.run(trigger.input.parse({ line: 'line 1', boards: 1 }), context);
    expect(asked).toEqual(['L1-AOI']);
    expect(output).toMatchObject({ lotId: 'PO-24121', aoiMachineId: 'L1-AOI' });
    expect(output.notes[0]).toContain('running order PO-24121 now');
  });

  it('inspects an image pair from disk, and refuses corrupt or mismatched pairs with a clear reason', async () => {
    service = startInspectionService({ db, dataDir, log: silentLogger, pollMs: 10 });
    const { trigger } = tools(service);
    const pair = renderBoardPair({ seed: 11, widthPx: 240, heightPx: 240, defects: [{ type: 6 }] });
    const templatePath = path.join(dataDir, 'in_temp.png');
    const testPath = path.join(dataDir, 'in_test.jpg');
    await writeFile(templatePath, await encodeGrayImage(pair.template));
    await writeFile(testPath, await encodeGrayImage(pair.test, 'png'));
    const output = await trigger.run(trigger.input.parse({ templatePath, testPath }), context);
    expect(output.jobs[0]).toMatchObject({ lotId: 'adhoc', state: 'done' });
    expect(output.summary.pareto.map((p) => p.name)).toContain('pin-hole');

    const corruptPath = path.join(dataDir, 'corrupt.png');
    await writeFile(corruptPath, 'this is not an image');
    await expect(trigger.run(trigger.input.parse({ templatePath, testPath: corruptPath }), context)).rejects.toMatchObject({
      code: 'invalid_file',
      message: expect.stringMatching(/Cannot decode .*corrupt\.png/),
    });
    const smallPath = path.join(dataDir, 'small.png');
    await writeFile(smallPath, await encodeGrayImage(renderBoardPair({ seed: 1, widthPx: 120, heightPx: 120 }).test));
    await expect(trigger.run(trigger.input.parse({ templatePath, testPath: smallPath }), context)).rejects.toMatchObject({
      code: 'invalid_file',
      message: expect.stringMatching(/240×240 px but test image .*120×120 px/),
    });
    await expect(trigger.run(trigger.input.parse({ templatePath, testPath: path.join(dataDir, 'missing.png') }), context)).rejects.toMatchObject({
      code: 'file_unreadable',
    });
    expect(() => trigger.input.parse({ templatePath })).toThrow(/both templatePath and testPath/);
  });

  it('runs inspections on a KServe v2 server, and keeps jobs queued with the reason while the server is down', async () => {
    const server = await startKserveV2ReferenceServer({ model: 'pcb-aoi' });
    try {
      service = startInspectionService({ db, dataDir, log: silentLogger, pollMs: 10, boardSizePx: 240, backendUrl: server.url, model: 'pcb-aoi' });
      const { trigger } = tools(service);
      const output = await trigger.run(trigger.input.parse({ lot: '42', line: 'L1', boards: 2 }), context);
      expect(output).toMatchObject({ complete: true, backend: `kserve-v2:pcb-aoi@${server.url}` });
      expect((await service.getJob(output.jobs[0]!.jobId))?.backend).toBe(`kserve-v2:pcb-aoi@${server.url}`);
    } finally {
      await server.close();
    }
    const waiting = await trigger(service!).run(trigger(service!).input.parse({ lot: '42', line: 'L1', boards: 1, firstSerial: 3, waitS: 1 }), context);
    expect(waiting.complete).toBe(false);
    const job = await service!.getJob(waiting.jobs[0]!.jobId);
    expect(job).toMatchObject({ state: expect.stringMatching(/queued|running/), error: expect.stringMatching(/Cannot reach the inspection server/) });

    function trigger(svc: InspectionService) {
      return tools(svc).trigger;
    }
  });
});
