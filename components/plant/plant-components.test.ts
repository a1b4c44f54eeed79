import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { TagHistoryOutput } from '../../tools/plant/tools/tag-history';
import type { BoardMachine, BoardValue } from './board-data';
import { MachineCard } from './machine-card';
import { PlantBoard } from './plant-board';
import { trendSeries } from './trend-series';

const good = (value: BoardValue['value'], unit: string | null = null): BoardValue => ({
  value,
  unit,
  sourceTimestamp: '2025-03-03T06:00:00.000Z',
  quality: 'good',
  status: 'Good',
});

const base: TagHistoryOutput = {
  assetId: 'L1-RFL',
  tagId: 'Zone4.TemperatureC',
  unit: '°C',
  from: '2025-03-03T06:00:00.000Z',
  to: '2025-03-03T07:00:00.000Z',
  resolution: 'raw',
  truncated: false,
  qualityCounts: { good: 2, uncertain: 0, bad: 1 },
  current: { value: 241, unit: '°C', sourceTimestamp: '2025-03-03T07:00:00.000Z', quality: 'good', current: true },
  note: '',
  sources: [],
};

describe('trend series', () => {
  it('keeps raw samples as a step line that holds until the end of the window, and leaves the bad sample out', () => {
    const history = {
      ...base,
      points: [
        { time: '2025-03-03T06:10:00.000Z', value: 238, text: null, quality: 'good' as const },
        { time: '2025-03-03T06:20:00.000Z', value: null, text: null, quality: 'bad' as const },
        { time: '2025-03-03T06:30:00.000Z', value: 242, text: null, quality: 'good' as const },
      ],
    };
    const series = trendSeries(history);
    expect(series.stepped).toBe(true);
    expect(series.label).toBe('Zone4.TemperatureC [°C]');
    expect(series.values).toEqual([238, 242, 242]);
    expect(series.timesS.at(-1)).toBe(Date.parse(base.to) / 1000);
    expect(series.flagged).toEqual([{ timeS: Date.parse('2025-03-03T06:20:00.000Z') / 1000, quality: 'bad' }]);
  });

  it('turns buckets into an average line inside a min–max band', () => {
    const history = {
      ...base,
      resolution: { bucketSeconds: 600 },
      buckets: [0, 1, 2].map((index) => ({
        start: new Date(Date.parse(base.from) + index * 600_000).toISOString(),
        min: 230 + index,
        max: 245 + index,
        avg: 238 + index,
        last: 239,
        count: 60,
        badCount: index === 1 ? 2 : 0,
      })),
    };
    const series = trendSeries(history);
    expect(series.stepped).toBe(false);
    expect(series.values).toEqual([238, 239, 240]);
    expect(series.min).toEqual([230, 231, 232]);
    expect(series.max).toEqual([245, 246, 247]);
    expect(series.timesS[0]).toBe(Date.parse(base.from) / 1000 + 300);
    expect(series.flagged).toHaveLength(1);
  });
});

describe('MachineCard', () => {
  const machine: BoardMachine = {
    id: 'L2-RFL',
    name: 'Reflow oven L2',
    line: 'Line2',
    values: {
      State: good('Aborted'),
      SpeedPct: good(100, '%'),
      ActiveAlarmCount: good(1),
      ActiveAlarms: good('E-260'),
      GoodCount: good(12),
      ScrapCount: good(0),
    },
  };

  it('shows state, alarms and counts of a machine with good data', () => {
    const html = renderToStaticMarkup(createElement(MachineCard, { machine, selected: false, live: true, onSelect: () => undefined }));
    expect(html).toContain('data-quality="good"');
    expect(html).toContain('Aborted');
    expect(html).toContain('1 alarm: E-260');
    expect(html).not.toContain('last known values');
  });

  it('marks stale and bad data as last known, never as current', () => {
    const stale = {
      ...machine,
      values: { ...machine.values, State: { ...good('Execute'), quality: 'uncertain' as const, status: 'UncertainLastUsableValue' } },
    };
    expect(renderToStaticMarkup(createElement(MachineCard, { machine: stale, selected: false, live: true, onSelect: () => undefined }))).toContain(
      'STALE — last known values',
    );
    const bad = { ...machine, values: { ...machine.values, SpeedPct: { ...good(100, '%'), quality: 'bad' as const, status: 'BadNotConnected' } } };
    expect(renderToStaticMarkup(createElement(MachineCard, { machine: bad, selected: false, live: true, onSelect: () => undefined }))).toContain(
      'BAD DATA — last known values',
    );
    expect(renderToStaticMarkup(createElement(MachineCard, { machine, selected: false, live: false, onSelect: () => undefined }))).toContain(
      'Live feed lost — last known values',
    );
  });
});

describe('PlantBoard', () => {
  it('renders machines grouped by line (with the plant’s name for it), the alarm list and the trend panel before the live feed connects', () => {
    const machines: BoardMachine[] = [
      { id: 'L1-PRN', name: 'Stencil printer L1', line: 'Line1', lineName: 'SMT Line 1', values: { State: good('Execute') } },
      { id: 'L2-RFL', name: 'Reflow oven L2', line: 'Line2', values: { State: good('Aborted') } },
      { id: 'UT-AIR', name: 'Compressed air station', line: 'Utilities', lineName: 'Utilities', values: { State: good('Execute') } },
    ];
    const html = renderToStaticMarkup(
      createElement(PlantBoard, {
        initial: { connection: 'connected', at: '2025-03-03T06:00:00.000Z', machines },
        assets: machines.map((machine) => ({ id: machine.id, name: machine.name, line: machine.line, tags: [{ id: 'PowerKw', unit: 'kW' }] })),
        initialAsset: 'L2-RFL',
      }),
    );
    expect(html).toContain('Connecting to the live feed');
    // The trend comes first (within the first screen), then the machines by line.
    const headings = html.match(/<h2>[^<]*<\/h2>/g) ?? [];
    expect(headings[0]).toBe('<h2>Trend</h2>');
    expect(headings.filter((h) => !/Trend|Alarms/.test(h)).slice(0, 3)).toEqual(['<h2>SMT Line 1 (Line1)</h2>', '<h2>Line2</h2>', '<h2>Utilities</h2>']);
    expect(html).toMatch(/data-machine-id="L2-RFL"[^>]*aria-pressed="true"|aria-pressed="true"[^>]*data-machine-id="L2-RFL"/);
    expect(html).toContain('id="alarms"');
    expect(html).toContain('Alarms — L2-RFL');
    expect(html).toContain('PowerKw [kW]');
  });
});
