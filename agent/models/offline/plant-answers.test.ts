import { describe, expect, it } from 'vitest';
import { writeAnswer } from './answer-writer';

const live = (value: number | string, unit: string | null = null) => ({ value, unit, sourceTimestamp: '2026-12-02T16:50:43Z', quality: 'good', current: true });
const machine = (id: string, state = 'Execute') => ({
  id,
  name: id,
  state: live(state),
  speed: live(100, '%'),
  activeAlarms: { total: 0, byPriority: { p1: 0, p2: 0, p3: 0, p4: 0, unknown: 0 } },
});

const overview = {
  now: '2026-12-02T16:50:47Z',
  shift: { name: 'late', start: '2026-12-02T13:00:00Z', end: '2026-12-02T21:00:00Z', timeZone: 'Europe/Berlin' },
  lines: [
    {
      id: 'Line1',
      name: 'SMT Line 1',
      machines: [machine('L1-PRN'), machine('L1-PNP2', 'Held')],
      activeAlarms: { p1: 0, p2: 1, p3: 0, p4: 0, unknown: 0 },
      figures: {
        window: { from: '2026-12-02T13:00:00Z', to: '2026-12-02T16:50:47Z' },
        goodUnits: 1420,
        scrapUnits: 12,
        plannedUnits: 1380,
        outputVsPlanPct: 102.9,
        availabilityPct: 87.5,
        performancePct: 99.8,
        qualityPct: 99.2,
        oeePct: 86.6,
      },
    },
    { id: 'Utilities', name: 'Utilities', machines: [machine('UT-AIR')], activeAlarms: { p1: 0, p2: 0, p3: 0, p4: 0, unknown: 0 }, figures: null },
  ],
  sources: [],
};

describe('answers to the plant tools', () => {
  it('leads the overview with one sentence per line: what is not running, output against plan, OEE, alarms', () => {
    const answer = writeAnswer([{ tool: 'plant_overview', args: {}, content: JSON.stringify(overview) }], { timeZone: 'Europe/Berlin' });
    expect(answer).toContain('Late shift so far (since 14:00, now 17:50):');
    expect(answer).toContain('- **SMT Line 1**: L1-PNP2 held (Held); 1,420 good boards, plan 1,380 (102.9 %), OEE 86.6 %; active alarms 1 × P2.');
    expect(answer).toContain('- **Utilities**: all 1 machines in Execute; no active alarms.');
    expect(answer).toContain('SMT Line 1: availability 87.5 %, performance 99.8 %, quality 99.2 %, scrap 12.');
    expect(answer).not.toMatch(/\| Id \|/);
  });

  it('says the same in German, with decimal commas and the shift’s German name', () => {
    const answer = writeAnswer([{ tool: 'plant_overview', args: {}, content: JSON.stringify(overview) }], { language: 'de', timeZone: 'Europe/Berlin' });
    expect(answer).toContain('Spätschicht bisher (seit 14:00, jetzt 17:50):');
    expect(answer).toContain('1.420 Gutteile, Plan 1.380 (102,9 %), OEE 86,6 %; aktive Alarme 1 × P2.');
  });

  it('answers a trend question with the value now and the range over the window, in plant time', () => {
    const output = {
      assetId: 'L1-RFL',
      tagId: 'Zone4.TemperatureC',
      unit: '°C',
      from: '2026-12-02T14:50:00Z',
      to: '2026-12-02T16:50:00Z',
      current: live(245.2, '°C'),
      resolution: '1m',
      buckets: [
        { start: '2026-12-02T14:50:00Z', min: 243.1, max: 246, avg: 245, last: 245, count: 30, badCount: 0 },
        { start: '2026-12-02T15:50:00Z', min: 244, max: 247.5, avg: 245.5, last: 245.2, count: 30, badCount: 0 },
      ],
      sources: [],
    };
    const answer = writeAnswer([{ tool: 'tag_history', args: { asset: 'L1-RFL', tag: 'Zone4.TemperatureC' }, content: JSON.stringify(output) }], {
      timeZone: 'Europe/Berlin',
    });
    expect(answer).toContain('L1-RFL Zone4.TemperatureC is 245.2 °C now. From 02 Dec, 15:50 – 17:50: min 243.1 °C, max 247.5 °C (60 samples).');
    expect(answer).not.toMatch(/T1\d:\d\d|Z\b/);
  });

  it('says whether an order is late and by how much before why, in plant time', () => {
    const output = {
      draftId: 'd-1',
      orderId: 'PO-24118',
      lineId: 'Line1',
      startAt: '2026-12-02T22:38:00Z',
      endAt: '2026-12-03T01:42:00Z',
      dueAt: '2026-12-03T01:00:00Z',
      tardinessMin: 42,
      late: true,
      summary: '',
      causes: [{ kind: 'queue', text: '2 orders run before it on Line1.' }],
      remedies: [{ action: 'Run it next on Line1', endAt: '2026-12-03T00:25:00Z', onTime: true, othersTardinessDeltaMin: 15 }],
      sources: [],
    };
    const answer = writeAnswer([{ tool: 'explain_late_order', args: { order: 'PO-24118' }, content: JSON.stringify(output) }], { timeZone: 'Europe/Berlin' });
    expect(answer).toContain('PO-24118 is late by 42 min: it finishes 03 Dec, 02:42, due 03 Dec, 02:00 (Line1).');
    expect(answer).toContain('- Run it next on Line1: finishes 03 Dec, 01:25, on time; other orders 15 min later in all');
    // Two days late reads in hours, not as "3,146 min".
    const days = writeAnswer([{ tool: 'explain_late_order', args: { order: 'PO-24118' }, content: JSON.stringify({ ...output, tardinessMin: 3146 }) }], {
      language: 'de',
      timeZone: 'Europe/Berlin',
    });
    expect(days).toContain('PO-24118 ist 52,4 h zu spät');
    // Asked to move it: the answer says first that no order is moved from the chat, and where the options are.
    const moved = writeAnswer([{ tool: 'explain_late_order', args: { order: 'PO-24118' }, content: JSON.stringify(output) }], {
      question: 'move PO-24118 to line 2',
      timeZone: 'Europe/Berlin',
    });
    expect(moved).toMatch(/I do not move an order myself[^\n]*\nPO-24118 is late by 42 min/);
  });

  it('puts an asked formula value such as O2 first', () => {
    const output = {
      asset: { id: 'L2-RFL', name: 'Reflow oven L2', line: 'Line2', type: null },
      tags: [
        { tagId: 'State', ...live('Execute'), description: 'PackML state', writable: false },
        { tagId: 'PowerKw', ...live(29.5, 'kW'), description: 'Active electrical power', writable: false },
        { tagId: 'O2Ppm', ...live(532.2, 'ppm'), description: 'Residual oxygen in the nitrogen atmosphere.', writable: false },
      ],
      activeAlarms: [],
      sources: [],
    };
    const answer = writeAnswer([{ tool: 'asset_state', args: { asset: 'L2-RFL' }, content: JSON.stringify(output) }], {
      question: 'whats the o2 in oven 2',
      timeZone: 'Europe/Berlin',
    });
    expect(answer.split('\n\n')[1]!.split('\n')[0]).toBe('**Residual oxygen in the nitrogen atmosphere** (O2Ppm): 532.2 ppm (good, 17:50:43)');
  });
});

