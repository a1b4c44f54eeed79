/** The material answers: what matters first, in plant time, in English and German, never raw JSON. */
import { describe, expect, it } from 'vitest';
import { writeAnswer } from './answer-writer';

// 09:40 Berlin (UTC+1) on Wednesday 2 December 2026.
const NOW = '2026-12-02T08:40:00.000Z';

const lineStatus = {
  time: NOW,
  scope: 'line Line1',
  parts: [
    {
      partNumber: 'STM32H743ZIT6',
      description: 'MCU Arm Cortex-M7 480 MHz LQFP144 (ST)',
      stockWarehouse: 120,
      stockLineSide: { Line1: 60 },
      demandPerHour: 40,
      lineSideRunOutAt: { Line1: '2026-12-02T10:10:00.000Z' },
      plantRunOutAt: '2026-12-02T13:10:00.000Z',
      nextDelivery: { asnId: 'ASN-4420', eta: '2026-12-02T15:00:00.000Z', quantity: 600, late: true },
      alternates: [],
      minFloorLifeH: 150,
    },
    {
      partNumber: 'GRM155R71C104KA88D',
      description: 'MLCC 100 nF 16 V X7R 0402 (Murata)',
      stockWarehouse: 80_000,
      stockLineSide: { Line1: 20_000 },
      demandPerHour: 9_000,
      lineSideRunOutAt: { Line1: '2026-12-02T09:50:00.000Z' },
      plantRunOutAt: null,
      nextDelivery: null,
      alternates: ['CL05B104KO5NNNC'],
      minFloorLifeH: null,
    },
    {
      partNumber: 'TRAY-ESD-A4',
      description: 'ESD packing tray A4, 10 boards',
      stockWarehouse: 2_000,
      stockLineSide: {},
      demandPerHour: 10,
      lineSideRunOutAt: {},
      plantRunOutAt: null,
      nextDelivery: null,
      alternates: [],
      minFloorLifeH: null,
    },
  ],
};

const impact = {
  time: NOW,
  assessed: 'next delivery from Würth Elektronik eiSos, 6 h late',
  parts: [{ partNumber: '744043100', runOutBefore: null, runOutAfter: '2026-12-02T12:00:00.000Z', recoversAt: '2026-12-02T17:00:00.000Z' }],
  affectedOrders: [
    {
      orderId: 'PO-24120',
      lineId: 'Line2',
      productId: 'PSU-24V10',
      missingPart: null,
      starvesAt: null,
      slipH: 1.5,
      late: false,
      dueAt: '2026-12-03T10:00:00.000Z',
    },
    {
      orderId: 'PO-24117',
      lineId: 'Line1',
      productId: 'CPU-1516',
      missingPart: '744043100',
      starvesAt: '2026-12-02T12:00:00.000Z',
      slipH: 5,
      late: true,
      dueAt: '2026-12-02T16:00:00.000Z',
    },
  ],
  doNothing: { lateOrders: 1, totalLatenessH: 3.5, lineIdleH: 5 },
  responses: [],
  recommended: { kind: 'resequence', summary: 'Run PO-24118 first on Line1; PO-24117 waits for the inductors' },
  schedulerWhatIf: null,
};

const plan = {
  time: NOW,
  runs: [
    {
      runId: 'RUN-2',
      vehicle: 'AMR-01',
      vehicleKind: 'amr',
      depart: '2026-12-02T09:20:00.000Z',
      return: '2026-12-02T09:40:00.000Z',
      distanceM: 180,
      loadUnits: 2,
      stops: [
        {
          stationId: 'L2-PNP2-S',
          stationName: 'L2 placer 2 feeders',
          arrive: '2026-12-02T09:28:00.000Z',
          due: '2026-12-02T09:30:00.000Z',
          late: false,
          loads: [{ partNumber: 'STM32H743ZIT6', quantity: 120, units: 2, fromLocationId: 'WH', toLocationId: 'SM-L2' }],
        },
      ],
      dispatch: { vehicle: 'AMR-01', stops: [] },
    },
    {
      runId: 'RUN-1',
      vehicle: 'TUG-01',
      vehicleKind: 'tugger',
      depart: '2026-12-02T08:50:00.000Z',
      return: '2026-12-02T09:15:00.000Z',
      distanceM: 1240.5,
      loadUnits: 8,
      stops: [
        {
          stationId: 'L1-PNP1-S',
          stationName: 'L1 placer 1 feeders',
          arrive: '2026-12-02T08:58:00.000Z',
          due: '2026-12-02T08:55:00.000Z',
          late: true,
          loads: [{ partNumber: 'GRM155R71C104KA88D', quantity: 20_000, units: 2, fromLocationId: 'WH', toLocationId: 'SM-L1' }],
        },
      ],
      dispatch: { vehicle: 'TUG-01', stops: [] },
    },
  ],
  unmet: [{ partNumber: 'XC7Z010-1CLG400C', lineId: 'Line2', quantity: 90 }],
};

