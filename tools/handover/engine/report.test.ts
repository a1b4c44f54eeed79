import { describe, expect, it } from 'vitest';
import { CATALOGUE_LINES } from '../service/gather';
import { lineKpis } from './line-kpis';
import { catalogueLinePlan } from './plan';
import { assertEveryStatementCited, buildReport } from './report';
import type { AlarmEpisode, ShiftFacts } from './report-types';
import { deterministicSummary, groundingProblem, summarizeReport } from './summary';

const window = {
  from: '2025-01-15T05:00:00.000Z',
  to: '2025-01-15T13:00:00.000Z',
  shift: 'early',
  shiftLabel: 'Early shift, 2025-01-15',
  timeZone: 'Europe/Berlin',
};

function facts(overrides: Partial<ShiftFacts> = {}): ShiftFacts {
  return {
    plant: { id: 'NW-FUE', name: 'Nordwerk Electronics — Fürth plant' },
    window,
    lines: CATALOGUE_LINES.slice(0, 1),
    counters: [
      { assetId: 'L1-PCK', tagId: 'GoodCount', increase: 900, samples: 900, firstTime: window.from, lastTime: window.to },
      { assetId: 'L1-AOI', tagId: 'ScrapCount', increase: 30, samples: 30, firstTime: window.from, lastTime: window.to },
      { assetId: 'L1-ICT', tagId: 'ScrapCount', increase: 10, samples: 10, firstTime: window.from, lastTime: window.to },
    ],
    segments: [{ lineId: 'Line1', productId: 'IO-16DI', orderId: 'PO-24118', from: window.from, to: window.to }],
    plans: [],
    idealCycleTimeS: { 'IO-16DI': 18 },
    stateTimes: [{ assetId: 'L1-PCK', executeMs: 6 * 3_600_000, suspendedMs: 3_600_000, downMs: 3_600_000 }],
    downtime: [],
    alarms: [],
    approvals: [],
    audit: [],
    inspection: null,
    maintenance: null,
    notes: [],
    holdEvents: [],
    eventsInWindow: 0,
    ...overrides,
  };
}

describe('line KPIs', () => {
  it('computes OEE as availability × performance × quality at the output machine', () => {
    const [line] = lineKpis(facts());
    // Availability 6 h of 8; performance 940 boards × 18 s ÷ 6 h; quality 900 of 940.
    expect(line).toMatchObject({ goodUnits: 900, scrapUnits: 40, availabilityPct: 75, performancePct: 78.3, qualityPct: 95.7 });
    expect(line!.oeePct).toBeCloseTo(0.75 * ((940 * 18) / 21_600) * (900 / 940) * 100, 0);
  });

  it('plans from the product at its ideal rate and target efficiency, and falls back to the catalogue order', () => {
    const plan = catalogueLinePlan(CATALOGUE_LINES[0]!, window, facts().segments);
    expect(plan).toMatchObject({ lineId: 'Line1', plannedUnits: Math.floor((8 * 3600 * 0.85) / 18) });
    expect(plan!.sources.map((s) => s.kind)).toEqual(['order', 'tag']);
    expect(catalogueLinePlan(CATALOGUE_LINES[0]!, window, [])!.basis).toContain('first catalogue order');
  });
});

