import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listAudit } from '@/lib/audit/audit-log';
import type { Db } from '@/lib/db/db';
import { migrate } from '@/lib/db/migrate';
import { testDatabases } from '@/lib/db/testing';
import { silentLogger } from '@/lib/log';
import type { Source } from '../../sources';
import { resolveCitation } from './evidence';
import { createGenerateShiftHandoverTool } from '../tools/generate-shift-handover';
import { startHandoverService, type HandoverService } from './handover-service';
import { renderMarkdown } from '../engine/render-markdown';
import { renderPdf } from './render-pdf';
import type { HandoverReport } from '../engine/report-types';
import { seedShift, type SeededShift } from '../testing/seed-shift';

// 06:00–14:00 in Berlin (UTC+1 in January).
const SHIFT_FROM = new Date('2025-01-15T05:00:00Z');
const operator = { kind: 'user', id: 'u-olga', name: 'Olga Operator (olga)' };
const supervisor = { kind: 'user', id: 'u-sam', name: 'Sam Supervisor (sam)' };

const statementsOf = (report: HandoverReport, section?: string) => report.sections.filter((s) => !section || s.id === section).flatMap((s) => s.statements);

describe.each(testDatabases())('shift handover on $kind', ({ open }) => {
  let db: Db;
  let seeded: SeededShift;
  let now = new Date(SHIFT_FROM.getTime() + 2 * 3_600_000);
  let handovers: HandoverService;

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    seeded = await seedShift(db, { from: SHIFT_FROM, targetEvents: 600, boardPeriodS: 60 });
    handovers = startHandoverService({ db, log: silentLogger, clock: () => now, automatic: false });
    await handovers.addNote({ text: 'Feeder 3 on L1-PNP1 jams now and then; watch it.', assetId: 'L1-PNP1' }, operator);
    await handovers.addNote({ text: 'Hold lot PO-24118 boards 200–240: solder balls seen at AOI.', assetId: 'L1-AOI', category: 'hold' }, operator);
    await handovers.addNote({ text: 'Order spindle spare for L1-PNP2 before the night shift.', category: 'open_item' }, operator);
    now = new Date(seeded.to.getTime() + 5 * 60_000);
  });

  afterAll(async () => {
    await handovers?.stop();
    await db?.close();
  });

  it('cites every priority-1/2 alarm and every executed actuation, and every citation opens', async () => {
    expect(seeded.events).toBeGreaterThanOrEqual(600);
    const { report, summary } = await handovers.build({ shift: 'previous' });
    expect(report.window).toMatchObject({ shift: 'early', from: seeded.from.toISOString(), to: seeded.to.toISOString(), timeZone: 'Europe/Berlin' });

    const all = [...statementsOf(report), ...summary.statements];
    for (const statement of all) expect(statement.citations.length, statement.text).toBeGreaterThan(0);

    const { rows: urgent } = await db.query<{ id: string; code: string }>(
      `SELECT id, code FROM historian_events WHERE kind = 'alarm' AND priority <= 2 AND payload->>'transition' = 'raised' AND time < $1`,
      [seeded.to],
    );
    expect(urgent.map((row) => row.code).sort()).toEqual([...seeded.urgentAlarmCodes].sort());
    const alarmStatements = statementsOf(report, 'alarms');
    for (const row of urgent) {
      const citing = alarmStatements.find((s) => s.citations.some((c) => c.id === String(row.id) && c.href === `/handovers/events/${row.id}`));
      expect(citing, `alarm ${row.code}`).toBeDefined();
    }
    expect(alarmStatements.find((s) => s.text.includes('E-311'))).toMatchObject({ tone: 'critical' });
    expect(alarmStatements.find((s) => s.text.includes('E-311'))!.text).toContain('ACTIVE at the end of the window');
    expect(alarmStatements.find((s) => s.text.includes('E-902'))!.text).toContain('raised before this window');

    const actions = statementsOf(report, 'actions');
    for (const id of [...seeded.executedApprovalIds, ...seeded.failedApprovalIds]) {
      expect(actions.some((s) => s.citations.some((c) => c.kind === 'approval' && c.href === `/approvals/${id}`))).toBe(true);
    }
    expect(actions.find((s) => s.text.includes('zone 4 setpoint'))!.text).toMatch(/approved by Sam Supervisor.*executed.*read-back confirmed/);

    const unique = new Map<string, Source>();
    for (const citation of all.flatMap((s) => s.citations)) unique.set(citation.href ?? citation.id, citation);
    for (const citation of unique.values()) expect(await resolveCitation(db, citation), citation.href).toEqual({ ok: true });
  });

  it('reports stops with their cause, production against plan, OEE, holds, notes and open items', async () => {
    const { report } = await handovers.build({ from: seeded.from.toISOString(), to: seeded.to.toISOString() });
    const downtime = statementsOf(report, 'downtime');
    expect(downtime.find((s) => s.text.startsWith('L1-RFL'))!.text).toMatch(/Aborted.*25 min; cause: E-214/);
    expect(downtime.find((s) => s.text.startsWith('L2-PNP1'))!.text).toMatch(/Held.*10 min; cause: no alarm recorded/);
    expect(downtime.find((s) => s.text.startsWith('L1-PNP2'))!.text).toContain('still down');

    const line1 = report.kpis.lines.find((line) => line.lineId === 'Line1')!;
    expect(line1.goodUnits + line1.scrapUnits).toBeGreaterThan(400);
    expect(line1.plannedUnits).toBeGreaterThan(0);
    expect(line1.oeePct).not.toBeNull();
    expect(statementsOf(report, 'oee')[0]!.text).toMatch(/OEE [\d.]+ % = availability [\d.]+ % × performance [\d.]+ % × quality [\d.]+ %/);

    expect(statementsOf(report, 'holds').map((s) => s.text)).toEqual([
      expect.stringContaining('solder balls'),
      expect.stringContaining('PO-24120 boards 140–180'),
    ]);
    expect(statementsOf(report, 'notes')[0]!.citations[0]!.href).toMatch(/^\/handovers\/notes\//);
    const open = statementsOf(report, 'open_items').map((s) => s.text);
    expect(open.some((text) => text.includes('E-311'))).toBe(true);
    expect(open.some((text) => text.includes('L1-PNP2 is still stopped'))).toBe(true);
    expect(open.some((text) => text.includes('Set L2-PNP1 speed'))).toBe(true);
    expect(open.some((text) => text.includes('spindle spare'))).toBe(true);
    expect(statementsOf(report, 'maintenance')[0]!.text).toContain('No forecast available');
  });

  it('generates the shift-end report once, lists it, and records its acknowledgement in the audit log', async () => {
    const first = await handovers.checkShiftEnd();
    expect(first).toMatchObject({ shift: 'early', trigger: 'automatic' });
    expect(await handovers.checkShiftEnd()).toBeUndefined();
    const other = startHandoverService({ db, log: silentLogger, clock: () => now, automatic: false });
    expect(await other.checkShiftEnd()).toBeUndefined();
    await other.stop();

    const list = await handovers.list();
    expect(list.filter((item) => item.trigger === 'automatic')).toHaveLength(1);
    expect(list[0]!.alarmsStillActive).toBeGreaterThan(0);

    const acknowledged = await handovers.acknowledge(first!.id, supervisor);
    expect(acknowledged.acknowledgedBy).toEqual({ id: 'u-sam', name: 'Sam Supervisor (sam)' });
    await expect(handovers.acknowledge(first!.id, supervisor)).rejects.toMatchObject({ code: 'conflict' });
    const audit = await listAudit(db, { action: 'handover.acknowledged' });
    expect(audit[0]).toMatchObject({ actor: { id: 'u-sam' }, subject: { kind: 'handover', id: first!.id } });

    const stored = await handovers.get(first!.id);
    expect(stored.report.sections.map((s) => s.id)).toContain('open_items');
    await expect(handovers.get('00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('generates the next shift-end report on its own timer, and stops cleanly', async () => {
    const later = new Date(seeded.to.getTime() + 8 * 3_600_000 + 5 * 60_000);
    const scheduled = startHandoverService({ db, log: silentLogger, clock: () => later, checkIntervalMs: 20 });
    await vi.waitFor(async () => expect((await scheduled.list()).filter((item) => item.trigger === 'automatic')).toHaveLength(2), {
      timeout: 10_000,
      interval: 50,
    });
    await scheduled.stop();
    const [latest] = await scheduled.list({ limit: 1 });
    expect(latest).toMatchObject({ shift: 'late', from: seeded.to.toISOString() });
  });

  it('stores a shift-end report once when two instances race for it', async () => {
    const night = new Date(seeded.to.getTime() + 16 * 3_600_000 + 5 * 60_000);
    const [a, b] = [0, 1].map(() => startHandoverService({ db, log: silentLogger, clock: () => night, automatic: false }));
    const results = await Promise.all([a!.checkShiftEnd(), b!.checkShiftEnd()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(results.find(Boolean)).toMatchObject({ shift: 'night' });
    await Promise.all([a!.stop(), b!.stop()]);
  });

  it('renders Markdown with numbered footnotes and a PDF', async () => {
    const { report, summary } = await handovers.build({ shift: 'previous' });
    const markdown = renderMarkdown(report, summary);
    expect(markdown).toMatch(/^# Shift handover/);
    expect(markdown).toMatch(/\[\^1\]/);
    expect(markdown).toMatch(/\n\[\^1\]: \[.+\]\(\/handovers\//);
    const pdf = await renderPdf(report, summary, { baseUrl: 'http://plantpilot.local' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(3000);
    if (process.env.PLANTPILOT_PDF_OUT) fs.writeFileSync(process.env.PLANTPILOT_PDF_OUT, pdf);

    // What a reader sees: real bullets (the font has the glyph), both charts, links to the public base.
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
    let text = '';
    const links: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      text += (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
      for (const annotation of await page.getAnnotations()) if (annotation.url) links.push(annotation.url as string);
    }
    await document.destroy();
    expect(text).toContain('•');
    expect(text).not.toMatch(/\?\s{1,3}[A-Z]/);
    expect(text).toContain('Output vs plan per line');
    expect(text).toContain('Downtime Pareto');
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect(link).toMatch(/^http:\/\/plantpilot\.local\//);
  });

  it('serves the report through the generate_shift_handover tool, and refuses a bad window', async () => {
    const tool = createGenerateShiftHandoverTool({ handovers });
    const context = { actor: { kind: 'user' as const, id: 'u-olga', name: 'Olga', role: 'operator' as const } };
    const output = tool.output.parse(await tool.run(tool.input.parse({ shift: 'previous' }), context));
    expect(output.sources.length).toBeGreaterThan(10);
    expect(output.summary.kind).toBe('deterministic');
    await expect(tool.run({ from: seeded.to.toISOString(), to: seeded.from.toISOString() }, context)).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(tool.run({ shift: 'current', from: seeded.from.toISOString() }, context)).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('uses a model narrative only when it is grounded in the report', async () => {
    const grounded = startHandoverService({
      db,
      log: silentLogger,
      clock: () => now,
      automatic: false,
      summarize: async (json) => {
        const report = JSON.parse(json) as HandoverReport;
        return `Line1 made ${report.kpis.lines[0]!.goodUnits} good boards. E-311 on L1-PNP2 is still active.`;
      },
    });
    expect((await grounded.build({ shift: 'previous' })).summary.kind).toBe('narrative');
    await grounded.stop();
    const invented = startHandoverService({
      db,
      log: silentLogger,
      clock: () => now,
      automatic: false,
      summarize: async () => 'Line1 made 123457 boards; L9-XYZ is fine.',
    });
    const { summary } = await invented.build({ shift: 'previous' });
    expect(summary).toMatchObject({ kind: 'deterministic', fallbackReason: expect.stringContaining('123457') });
    await invented.stop();
  });

  it('keeps each site’s reports, notes and evidence apart', async () => {
    const erlangen = startHandoverService({ db, log: silentLogger, clock: () => now, automatic: false, site: { id: 'ERL', key: 'ERL', isDefault: false } });
    try {
      // The seeded shift is the default site's history: none of its alarms appear in ERL's report.
      const fromErl = JSON.stringify((await erlangen.build({ shift: 'previous' })).report);
      const fromDefault = JSON.stringify((await handovers.build({ shift: 'previous' })).report);
      const code = [...seeded.urgentAlarmCodes][0]!;
      expect(fromDefault).toContain(code);
      expect(fromErl).not.toContain(code);
      // ERL's evidence links name ERL; the default site's name none.
      expect(fromErl).toMatch(/\/handovers\/(events|notes|tags)\?[^"]*site=ERL/);
      expect(fromDefault).not.toContain('site=');

      const note = await erlangen.addNote({ text: 'ERL only: line 1 changeover ran long.' }, operator);
      const window = { from: new Date(now.getTime() - 60_000), to: new Date(now.getTime() + 60_000) };
      expect((await erlangen.notes(window.from, window.to)).map((n) => n.id)).toEqual([note.id]);
      expect((await handovers.notes(window.from, window.to)).map((n) => n.id)).not.toContain(note.id);

      const stored = await erlangen.generate({ shift: 'previous' }, supervisor);
      expect((await erlangen.list()).map((item) => item.id)).toEqual([stored.id]);
      expect((await handovers.list()).map((item) => item.id)).not.toContain(stored.id);
    } finally {
      await erlangen.stop();
    }
  });
});
