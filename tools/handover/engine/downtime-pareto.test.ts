import { describe, expect, it } from 'vitest';
import { downtimePareto } from './downtime-pareto';
import type { DowntimeInterval } from './report-types';

function stop(assetId: string, minutes: number, cause?: { code: string; message: string }): DowntimeInterval {
  return {
    assetId,
    lineId: 'Line1',
    from: '2026-12-02T06:00:00Z',
    to: '2026-12-02T07:00:00Z',
    durationMs: minutes * 60_000,
    stopState: 'Held',
    stopEventId: null,
    restartEventId: null,
    stillDown: false,
    cause: cause ? { ...cause, priority: 2, eventId: 'e1' } : null,
  };
}

describe('downtime Pareto', () => {
  it('adds stop minutes per cause, largest first, with the cumulative share', () => {
    const pareto = downtimePareto([
      stop('L1-PNP1', 10, { code: 'E-101', message: 'Feeder empty' }),
      stop('L1-PNP2', 30, { code: 'E-202', message: 'Nozzle blocked' }),
      stop('L1-PNP1', 15, { code: 'E-101', message: 'Feeder empty' }),
      stop('L1-RFL', 5),
    ]);
    expect(pareto.map((entry) => [entry.cause, entry.minutes, entry.stops])).toEqual([
      ['E-202', 30, 1],
      ['E-101', 25, 2],
      ['Held', 5, 1],
    ]);
    expect(pareto.map((entry) => entry.cumulativePct)).toEqual([50, 91.7, 100]);
    expect(pareto[2]!.label).toBe('Held, no alarm recorded');
  });

  it('is empty for a shift without stops', () => {
    expect(downtimePareto([])).toEqual([]);
  });
});
