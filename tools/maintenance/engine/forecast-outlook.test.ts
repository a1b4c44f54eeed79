import { describe, expect, it } from 'vitest';
import type { AssetForecast } from './asset-forecast';
import { changeReason, dueWindow, forecastChange, MAX_STEP_HOURS, smoothForecast } from './forecast-outlook';

const forecast = (over: Partial<AssetForecast>): AssetForecast => ({
  assetId: 'L2-RFL',
  computedAt: '2026-12-02T10:00:00.000Z',
  status: 'ok',
  rulHours: 60,
  lowerHours: 50,
  upperHours: 70,
  topSignals: [],
  modelVersion: 'm1',
  cyclesObserved: 100,
  detail: null,
  ...over,
});

describe('forecast outlook', () => {
  it('gives remaining life as a calendar window in plant time', () => {
    // Wed 02 Dec 11:00 Berlin + 36 h / 44 h / 56 h.
    const due = dueWindow(forecast({ rulHours: 44, lowerHours: 36, upperHours: 56 }), 'Europe/Berlin')!;
    expect(due.text).toBe('due between Thu 23:00 and Fri 19:00, most likely Fri 07:00 (plant time)');
    expect(due.mostLikely).toBe('2026-12-04T06:00:00.000Z');
    expect(dueWindow(forecast({ status: 'insufficient_history', rulHours: null }), 'Europe/Berlin')).toBeNull();
  });

  it('keeps noise from moving the due date by a day, but follows maintenance and a new model at once', () => {
    const previous = forecast({});
    // 30 minutes later the raw model says 86 h: noise, not 26 h more life.
    const noisy = smoothForecast(
      forecast({ computedAt: '2026-12-02T10:30:00.000Z', rulHours: 86, lowerHours: 76, upperHours: 96, cyclesObserved: 100 }),
      previous,
    );
    expect(noisy.rulHours! - (60 - 0.5)).toBeLessThanOrEqual(MAX_STEP_HOURS);
    expect(noisy.rulHours).toBeGreaterThan(59.5);
    expect(noisy.lowerHours!).toBeLessThanOrEqual(noisy.rulHours!);
    const replaced = forecast({ computedAt: '2026-12-02T10:30:00.000Z', rulHours: 900, lowerHours: 800, upperHours: 1000, cyclesObserved: 3 });
    expect(smoothForecast(replaced, previous).rulHours).toBe(900);
    expect(changeReason(previous, replaced)).toBe('maintenance done');
    expect(changeReason(previous, { modelVersion: 'm2', cyclesObserved: 101 })).toBe('model retrained');
    expect(changeReason(undefined, previous)).toBe('first forecast');
  });

  it('says how the forecast moved since the last one, and why', () => {
    const change = forecastChange(forecast({ computedAt: '2026-12-02T10:30:00.000Z', rulHours: 62 }), forecast({}), 'Europe/Berlin')!;
    expect(change).toMatchObject({ changeHours: 2.5, reason: 'new data' });
    expect(change.text).toBe('Since the forecast of 02 Dec, 11:00: later by 2.5 h (new data).');
  });
});
