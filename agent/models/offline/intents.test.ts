import { describe, expect, it } from 'vitest';
import { twinAssets } from '../../twin-assets';
import { resolveAsset } from './asset-resolver';
import { INTENTS, planReply } from './intents';

const assets = twinAssets();
const all = new Set(Object.values(INTENTS).map((intent) => intent.tool));
const now = new Date('2025-03-04T12:00:00Z');
const plan = (text: string, availableTools: ReadonlySet<string> = all, pendingQuestion?: string) =>
  planReply({ text, assets, availableTools, now, pendingQuestion });

describe('offline intents', () => {
  it.each([
    ['Give me an overview of the plant', 'plant_overview', {}],
    ['what is the state of line 1', 'asset_state', { asset: 'Line1' }],
    ['How is the reflow oven on line 2?', 'asset_state', { asset: 'L2-RFL' }],
    ['what is the reflw ovn on line 1 doing', 'asset_state', { asset: 'L1-RFL' }],
    ['show active alrams', 'alarms', { state: 'active' }],
    ['alarm history for L1-RFL over the last 2 hours', 'alarms', { asset: 'L1-RFL', state: 'all', from: '2025-03-04T10:00:00.000Z' }],
    ['zone 4 temperature trend of L1-RFL over the last 2 hours', 'tag_history', { asset: 'L1-RFL', tag: 'Zone4.TemperatureC', resolution: '1m' }],
    ['What does E-214 mean?', 'search_manuals', { query: 'What does E-214 mean?' }],
    ['Propose a schedule for the open orders', 'propose_schedule', {}],
    ['What if line 2 is down for 4 hours?', 'what_if', { line: 'Line2' }],
    ['Why is order PO-1003 late?', 'explain_late_order', { orderId: 'PO-1003' }],
    ['maintenence forecast for the chiller', 'maintenance_forecast', { asset: 'UT-CHL' }],
    ['List the open work orders', 'list_work_orders', { status: 'open' }],
    ['Run an inspection on line 1', 'trigger_inspection', { line: 'Line1' }],
    ['Show the latest inspection results', 'inspection_results', {}],
    ['Write the shift handover', 'generate_shift_handover', {}],
    ['Set zone 4 setpoint of the reflow oven on line 1 to 245', 'set_setpoint', { asset: 'L1-RFL', tag: 'Zone4.SetpointC', value: 245 }],
    ['Hold the printer on line 2', 'machine_command', { asset: 'L2-PRN', command: 'hold' }],
    ['resume the reflow oven on line 1', 'machine_command', { asset: 'L1-RFL', command: 'unhold' }],
  ])('%s → %s', (text, tool, args) => {
    const result = plan(text);
    expect(result).toMatchObject({ kind: 'tool', tool, args });
  });

  it('asks which one for an ambiguous name, and the answer completes the question', () => {
    expect(plan('status of P&P 1')).toMatchObject({ kind: 'reply', reason: 'clarify', text: expect.stringMatching(/L1-PNP1.*L2-PNP1/) });
    expect(plan('line 2', all, 'status of P&P 1')).toMatchObject({ kind: 'tool', args: { asset: 'L2-PNP1' } });
  });

  it('says plainly when a capability is not available and what to ask instead', () => {
    const result = plan('Propose a schedule', new Set(['plant_overview']));
    expect(result).toMatchObject({ kind: 'reply', reason: 'unavailable' });
    expect(result.kind === 'reply' && result.text).toMatch(/not available.*\n\nI can help with:\n- the plant overview/s);
  });

  it('resolves ids, aliases with a line, and leaves names on several lines ambiguous', () => {
    expect(resolveAsset('L2-SPI please', assets)).toMatchObject({ kind: 'one', asset: { id: 'L2-SPI' } });
    expect(resolveAsset('the paste printer L1', assets)).toMatchObject({ kind: 'one', asset: { id: 'L1-PRN' } });
    expect(resolveAsset('the oven', assets)).toMatchObject({ kind: 'ambiguous' });
    expect(resolveAsset('the kitchen', assets)).toEqual({ kind: 'none' });
  });
});
