import { describe, expect, it } from 'vitest';
import type { Defect } from '../engine/defect-types';
import type { InspectionJob } from './job-types';
import { summarizeInspections } from './inspection-summary';

function defect(type: Defect['type'], name: Defect['name']): Defect {
  return { x1: 0, y1: 0, x2: 10, y2: 10, type, name, confidence: 0.9 };
}

function job(id: string, finishedAt: string, defects: Defect[], state: InspectionJob['state'] = 'done'): InspectionJob {
  const at = new Date(finishedAt);
  return {
    id,
    lineId: 'L1-AOI',
    lotId: '42',
    boardSerial: id,
    templateRef: `42/${id}_temp.png`,
    testRef: `42/${id}_test.png`,
    state,
    attempts: 1,
    maxAttempts: 5,
    nextAttemptAt: at,
    createdAt: at,
    updatedAt: at,
    finishedAt: state === 'done' ? at : undefined,
    result: state === 'done' ? { defects, widthPx: 640, heightPx: 640, durationMs: 5 } : undefined,
  };
}

describe('summarizeInspections', () => {
  it('gives yield, a Pareto by class, an hourly trend and the worst boards', () => {
    const summary = summarizeInspections([
      job('B1', '2025-03-01T08:10:00Z', []),
      job('B2', '2025-03-01T08:20:00Z', [defect(2, 'short'), defect(2, 'short'), defect(1, 'open')]),
      job('B3', '2025-03-01T09:05:00Z', [defect(2, 'short')]),
      job('B4', '2025-03-01T09:15:00Z', []),
      job('B5', '2025-03-01T09:15:00Z', [], 'queued'),
      job('B6', '2025-03-01T09:15:00Z', [], 'failed'),
    ]);
    expect(summary).toMatchObject({ boardsInspected: 4, defectiveBoards: 2, yieldPct: 50, defectCount: 4, queued: 1, failed: 1, running: 0 });
    expect(summary.pareto).toEqual([
      { type: 2, name: 'short', count: 3, sharePct: 75, cumulativePct: 75 },
      { type: 1, name: 'open', count: 1, sharePct: 25, cumulativePct: 100 },
    ]);
    expect(summary.trend).toEqual([
      { hourStart: '2025-03-01T08:00:00.000Z', boards: 2, defectiveBoards: 1, yieldPct: 50 },
      { hourStart: '2025-03-01T09:00:00.000Z', boards: 2, defectiveBoards: 1, yieldPct: 50 },
    ]);
    expect(summary.worstBoards.map((b) => b.jobId)).toEqual(['B2', 'B3']);
    expect(summary.worstBoards[0]).toMatchObject({ href: '/inspection/B2', imageHref: '/api/inspection/images/42/B2_test.png', classes: ['short', 'open'] });
  });

  it('says there is no yield when nothing was inspected', () => {
    expect(summarizeInspections([]).yieldPct).toBeNull();
  });
});
