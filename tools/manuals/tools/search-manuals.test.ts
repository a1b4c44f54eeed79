import { describe, expect, it } from 'vitest';
import type { KnowledgeBase, SearchResult } from '@/knowledge/knowledge-base';
import { searchManualsTool } from './search-manuals';

const hit: SearchResult = {
  id: '7',
  docId: 'reflow-oven-manual.pdf',
  ordinal: 9,
  sectionPath: ['5 Alarms', 'E-214 Zone 4 over-temperature'],
  anchor: 'e-214-zone-4-over-temperature',
  pageFrom: 3,
  pageTo: 3,
  headingText: '',
  body: 'Raised when zone 4 is 10 °C above setpoint.',
  assets: [],
  tags: [],
  alarmCodes: ['E-214'],
  title: 'Reflow Oven Manual',
  docType: 'manual',
  version: 'C',
  score: 0.05,
  ranks: { fulltext: 1 },
  snippet: 'Raised when zone 4 …',
};

describe('search_manuals', () => {
  it('returns numbered passages whose sources open the passage in the document view', async () => {
    const calls: unknown[] = [];
    const kb = { search: async (query: string, options: unknown) => (calls.push([query, options]), [hit]) } as unknown as KnowledgeBase;
    const tool = searchManualsTool(kb);
    expect(tool).toMatchObject({ name: 'search_manuals', effect: 'read' });
    const input = tool.input.parse({ query: 'alarm E-214', asset: 'L1-RFL' });
    const output = tool.output.parse(await tool.run(input, { actor: { kind: 'cli', id: 'u', name: 'u', role: 'operator' } }));
    expect(calls).toEqual([['alarm E-214', { k: 5, asset: 'L1-RFL' }]]);
    expect(output.passages[0]).toMatchObject({
      number: 1,
      section: '5 Alarms > E-214 Zone 4 over-temperature',
      page: 3,
      source: {
        kind: 'manual',
        href: '/manuals/reflow-oven-manual.pdf#chunk-9',
        title: 'Reflow Oven Manual (Rev C) — 5 Alarms > E-214 Zone 4 over-temperature, p. 3',
      },
    });
  });

  it('rejects an empty query and an out-of-range k', () => {
    const tool = searchManualsTool({} as KnowledgeBase);
    expect(tool.input.safeParse({ query: ' ' }).success).toBe(false);
    expect(tool.input.safeParse({ query: 'oven', k: 100 }).success).toBe(false);
  });
});