const answer = (tool: string, args: Record<string, unknown>, output: unknown, language: 'en' | 'de' = 'en') =>
  writeAnswer([{ tool, args, content: JSON.stringify(output) }], { language, timeZone: 'Europe/Berlin' });

describe('material answers', () => {
  it('gives the asked line’s own line-side stock, and the other lines’ apart', () => {
    const output = {
      ...lineStatus,
      scope: 'line Line2',
      parts: [
        { ...lineStatus.parts[1], stockLineSide: { Line1: 68_969 }, lineSideRunOutAt: { Line1: '2026-12-02T16:00:00.000Z', Line2: NOW } },
        lineStatus.parts[2],
      ],
    };
    const text = answer('material_status', { line: 'Line2' }, output);
    expect(text).toMatch(/- GRM155R71C104KA88D: stock \S+ in the warehouse \+ 0 line-side on Line2 \(68,969 on Line1\)/);
  });

  it('leads a line’s status with what runs out first and when, in plant time', () => {
    const text = answer('material_status', { line: 'Line1' }, lineStatus);
    const first = text.split('\n')[0]!;
    expect(first).toContain('**First to run out on Line1: GRM155R71C104KA88D (MLCC 100 nF 16 V X7R 0402 (Murata))');
    expect(first).toContain('line-side at 02 Dec, 10:50 (in 1.2 h)');
    // The soonest first in the detail, then the covered part; the raw output never shows.
    expect(text.indexOf('- GRM155R71C104KA88D')).toBeLessThan(text.indexOf('- STM32H743ZIT6'));
    expect(text).toContain('next delivery ASN-4420 02 Dec, 16:00 (600 pcs, late)');
    expect(text).toContain('- TRAY-ESD-A4: stock 2,000 in the warehouse + 0 line-side on Line1; uses 10/h; covered');
    expect(text).not.toMatch(/[{}"]|T\d\d:\d\d/);
  });

  it('says it in German with decimal commas', () => {
    const text = answer('material_status', { line: 'Line1' }, lineStatus, 'de');
    expect(text.split('\n')[0]).toContain('Zuerst geht auf Line1 aus: GRM155R71C104KA88D');
    expect(text.split('\n')[0]).toContain('an der Linie um 02. Dez., 10:50 (in 1,2 h)');
    expect(text).toContain('Bestand 80.000 im Lager + 20.000 an der Linie');
  });

  it('answers one part with its own run-out, and a covered scope with “nothing runs out”', () => {
    const one = answer('material_status', { part: 'STM32H743ZIT6' }, { ...lineStatus, scope: 'part STM32H743ZIT6', parts: [lineStatus.parts[0]] });
    expect(one.split('\n')[0]).toBe('**STM32H743ZIT6 (MCU Arm Cortex-M7 480 MHz LQFP144 (ST)) runs out line-side on Line1 at 02 Dec, 11:10 (in 1.5 h).**');
    const covered = answer('material_status', { line: 'Line2' }, { ...lineStatus, parts: [lineStatus.parts[2]] });
    expect(covered.split('\n')[0]).toBe('**Nothing runs out for Line2: stock and announced deliveries cover the open orders.**');
    const order = answer('material_status', { order: 'PO-24117' }, { ...lineStatus, scope: 'order PO-24117 (CPU-1516)', parts: [lineStatus.parts[2]] }, 'de');
    expect(order.split('\n')[0]).toBe('**Für PO-24117 geht nichts aus: Bestand und angekündigte Lieferungen decken die offenen Aufträge.**');
  });

  it('answers a part asked for on a line with that line’s run-out, not the line that runs dry first', () => {
    const paste = {
      ...lineStatus.parts[0],
      partNumber: 'OM-338-PT-500G',
      description: 'Solder paste SAC305 type 4, 500 g jar (Alpha OM-338-PT)',
      stockLineSide: { Line1: 900, Line2: 700 },
      lineSideRunOutAt: { Line1: '2026-12-02T14:00:00.000Z', Line2: '2026-12-02T10:00:00.000Z' },
      plantRunOutAt: '2026-12-02T20:00:00.000Z',
    };
    const output = { ...lineStatus, scope: 'part OM-338-PT-500G', parts: [paste] };
    const write = (question: string) =>
      writeAnswer([{ tool: 'material_status', args: { part: 'OM-338-PT-500G' }, content: JSON.stringify(output) }], {
        language: 'de',
        timeZone: 'Europe/Berlin',
        question,
      }).split('\n')[0]!;
    expect(write('Wie lange reicht die Lötpaste auf Linie 1 noch?')).toContain('geht an der Linie Line1 um 02. Dez., 15:00 aus (in 5,3 h)');
    expect(write('Wie lange reicht die Lötpaste noch?')).toContain('an der Linie Line2 um 02. Dez., 11:00');
  });

  it('leads a disruption with the orders it starves, then the detail and the recommendation', () => {
    const text = answer('supply_disruption_impact', { supplier: 'Würth Elektronik eiSos', delayHours: 6 }, impact);
    expect(text.split('\n')[0]).toBe('**Starves PO-24117 (Line1, from 02 Dec, 13:00); 1 order late, 3.5 h late in total if nothing is done.**');
    expect(text).toContain('Assessed: next delivery from Würth Elektronik eiSos, 6 h late');
    expect(text).toContain('- PO-24117 (CPU-1516, Line1): short of 744043100 from 02 Dec, 13:00, slips 5 h, late for its due 02 Dec, 17:00');
    expect(text).toContain('- PO-24120 (PSU-24V10, Line2): waits behind a starved order, slips 1.5 h');
    expect(text).toContain('Recommended: Run PO-24118 first on Line1');
    const german = answer('supply_disruption_impact', {}, impact, 'de');
    expect(german.split('\n')[0]).toContain('Ohne Material bleiben PO-24117 (Line1, ab 02. Dez., 13:00)');
    expect(answer('supply_disruption_impact', {}, { ...impact, affectedOrders: [] }).split('\n')[0]).toBe('**No order starves: stock covers the gap.**');
  });

  it('leads a plan with the next run, warns of a late stop, names what the warehouse lacks and how to send a run', () => {
    const text = answer('plan_replenishment', {}, plan);
    expect(text.split('\n')[0]).toBe('**Next run: RUN-1 with TUG-01, departs 02 Dec, 09:50 (in 10 min) to L1-PNP1-S — 2 runs in all.**');
    expect(text).toContain('⚠ Arrives after the due time: RUN-1 → L1-PNP1-S.');
    expect(text).toContain(
      '- RUN-1 · TUG-01 (tugger) · 09:50–10:15 · 1,240.5 m · 8 units: L1 placer 1 feeders 09:58 ⚠ after its due time (GRM155R71C104KA88D 20,000)',
    );
    expect(text).toContain('The warehouse cannot supply: XC7Z010-1CLG400C for Line2 (90 pcs).');
    expect(text).toContain('say “send RUN-1”');
    const german = answer('plan_replenishment', { line: 'Line2' }, plan, 'de');
    expect(german).toContain('Nächste Fahrt: RUN-1 mit TUG-01');
    expect(german).toContain('„RUN-1 losschicken“');
    expect(answer('plan_replenishment', {}, { time: NOW, runs: [], unmet: [] }).split('\n')[0]).toContain('No run is needed now');
  });

  it('reports a transport only as the gate’s outcome', () => {
    const text = answer(
      'dispatch_transport',
      { vehicle: 'TUG-01', stops: [{ stationId: 'L1-PNP1-S', loads: [] }] },
      { approval: { summary: 'Approval requested; a supervisor decides.' } },
    );
    expect(text).toBe('**Transport TUG-01 → L1-PNP1-S** — Approval requested; a supervisor decides.');
  });
});

describe('whether stock lasts the shift', () => {
  // Wednesday 4 March 2026, 10:00 in Berlin: the early shift ends at 14:00.
  const status = (plantRunOutAt: string | null, lineSideRunOutAt: Record<string, string | null>) => ({
    time: '2026-03-04T09:00:00.000Z',
    scope: 'part STM32H743ZIT6',
    parts: [
      {
        partNumber: 'STM32H743ZIT6',
        description: 'MCU',
        stockWarehouse: 0,
        stockLineSide: { Line2: 247 },
        demandPerHour: 172,
        lineSideRunOutAt,
        plantRunOutAt,
        nextDelivery: null,
        alternates: [],
        minFloorLifeH: null,
      },
    ],
  });

  it('answers yes or no against the end of the shift, naming the line that runs dry', async () => {
    const { materialAnswer } = await import('./material-answers');
    const options = { language: 'de' as const, timeZone: 'Europe/Berlin', question: 'Reichen die STM32 bis Schichtende?' };
    const short = materialAnswer(
      'material_status',
      { part: 'STM32H743ZIT6' },
      status('2026-03-04T11:00:00.000Z', { Line2: '2026-03-04T10:30:00.000Z' }),
      options,
    )!;
    expect(short).toMatch(/^\*\*Nein — geht vor Schichtende \(04\. März, 14:00\) aus\. .* an der Linie Line2 um/);
    const enough = materialAnswer(
      'material_status',
      { part: 'STM32H743ZIT6' },
      status('2026-03-04T20:00:00.000Z', { Line2: '2026-03-04T19:00:00.000Z' }),
      options,
    )!;
    expect(enough).toMatch(/^\*\*Ja — reicht über das Schichtende \(04\. März, 14:00\) hinaus\./);
    // Asked plainly, no yes or no.
    expect(materialAnswer('material_status', { part: 'STM32H743ZIT6' }, status(null, {}), { ...options, question: 'STM32 Bestand' })).not.toMatch(
      /Ja —|Nein —/,
    );
  });
});