describe('report', () => {
  it('says when maintenance is due as a window in plant time, and leads open items with what is critical', () => {
    const source = { kind: 'forecast' as const, id: 'L1-PNP2', title: 'Maintenance forecast for L1-PNP2', href: '/maintenance?asset=L1-PNP2' };
    const due = {
      from: '2025-01-15T18:00:00Z',
      mostLikely: '2025-01-15T22:00:00Z',
      to: '2025-01-16T02:00:00Z',
      text: 'due between 19:00 and 03:00, most likely 23:00 (plant time)',
    };
    const report = buildReport(
      facts({ maintenance: [{ assetId: 'L1-PNP2', text: 'may need maintenance before the next shift ends', remainingHours: 6, due, source }] }),
      new Date('2025-01-15T13:02:00Z'),
    );
    const [line] = report.sections.find((section) => section.id === 'maintenance')!.statements;
    expect(line).toMatchObject({ tone: 'critical', text: `L1-PNP2: may need maintenance before the next shift ends, ${due.text}.` });
    expect(line!.text).not.toMatch(/operating h/);
  });

  it('has every section, and a citation for every statement even when nothing happened', () => {
    const report = buildReport(facts(), new Date('2025-01-15T13:02:00Z'));
    expect(report.sections.map((s) => s.id)).toEqual([
      'production',
      'oee',
      'quality',
      'downtime',
      'alarms',
      'actions',
      'maintenance',
      'holds',
      'notes',
      'open_items',
    ]);
    expect(() => assertEveryStatementCited(report, deterministicSummary(report).statements)).not.toThrow();
    expect(report.sections.find((s) => s.id === 'maintenance')!.statements[0]!.text).toContain('No forecast available');
  });

  it('says which alarms were active at the window’s end, believes the plant when it shows one cleared, and names each code once', () => {
    const episode = (code: string, over: Partial<AlarmEpisode>): AlarmEpisode => ({
      assetId: 'L2-PCK',
      code,
      priority: 2,
      message: `${code} Carton jam`,
      raisedAt: '2025-01-15T12:00:00.000Z',
      raisedEventId: code,
      carriedOver: false,
      clearedAt: null,
      clearedEventId: null,
      acknowledgedAt: null,
      ...over,
    });
    const report = buildReport(
      facts({
        alarms: [
          episode('E-711', { clearedPerPlant: true }),
          episode('E-712', { clearedAt: '2025-01-15T12:10:00.000Z', clearedEventId: 'c712' }),
          episode('E-713', {}),
        ],
      }),
      new Date('2025-01-15T13:02:00Z'),
    );
    const alarms = report.sections.find((s) => s.id === 'alarms')!.statements.map((s) => s.text);
    expect(alarms.find((t) => t.includes('E-711'))).toMatch(/plant shows it is not active now/);
    expect(alarms.find((t) => t.includes('E-711'))).not.toMatch(/ACTIVE/);
    expect(alarms.find((t) => t.includes('E-712'))).toContain('raised and cleared in this window');
    expect(alarms.find((t) => t.includes('E-713'))).toContain('ACTIVE at the end of the window (15 Jan, 14:00)');
    for (const text of alarms) expect(text).not.toMatch(/(E-\d{3}) \1/);
    expect(report.kpis).toMatchObject({ alarmsStillActive: 1, alarmsP12ActiveAtEnd: 1 });
    const open = report.sections.find((s) => s.id === 'open_items')!.statements.map((s) => s.text);
    expect(open.filter((t) => t.includes('E-7'))).toEqual([expect.stringContaining('E-713')]);
    expect(deterministicSummary(report).text).toContain('3 priority-1/2 alarms in this window, 1 active at its end.');
  });

  it('refuses a report with an uncited statement', () => {
    const report = buildReport(facts(), new Date());
    report.sections[0]!.statements.push({ text: 'Line 1 was fine.', citations: [], tone: 'info' });
    expect(() => assertEveryStatementCited(report)).toThrow(/lack a citation/);
  });
});

describe('summary grounding', () => {
  const report = buildReport(facts(), new Date('2025-01-15T13:02:00Z'));

  it('accepts a narrative whose numbers and ids are in the report', () => {
    expect(groundingProblem('Line1 made 900 good boards with 40 scrapped; yield 95.7 %.', report)).toBeUndefined();
  });

  it('rejects invented numbers, unknown ids, links and empty text', () => {
    expect(groundingProblem('Line1 made 1,200 good boards.', report)).toContain('1200');
    expect(groundingProblem('Line1 made 900 good boards, 95,7 % yield.', report)).toBeUndefined();
    expect(groundingProblem('E-999 tripped L1-RFL.', report)).toMatch(/names E-999|number 999/);
    expect(groundingProblem('See http://example.com', report)).toContain('link');
    expect(groundingProblem('  ', report)).toContain('empty');
  });

  it('falls back to the deterministic summary when the model fails', async () => {
    const summary = await summarizeReport(report, async () => {
      throw new Error('connection refused');
    });
    expect(summary).toMatchObject({ kind: 'deterministic', fallbackReason: expect.stringContaining('connection refused') });
  });
});

describe('material disruptions in open items', () => {
  it('names the late delivery and the orders it affects, critical when one goes late', () => {
    const report = buildReport(
      facts({
        material: [
          {
            asnId: 'ASN-4711',
            supplierName: 'Avnet Silica',
            kind: 'late',
            delayH: 7.5,
            shortfallPct: 0,
            reason: 'Truck held at customs',
            eta: '2026-03-02T18:00:00.000Z',
            parts: [{ partNumber: 'STM32H743ZIT6', runOutAt: '2026-03-02T11:00:00.000Z' }],
            orders: [{ orderId: 'PO-24117', lineId: 'Line1', missingPart: 'STM32H743ZIT6', slipH: 4.2, late: true }],
            recommended: 'Line1: run PO-24121 → PO-24117',
          },
        ],
      }),
      new Date('2026-03-02T14:00:00Z'),
    );
    const open = report.sections.find((s) => s.id === 'open_items')!.statements;
    const item = open.find((s) => s.text.includes('ASN-4711'))!;
    expect(item.text).toMatch(/PO-24117/);
    expect(item.text).toMatch(/Recommended/);
    expect(item.tone).toBe('critical');
    expect(item.citations[0]?.href).toBe('/material');
  });
});
