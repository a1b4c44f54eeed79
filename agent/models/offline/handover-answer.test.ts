/** The handover answer narrowed to a line ("nur Linie 2"): that line's figures, alarms and stops, not the others'. */
import { describe, expect, it } from 'vitest';
import { writeAnswer } from './answer-writer';

const kpi = (lineId: string, goodUnits: number, plannedUnits: number) => ({
  lineId,
  goodUnits,
  scrapUnits: 5,
  plannedUnits,
  outputVsPlanPct: (goodUnits / plannedUnits) * 100,
  availabilityPct: 92.5,
  performancePct: 100,
  qualityPct: 99,
  oeePct: 91.6,
  downtimeMin: 16,
});
const statements = (...texts: string[]) => texts.map((text) => ({ text, citations: [], tone: 'info' }));
const report = {
  version: 1,
  plant: { id: 'p', name: 'Plant' },
  window: { from: '2026-03-04T05:00:00Z', to: '2026-03-04T09:00:00Z', shiftLabel: 'Early shift, 2026-03-04 (so far)' },
  generatedAt: '2026-03-04T09:00:00Z',
  kpis: { lines: [kpi('Line1', 541, 495), kpi('Line2', 480, 433)], alarmsP12: 2, alarmsStillActive: 0, actionsExecuted: 0, eventsInWindow: 9 },
  sections: [
    { id: 'production', title: 'Production', statements: statements('SMT Line 1: 541 good boards.', 'SMT Line 2: 480 good boards.') },
    {
      id: 'alarms',
      title: 'Alarms',
      statements: statements('Priority 2 E-302 on L1-PNP2: Feeder reel empty.', 'Priority 2 E-712 on L2-PCK: ESD tray magazine empty.'),
    },
    {
      id: 'downtime',
      title: 'Downtime',
      statements: statements('L2-PCK stopped (Aborted) 23:59 to 00:14: 15 min.', 'L1-PNP2 stopped (Aborted) 22:46 to 22:52: 5.7 min.'),
    },
    { id: 'open_items', title: 'Open items', statements: statements('Delivery ASN-4535 is 4.2 h late.') },
  ],
};
const assetLines = { 'L1-PNP2': 'Line1', 'L2-PCK': 'Line2' };
const answer = (args: Record<string, unknown>, language: 'en' | 'de' = 'en', question = '') =>
  writeAnswer([{ tool: 'generate_shift_handover', args, content: JSON.stringify({ report, sources: [] }) }], { language, assetLines, question });

describe('a handover for one line', () => {
  it.each(['en', 'de'] as const)('shows that line’s figures and alarms only (%s)', (language) => {
    const text = answer({ shift: 'current', line: 'Line2' }, language);
    expect(text).toMatch(/Line2: 480/);
    expect(text).not.toMatch(/Line1: 541|SMT Line 1/);
    expect(text).toContain('L2-PCK');
    expect(text).not.toContain('L1-PNP2');
    expect(text).toContain('ASN-4535');
    expect(text).toMatch(language === 'de' ? /Hier nur Line2/ : /Only Line2 is shown/);
  });

  it('the whole plant without a line', () => {
    const text = answer({ shift: 'current' });
    expect(text).toContain('SMT Line 1: 541');
    expect(text).toContain('L1-PNP2');
    expect(text).toContain('L2-PCK');
  });
});

describe('a handover asked for its stops', () => {
  it.each([
    ['was waren die größten Stillstände', 'de', 'Stillstände, die längsten zuerst'],
    ['where did we lose the most time yesterday', 'en', 'Stops, longest first'],
  ] as const)('"%s" leads with the stops, longest first', (question, language, heading) => {
    const text = answer({ shift: 'previous' }, language, question);
    expect(text.indexOf(heading)).toBeGreaterThan(-1);
    expect(text.indexOf(heading)).toBeLessThan(text.indexOf('Line1: 541') === -1 ? text.indexOf('541') : text.indexOf('Line1: 541'));
    expect(text.indexOf('L2-PCK stopped')).toBeLessThan(text.indexOf('L1-PNP2 stopped'));
  });

  it('a plain handover keeps the stops in their section', () => {
    expect(answer({ shift: 'previous' }, 'en', 'handover please')).not.toContain('Stops, longest first');
  });
});