describe('answers to the scheduler', () => {
  const order = (orderId: string, startAt: string, endAt: string, tardinessMin = 0) => ({
    orderId,
    productId: 'HMI-7MB',
    startAt,
    endAt,
    dueAt: endAt,
    tardinessMin,
  });
  const whatIf = {
    draftId: 'd-2',
    comparedWith: 'base proposal',
    scenario: 'L2-RFL down for 4 h from now',
    releasable: true,
    kpis: { setups: 6, onTimePct: 75, makespanMin: 1103, lateOrderIds: ['PO-24119'] },
    comparedKpis: { setups: 4, onTimePct: 100, makespanMin: 863, lateOrderIds: [] },
    delta: { setups: 2, makespanMin: 240 },
    lines: [
      { lineId: 'Line1', orders: [order('PO-24117', '2026-12-02T15:00:00Z', '2026-12-02T18:00:00Z')] },
      {
        lineId: 'Line2',
        orders: [order('PO-24119', '2026-12-02T19:00:00Z', '2026-12-02T23:30:00Z', 37), order('PO-24121', '2026-12-03T00:00:00Z', '2026-12-03T03:00:00Z')],
      },
    ],
  };

  it('leads a what-if with the orders it makes late, against the plan without it, then each line’s sequence', () => {
    const answer = writeAnswer([{ tool: 'what_if', args: {}, content: JSON.stringify(whatIf) }], { timeZone: 'Europe/Berlin' });
    expect(answer).toContain('Scenario “L2-RFL down for 4 h from now”: 1 of 3 orders late: PO-24119 (37 min) (base proposal: all on time).');
    expect(answer).toContain('Makespan 1,103 min (+240); 6 setups (+2)');
    expect(answer).toContain('**Line2**: PO-24119 HMI-7MB 20:00–03 Dec, 00:30 ⚠ +37 min → PO-24121 HMI-7MB 01:00–04:00');
    expect(answer).not.toContain('Utilisation');
  });

  it('says it in German, dates and numbers included', () => {
    const answer = writeAnswer([{ tool: 'what_if', args: {}, content: JSON.stringify(whatIf) }], { language: 'de', timeZone: 'Europe/Berlin' });
    expect(answer).toContain('1 von 3 Aufträgen zu spät: PO-24119 (37 min) (ohne das Szenario: alle pünktlich)');
    expect(answer).toContain('Gesamtdauer 1.103 min (+240); 6 Rüstvorgänge (+2); pünktlich 75 %');
    expect(answer).toContain('sagen Sie „freigeben“');
  });
});

