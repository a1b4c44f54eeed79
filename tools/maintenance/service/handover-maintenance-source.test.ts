import { describe, expect, it } from 'vitest';
import type { RankedForecast } from './forecast-service';
import { maintenanceHandoverSource } from './handover-maintenance-source';

const COMPUTED = '2026-03-04T12:00:00Z'; // 13:00 in Fürth
const forecast = (assetId: string, rulHours: number | null, lowerHours: number | null, upperHours: number | null): RankedForecast => ({
  assetId,
  computedAt: COMPUTED,
  status: rulHours === null ? 'insufficient_history' : 'ok',
  rulHours,
  lowerHours,
  upperHours,
  topSignals: [{ signal: 'SpindleVibrationMmS', contributionHours: -12 }],
  modelVersion: 'gbt-1',
  cyclesObserved: 40,
  detail: null,
  riskRank: 1,
});

describe('maintenance for the handover', () => {
  it('lists the assets that may be due before the next shift ends, with the due window in plant time', async () => {
    const source = maintenanceHandoverSource(
      { latest: async () => [forecast('L1-PNP2', 10, 6, 14), forecast('L2-RFL', 60, 40, 80), forecast('CHILLER', null, null, null)] },
      'Europe/Berlin',
    );
    // The next shift: 14:00–22:00 plant time.
    const risks = await source.risksFor({ from: new Date('2026-03-04T13:00:00Z'), to: new Date('2026-03-04T21:00:00Z') });
    expect(risks.map((risk) => risk.assetId)).toEqual(['L1-PNP2']);
    const [risk] = risks;
    expect(risk!.due).toMatchObject({ from: '2026-03-04T18:00:00.000Z', mostLikely: '2026-03-04T22:00:00.000Z', to: '2026-03-05T02:00:00.000Z' });
    expect(risk!.due!.text).toMatch(/^due between .*19:00.* and .*03:00.*, most likely .*23:00.* \(plant time\)$/);
    expect(risk!.text).toContain('SpindleVibrationMmS');
    expect(risk!.source).toMatchObject({ kind: 'forecast', href: '/maintenance?asset=L1-PNP2' });
  });
});
