import { describe, expect, it } from 'vitest';
import { label, writeAnswer } from './answer-writer';

describe('the offline model’s answers', () => {
  it('names fields as people read them', () => {
    expect(label('rulHours')).toBe('RUL hours');
    expect(label('sourceTimestamp')).toBe('Source timestamp');
    expect(label('assetId')).toBe('Asset id');
    expect(label('speed_pct')).toBe('Speed %');
    expect(label('state')).toBe('State');
  });

  it('writes a forecast table with readable headers and every value from the tool result', () => {
    const output = {
      assets: [
        { assetId: 'L1-PNP2', component: 'Placement spindle', riskRank: 1, rulHours: 22.09, lowerHours: 21.07 },
        { assetId: 'UT-CHL', component: 'Circulation pump', riskRank: 8, rulHours: 82.2, lowerHours: 79 },
      ],
      sources: [],
    };
    const answer = writeAnswer([{ tool: 'maintenance_forecast', args: {}, content: JSON.stringify(output) }]);
    expect(answer).toContain('| Asset id | Component | Risk rank | RUL hours | Lower hours |');
    expect(answer).toContain('| L1-PNP2 | Placement spindle | 1 | 22.09 | 21.07 |');
    expect(answer).toContain('**Assets**');
  });
});