describe('what-if scenario labels in German answers', () => {
  it("say the scheduler's four scenarios in German, and leave any other label as it is", async () => {
    const { germanScenario } = await import('./plant-answers');
    // The labels as the scheduler writes them, so a change there shows here.
    const { describeScenario } = await import('../../../tools/scheduling/engine/scenarios');
    const label = (scenario: Parameters<typeof describeScenario>[0]) => germanScenario(describeScenario(scenario));
    expect(label({ type: 'machine_down', asset: 'L2-RFL', hours: 4 })).toBe('L2-RFL fällt ab jetzt 4 h aus');
    expect(label({ type: 'machine_down', asset: 'Line1', hours: 4, startsInHours: 20.5 })).toBe('Line1 fällt in 20,5 h für 4 h aus');
    expect(label({ type: 'rush_order', product: 'CPU-1516', quantity: 200, dueInHours: 12.5 })).toBe('Eilauftrag: 200 × CPU-1516, fällig in 12,5 h');
    expect(label({ type: 'material_delay', order: 'PO-24119', hours: 5 })).toBe('Material für PO-24119 kommt 5 h später');
    expect(label({ type: 'extra_shift', line: 'Line2', date: '2026-12-05' })).toBe('Zusatzschicht 8 h auf Line2 am 2026-12-05');
    expect(label({ type: 'extra_shift' })).toBe('Zusatzschicht 8 h auf allen Linien');
    expect(germanScenario('a plant-specific scenario')).toBe('a plant-specific scenario');
  });
});

describe('production status in German', () => {
  it('says why a count is unknown in German, not in the tool’s English', () => {
    const output = {
      now: '2026-03-04T09:00:00.000Z',
      lines: [
        {
          line: 'Line1',
          outputMachineId: 'L1-PCK',
          orders: [
            {
              orderId: 'PO-24117',
              productId: 'CPU-1516',
              productName: 'Controller CPU board',
              status: 'running',
              plannedQuantity: 240,
              goodSoFar: null,
              goodPerHour: 82,
              eta: null,
              basis: "Started before the historian's records of L1-PCK, so boards made so far are unknown. No ETA without the count so far.",
            },
          ],
        },
      ],
    };
    const answer = writeAnswer([{ tool: 'production_status', args: {}, content: JSON.stringify(output) }], { language: 'de', question: 'wie läuft Linie 1' });
    expect(answer).toMatch(
      /Der Auftrag lief schon vor Beginn der Historian-Aufzeichnung von L1-PCK, daher ist die bisher gefertigte Menge unbekannt\. Ohne diese Menge/,
    );
    expect(answer).not.toMatch(/Started before/);
  });
});

describe('a handover asked in German', () => {
  it('gives the shift label and each line’s figures in German, from the report’s numbers', () => {
    const report = {
      window: { from: '2026-03-04T21:00:00.000Z', to: '2026-03-04T22:40:00.000Z', shiftLabel: 'Night shift, 2026-03-04 (so far)' },
      kpis: {
        lines: [
          {
            lineId: 'Line1',
            goodUnits: 127,
            scrapUnits: 1,
            plannedUnits: 121,
            outputVsPlanPct: 105,
            availabilityPct: 88.7,
            performancePct: 100,
            qualityPct: 99.2,
            oeePct: 88,
            downtimeMin: 13,
          },
        ],
      },
      sections: [{ id: 'production', title: 'Production', statements: [{ text: 'SMT Line 1: 127 good boards against a plan of 121', citations: [] }] }],
    };
    const text = writeAnswer([{ tool: 'generate_shift_handover', args: {}, content: JSON.stringify({ report }) }], {
      language: 'de',
      question: 'Übergabe bitte',
    });
    expect(text).toMatch(/Nachtschicht, 2026-03-04 \(bisher\)/);
    expect(text).toMatch(
      /- Line1: 127 Gutteile bei Plan 121 \(105 %\), 1 Ausschuss; OEE 88 % = Verfügbarkeit 88,7 % × Leistung 100 % × Qualität 99,2 %, 13 min Stillstand\./,
    );
    expect(text).not.toMatch(/good boards against a plan/);
  });
});
