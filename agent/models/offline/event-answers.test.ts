import { describe, expect, it } from 'vitest';
import { writeAnswer } from './answer-writer';
import { alarmsAnswer, inspectionResultsAnswer } from './event-answers';

const en = { language: 'en' as const, timeZone: 'Europe/Berlin' };
const de = { language: 'de' as const, timeZone: 'Europe/Berlin' };

const event = (time: string, assetId: string, code: string, text: string, priority: number, state: string) => ({
  id: `${assetId}-${time}`,
  time,
  assetId,
  line: 'Line2',
  code,
  text,
  message: text,
  priority,
  state,
  source: { kind: 'alarm', title: text },
});

const beforeStop = {
  window: { from: '2026-03-04T08:36:00Z', to: '2026-03-04T08:46:00Z' },
  stop: { assetId: 'L2-PNP1', state: 'Stopped', time: '2026-03-04T08:46:00Z', message: 'L2-PNP1 Clearing → Stopped' },
  events: [
    event('2026-03-04T08:37:00Z', 'L2-PCK', 'E-711', 'ESD tray stock low', 4, 'active'),
    {
      ...event('2026-03-04T08:44:00Z', 'L2-PNP1', 'E-302', 'Feeder reel empty', 2, 'active'),
      advice: { causes: [], operatorAction: 'Splice a new reel.', stopsMachine: true },
    },
    event('2026-03-04T08:45:00Z', 'L2-PNP1', 'E-301', 'Feeder reel low', 1, 'cleared'),
  ],
  activeNow: [],
  truncated: false,
};

