import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_LINES } from '../../tools/handover/service/gather';
import { buildReport } from '../../tools/handover/engine/report';
import { deterministicSummary } from '../../tools/handover/engine/summary';
import { HandoverReportView } from './handover-report';

const window = { from: '2025-01-15T05:00:00.000Z', to: '2025-01-15T13:00:00.000Z', shift: 'early', shiftLabel: 'Early shift', timeZone: 'Europe/Berlin' };

describe('handover report view', () => {
  it('numbers every citation and links each number to a source that opens its target', () => {
    const report = buildReport(
      {
        plant: { id: 'NW-FUE', name: 'Plant' },
        window,
        lines: CATALOGUE_LINES,
        counters: [],
        segments: [],
        plans: [],
        idealCycleTimeS: {},
        stateTimes: [],
        downtime: [],
        alarms: [
          {
            assetId: 'L1-PNP2',
            code: 'E-311',
            priority: 1,
            message: 'Placement spindle overload',
            raisedAt: '2025-01-15T12:50:00.000Z',
            raisedEventId: '42',
            carriedOver: false,
            clearedAt: null,
            clearedEventId: null,
            acknowledgedAt: null,
          },
        ],
        approvals: [],
        audit: [],
        inspection: null,
        maintenance: null,
        notes: [],
        holdEvents: [],
        eventsInWindow: 1,
      },
      new Date('2025-01-15T13:01:00Z'),
    );
    const html = renderToStaticMarkup(createElement(HandoverReportView, { report, summary: deterministicSummary(report) }));
    expect(html).toContain('ACTIVE at the end of the window');
    const markers = [...html.matchAll(/href="#source-(\d+)"/g)].map((m) => Number(m[1]));
    const sources = [...html.matchAll(/id="source-(\d+)"/g)].map((m) => Number(m[1]));
    expect(markers.length).toBeGreaterThan(0);
    for (const n of markers) expect(sources).toContain(n);
    expect(html).toContain('href="/handovers/events/42"');
  });
});
