/**
 * One truth for every figure: the same line and window give the same good count and OEE through every
 * face — the plant_overview tool, the same tool over MCP, the handover (tool over MCP and the CLI), and
 * the KPI page data route — on a freshly started plant (the twin with its warm-up history, as `plantpilot start`
 * runs it). The historian is stopped before the faces are asked, so they all read the same rows.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getKpis } from '../app/api/plant/kpis/route';
import { handoverOutput } from '../bin/commands/handover';
import { createHistorian, type Historian } from '../connectors/historian/historian';
import { recordPlantHistory, type PlantRecorder } from '../connectors/historian/plant-recorder';
import { recordAlarmEvents, type AlarmEventRecorder } from '../connectors/opcua/alarm-events';
import { startConnectorLease, type ConnectorLease } from '../connectors/opcua/lease';
import { connectPlant, type PlantConnection } from '../connectors/opcua/plant-connection';
import { startTwinServer, type TwinServer } from '../connectors/twin/server';
import { signedInUser } from '../lib/auth/testing';
import { loadConfig } from '../lib/config';
import { openEmbeddedDb } from '../lib/db';
import type { Db } from '../lib/db/db';
import { migrate } from '../lib/db/migrate';
import { silentLogger } from '../lib/log';
import { setRuntime } from '@/server/runtime';
import { startHandoverService, type HandoverService } from '../tools/handover/service/handover-service';
import type { GenerateShiftHandoverOutput } from '../tools/handover/tools/generate-shift-handover';
import { DEFAULT_SHIFT_CALENDAR } from '@/lib/shift-calendar';
import type { LineFigures } from '../tools/kpis/engine/line-figures';
import { createMcpServer } from '../tools/mcp/server';
import type { PlantOverviewOutput } from '../tools/plant/tools/plant-overview';
import { createRegistry, type ToolRegistry } from '../tools/registry';
import type { ToolCallContext } from '../tools/tool';

const CONTEXT: ToolCallContext = { actor: { kind: 'system', id: 'test', name: 'test', role: 'viewer' } };

describe('the same figures through every face', () => {
  let db: Db;
  let pkiDir: string;
  let twin: TwinServer;
  let plant: PlantConnection;
  let historian: Historian;
  let lease: ConnectorLease;
  let recorder: PlantRecorder;
  let alarmRecorder: AlarmEventRecorder;
  let handovers: HandoverService;
  let registry: ToolRegistry;
  let mcp: Client;
  let cookie: string;

  beforeAll(async () => {
    db = await openEmbeddedDb({});
    await migrate(db);
    historian = createHistorian(db, { flushIntervalMs: 100 });
    // A fresh start: the twin simulates its last hours into the empty historian, then runs live.
    twin = await startTwinServer({ port: 0, seed: 17, speed: 1, tickMs: 100 }, { warmUp: { hours: 1, sink: historian } });
    pkiDir = await mkdtemp(path.join(tmpdir(), 'plantpilot-figures-'));
    plant = await connectPlant({
      endpointUrl: twin.endpointUrl,
      certificateDir: path.join(pkiDir, 'pki'),
      tags: { kind: 'browse' },
      publishingIntervalMs: 200,
    });
    lease = await startConnectorLease(db);
    recorder = recordPlantHistory({ plant, historian, lease });
    alarmRecorder = await recordAlarmEvents({ plant, historian, lease });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // Stop recording so every face reads the same rows.
    await alarmRecorder.stop();
    await recorder.stop();
    await historian.flush();

    handovers = startHandoverService({ db, log: silentLogger, automatic: false, calendar: DEFAULT_SHIFT_CALENDAR });
    registry = createRegistry({ plant, historian, historianDb: db, handovers, shiftCalendar: DEFAULT_SHIFT_CALENDAR });
    const server = createMcpServer({ registry, gate: undefined, actor: CONTEXT.actor, publicBaseUrl: 'http://plantpilot.test' });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    mcp = new Client({ name: 'figures-test', version: '1.0.0' });
    await mcp.connect(clientSide);

    setRuntime({ config: loadConfig({}), log: silentLogger, db, startedAt: new Date(), health: {}, services: { plant, historian } });
    ({ cookie } = await signedInUser(db, 'vera', 'viewer'));
  }, 240_000);

  afterAll(async () => {
    setRuntime(undefined);
    await mcp?.close();
    await handovers?.stop();
    await historian?.close();
    await lease?.close();
    await plant?.close();
    await twin?.close();
    await db?.close();
    if (pkiDir) await rm(pkiDir, { recursive: true, force: true });
  });

  const callMcp = async <T>(name: string, args: Record<string, unknown>): Promise<T> => {
    const result = (await mcp.callTool({ name, arguments: args })) as CallToolResult;
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    return result.structuredContent as T;
  };

  it('overview (tool and MCP), handover (MCP) and the KPI route agree for each line and window', async () => {
    const direct = (await registry.get('plant_overview').run({}, CONTEXT)) as PlantOverviewOutput;
    const window = { from: direct.shift.start, to: direct.now };
    const overMcp = await callMcp<PlantOverviewOutput>('plant_overview', {});
    const handover = await callMcp<GenerateShiftHandoverOutput>('generate_shift_handover', window);
    const route = await getKpis(new Request(`http://127.0.0.1:3000/api/plant/kpis?${new URLSearchParams(window)}`, { headers: { cookie } }));
    expect(route.status).toBe(200);
    const routeBody = (await route.json()) as { lines: LineFigures[] };

    const cliJson = JSON.parse(String(await handoverOutput(db, silentLogger, { ...window, format: 'json' }))) as GenerateShiftHandoverOutput;
    const cliMarkdown = String(await handoverOutput(db, silentLogger, { ...window, format: 'md' }));

    const producing = direct.lines.filter((line) => line.figures);
    expect(producing.map((line) => line.id)).toEqual(['Line1', 'Line2']);
    for (const line of producing) {
      const figures = line.figures!;
      // The fresh start's history covers the shift so far (or the figures say where it begins).
      expect(figures.goodUnits, `${line.id} made boards in the warm-up`).toBeGreaterThan(0);
      expect(figures.oeePct).not.toBeNull();
      // Inside one answer: the output machine's row says the same availability as its line.
      const outputMachine = line.machines.find((machine) => machine.id === figures.outputMachineId)!;
      expect(outputMachine.availabilityPct).toBe(figures.availabilityPct);
      expect(outputMachine.countsThisShift?.countedFrom).toBe(figures.window.from);
      // The same tool over MCP: its window may end a moment later, but the history is stopped.
      const mcpLine = overMcp.lines.find((candidate) => candidate.id === line.id)!;
      expect(mcpLine.goodThisShift).toBe(line.goodThisShift);
      expect(Math.abs(mcpLine.oeePct! - line.oeePct!)).toBeLessThanOrEqual(1.5);

      const report = handover.report.kpis.lines.find((candidate) => candidate.lineId === line.id)!;
      expect(report.goodUnits).toBe(figures.goodUnits);
      expect(report.scrapUnits).toBe(figures.scrapUnits);
      expect(report.plannedUnits).toBe(figures.plannedUnits);
      expect(Math.abs(report.oeePct! - figures.oeePct!)).toBeLessThanOrEqual(1.5);
      expect(report.availabilityPct).toBe(figures.availabilityPct);
      expect(report.performancePct).toBe(figures.performancePct);
      expect(report.qualityPct).toBe(figures.qualityPct);
      // The handover's OEE statement says the same number, as a percentage.
      const oeeText = handover.report.sections
        .find((section) => section.id === 'oee')!
        .statements.map((statement) => statement.text)
        .join(' ');
      expect(oeeText).toContain(`OEE ${figures.oeePct!.toFixed(1)} %`);

      // The CLI's handover for the same window: the same figures, in its JSON and in its Markdown.
      const cliReport = cliJson.report.kpis.lines.find((candidate) => candidate.lineId === line.id)!;
      expect(cliReport).toMatchObject({ goodUnits: figures.goodUnits, scrapUnits: figures.scrapUnits, oeePct: report.oeePct });
      expect(cliMarkdown).toContain(`OEE ${figures.oeePct!.toFixed(1)} %`);

      const fromRoute = routeBody.lines.find((candidate) => candidate.lineId === line.id)!;
      expect(fromRoute).toMatchObject({
        goodUnits: figures.goodUnits,
        scrapUnits: figures.scrapUnits,
        oeePct: figures.oeePct,
        availabilityPct: figures.availabilityPct,
        window: figures.window,
      });
      // A person can open how it was computed.
      expect(figures.href).toBe(`/kpis?${new URLSearchParams({ line: line.id, from: figures.window.from, to: figures.window.to })}`);
      expect(figures.computation.some((step) => step.startsWith(`OEE ${figures.oeePct!.toFixed(1)} %`))).toBe(true);
    }
  }, 120_000);
});
