import { describe, expect, it } from 'vitest';
import { writeAnswer } from './answer-writer';

const order = (id: string, status: string, windowFrom: string) => ({
  id,
  assetId: 'UT-CHL',
  task: 'Check bearing',
  windowFrom,
  windowTo: new Date(Date.parse(windowFrom) + 2 * 3_600_000).toISOString(),
  parts: [{ partNumber: 'CPK-0120', quantity: 1 }],
  status,
  createdBy: { kind: 'user', id: 'u-sam', name: 'Sam Keller' },
  approvalId: null,
  createdAt: '2026-03-04T08:00:00.000Z',
});
const answer = (args: Record<string, unknown>, workOrders: unknown[], language: 'en' | 'de' = 'en', question = 'work orders') =>
  writeAnswer([{ tool: 'list_work_orders', args, content: JSON.stringify({ workOrders, sources: [] }) }], { language, question });

describe('work order answers', () => {
  it('lists orders with window in plant time, status, who asked and the parts, counting the open ones', () => {
    const text = answer({ asset: 'UT-CHL' }, [order('WO-00002', 'planned', '2026-03-07T07:00:00.000Z'), order('WO-00001', 'done', '2026-03-01T07:00:00.000Z')]);
    expect(text).toMatch(/2 work orders \(UT-CHL\), 1 open/);
    expect(text).toMatch(/\*\*WO-00002\*\* · UT-CHL · Check bearing · 07 Mar, 08:00 – 10:00 · planned · requested by Sam Keller · parts 1 × CPK-0120/);
  });

  it('leads with the status of one order asked by id, in German when asked in German', () => {
    const text = answer({ id: 'WO-2' }, [order('WO-00002', 'in_progress', '2026-03-07T07:00:00.000Z')], 'de', 'Status von WO-2?');
    expect(text).toMatch(/WO-00002 an UT-CHL ist \*\*in Arbeit\*\*: Check bearing, 07\. März, 08:00 – 10:00\./);
  });

  it('says plainly when there are none, for what was asked', () => {
    expect(answer({ asset: 'UT-AIR', status: 'planned' }, [])).toMatch(/No work orders \(UT-AIR, planned\)\./);
  });
});