describe('alarms answer', () => {
  it('over a history, counts how often each alarm was raised and how many of those stop the machine', () => {
    const stops = { advice: { causes: [], operatorAction: 'Clear the jam.', stopsMachine: true } };
    const history = {
      window: { from: '2026-03-02T23:00:00Z', to: '2026-03-04T09:00:00Z' },
      events: [
        { ...event('2026-03-03T08:00:00Z', 'L2-PCK', 'E-712', 'ESD tray magazine empty', 2, 'active'), ...stops },
        event('2026-03-03T08:20:00Z', 'L2-PCK', 'E-712', 'ESD tray magazine empty', 2, 'cleared'),
        event('2026-03-03T09:00:00Z', 'L2-PCK', 'E-711', 'ESD tray stock low', 4, 'active'),
        { ...event('2026-03-04T07:00:00Z', 'L2-PCK', 'E-712', 'ESD tray magazine empty', 2, 'active'), ...stops },
      ],
      activeNow: [],
      truncated: false,
    };
    expect(alarmsAnswer(history, en).lead[0]).toBe('Raised 3× (E-712 ESD tray magazine empty ×2, E-711 ESD tray stock low ×1); 2 of them stop the machine.');
    expect(alarmsAnswer(history, de).lead[0]).toBe('3× ausgelöst (E-712 ESD tray magazine empty ×2, E-711 ESD tray stock low ×1); davon 2 mit Maschinenstopp.');
  });

  it('before a stop leads with the stop and the most severe alarm raised before it, with what to do', () => {
    const { lead, body } = alarmsAnswer(beforeStop, en);
    expect(lead[0]).toContain('L2-PNP1 stopped at 04 Mar, 09:46');
    // The P1 event is a clearing, which explains nothing; the P2 raised at 09:44 does.
    expect(lead[1]).toContain('E-302 Feeder reel empty');
    expect(lead[1]).toContain('09:44');
    expect(lead[2]).toContain('Splice a new reel.');
    expect(body[0]!.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(3);
    expect(body.at(-1)).toBe('No alarm is active now.');
  });

  it('says when no alarm came before the stop, in German too', () => {
    const { lead } = alarmsAnswer({ ...beforeStop, events: [] }, de);
    expect(lead[0]).toContain('ist um 04. März, 09:46 stehen geblieben');
    expect(lead[1]).toContain('In den 10 Minuten davor');
  });

  it('over a window counts every event and lists the most recent, never silently dropping the rest', () => {
    const events = Array.from({ length: 15 }, (_, i) =>
      event(new Date(Date.parse('2026-03-04T06:00:00Z') + i * 60_000).toISOString(), 'L1-PNP1', 'E-301', 'Feeder reel low', 4, 'active'),
    );
    const { lead, body } = alarmsAnswer({ window: { from: '2026-03-04T05:00:00Z', to: '2026-03-04T07:00:00Z' }, events, activeNow: [], truncated: false }, en);
    expect(lead.join('\n')).toMatch(/^15 alarm events 04 Mar, 06:00 – 08:00/m);
    expect(body[0]).toContain('…and 3 earlier events');
    expect(body[0]).toContain('07:14');
  });
});

describe('a window open at one end', () => {
  it('reads "since …", not "… – —"', () => {
    const { lead } = alarmsAnswer({ window: { from: '2026-03-04T05:00:00Z' }, events: [], activeNow: [], truncated: false }, de);
    expect(lead[0]).toBe('Keine Alarmereignisse seit 04. März, 06:00.');
  });
});

describe('inspection results answer', () => {
  const summary = {
    boardsInspected: 40,
    defectiveBoards: 3,
    yieldPct: 92.5,
    defectCount: 5,
    pareto: [
      { type: 1, name: 'open', count: 3, sharePct: 60, cumulativePct: 60 },
      { type: 2, name: 'short', count: 2, sharePct: 40, cumulativePct: 100 },
    ],
    trend: [],
    worstBoards: [{ jobId: 'j1', lotId: 'PO-24117', boardSerial: 'B-0007', defectCount: 2, classes: ['open', 'short'], href: '/inspection/j1', imageHref: '' }],
    queued: 0,
    running: 1,
    failed: 0,
    filter: { aoiMachineId: 'L1-AOI', from: '2026-03-04T05:00:00Z', to: '2026-03-04T09:00:00Z' },
  };

  it('leads with the first-pass yield and its counts', () => {
    const { lead, body } = inspectionResultsAnswer(summary, en);
    expect(lead[0]).toBe('**First-pass yield 92.5 %** on L1-AOI (04 Mar, 06:00 – 10:00): 37 of 40 boards without a defect; 3 defective boards, 5 defects.');
    expect(lead[1]).toBe('Inspections: 1 running.');
    expect(body[0]).toBe('Defects by type: open 3 (60 %), short 2 (40 %).');
    expect(body[1]).toContain('B-0007');
  });

  it('in German with decimal commas and German defect names', () => {
    const { lead, body } = inspectionResultsAnswer(summary, de);
    expect(lead[0]).toContain('Erstdurchlaufquote 92,5 %');
    expect(body[0]).toContain('Unterbrechung (open) 3');
  });

  it('says there is no yield when nothing was inspected', () => {
    const { lead } = inspectionResultsAnswer(
      { ...summary, boardsInspected: 0, defectiveBoards: 0, yieldPct: null, defectCount: 0, pareto: [], worstBoards: [], running: 0 },
      en,
    );
    expect(lead).toEqual(['No boards were inspected on L1-AOI (04 Mar, 06:00 – 10:00), so there is no first-pass yield yet.']);
  });
});

describe('an inspection just run', () => {
  it('says what was inspected where, then the yield and the defects, in German when asked in German', async () => {
    const { writeAnswer } = await import('./answer-writer');
    const job = (serial: string, defects: number) => ({
      state: 'done',
      jobId: `aoi-PO-24118-${serial}`,
      lotId: 'PO-24118',
      boardSerial: serial,
      aoiMachineId: 'L1-AOI',
      defectCount: defects,
      href: `/inspection/aoi-PO-24118-${serial}`,
    });
    const output = {
      lotId: 'PO-24118',
      aoiMachineId: 'L1-AOI',
      backend: 'cpu',
      complete: true,
      notes: [],
      jobs: [job('B0001', 0), job('B0002', 2)],
      summary: {
        boardsInspected: 2,
        defectiveBoards: 1,
        yieldPct: 50,
        defectCount: 2,
        pareto: [{ name: 'short', count: 2, sharePct: 100 }],
        worstBoards: [],
        queued: 0,
        running: 0,
        failed: 0,
      },
      trend: [],
    };
    const text = writeAnswer([{ tool: 'trigger_inspection', args: { lot: 'PO-24118' }, content: JSON.stringify(output) }], {
      language: 'de',
      question: 'prüf 2 Boards von PO-24118',
    });
    expect(text).toMatch(/2 Baugruppen von PO-24118 an L1-AOI inspiziert\./);
    expect(text).toMatch(/Erstdurchlaufquote 50 %\*\* an L1-AOI, Los PO-24118: 1 von 2 Baugruppen ohne Fehler/);
    expect(text).not.toMatch(/Backend/);
  });
});

describe('alarm events asked for as "still open"', () => {
  it('read "raised" unless the live values say they are still active', () => {
    const output = {
      window: { from: '2026-12-02T09:00:00Z', to: '2026-12-02T10:00:00Z' },
      events: [
        { time: '2026-12-02T09:10:00Z', assetId: 'L2-PCK', code: 'E-711', text: 'ESD tray stock low', priority: 4, state: 'active' },
        { time: '2026-12-02T09:20:00Z', assetId: 'L2-PCK', code: 'E-712', text: 'ESD tray magazine empty', priority: 2, state: 'active' },
      ],
      activeNow: [{ assetId: 'L2-PCK', code: 'E-712', text: 'ESD tray magazine empty', priority: 2 }],
    };
    const answer = writeAnswer([{ tool: 'alarms', args: { state: 'active', line: 'Line2' }, content: JSON.stringify(output) }]);
    expect(answer).toMatch(/E-711 ESD tray stock low \(P4, raised\)/);
    expect(answer).toMatch(/E-712 ESD tray magazine empty \(P2, raised, still active\)/);
  });
});
