import { describe, expect, it } from 'vitest';
import { CATALOGUE_LINES } from './gather';
import { lineKpis } from './line-kpis';
import { catalogueLinePlan } from './plan';
import { assertEveryStatementCited, buildReport } from './report';
import type { ShiftFacts } from './report-types';
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
