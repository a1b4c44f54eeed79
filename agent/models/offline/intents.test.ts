import { describe, expect, it } from 'vitest';
import { twinAssets } from '../../twin-assets';
import { resolveAsset } from './asset-resolver';
import type { z } from 'zod';
import { CreateWorkOrderInput } from '@/tools/maintenance/tools/create-work-order';
import { ListWorkOrdersInput } from '@/tools/maintenance/tools/list-work-orders';
import { MaintenanceForecastInput } from '@/tools/maintenance/tools/maintenance-forecast';
import { GenerateShiftHandoverInput } from '@/tools/handover/tools/generate-shift-handover';
import { InspectionResultsInput } from '@/tools/inspection/tools/inspection-results';
import { TriggerInspectionInput } from '@/tools/inspection/tools/trigger-inspection';
import { SearchManualsInput } from '@/tools/manuals/tools/search-manuals';
import { AlarmsInput } from '@/tools/plant/tools/alarms';
import { AssetStateInput } from '@/tools/plant/tools/asset-state';
import { MachineCommandInput } from '@/tools/plant/tools/machine-command';
import { PlantOverviewInput } from '@/tools/plant/tools/plant-overview';
import { ProductionStatusInput } from '@/tools/plant/tools/production-status';
import { SetSetpointInput } from '@/tools/plant/tools/set-setpoint';
import { TagHistoryInput } from '@/tools/plant/tools/tag-history';
import { ExplainLateOrderInput } from '@/tools/scheduling/tools/explain-late-order';
import { ProposeScheduleInput } from '@/tools/scheduling/tools/propose-schedule';
import { ReleaseScheduleInput } from '@/tools/scheduling/tools/release-schedule';
import { WhatIfInput } from '@/tools/scheduling/tools/what-if';
import { DispatchTransportInput } from '@/tools/material/tools/dispatch-transport';
import { MaterialStatusInput } from '@/tools/material/tools/material-status';
import { PlanReplenishmentInput } from '@/tools/material/tools/plan-replenishment';
import { SupplyDisruptionImpactInput } from '@/tools/material/tools/supply-disruption-impact';
import { INTENTS, type EarlierResult } from './intents';
import { understand } from './understand';

/** The input schemas of the real tools, so a plan is checked against what the registry will accept. */
const REAL_INPUTS: Record<string, z.ZodType> = {
  plant_overview: PlantOverviewInput,
  production_status: ProductionStatusInput,
  asset_state: AssetStateInput,
  alarms: AlarmsInput,
  tag_history: TagHistoryInput,
  search_manuals: SearchManualsInput,
  propose_schedule: ProposeScheduleInput,
  release_schedule: ReleaseScheduleInput,
  what_if: WhatIfInput,
  explain_late_order: ExplainLateOrderInput,
  maintenance_forecast: MaintenanceForecastInput,
  list_work_orders: ListWorkOrdersInput,
  create_work_order: CreateWorkOrderInput,
  trigger_inspection: TriggerInspectionInput,
  inspection_results: InspectionResultsInput,
  generate_shift_handover: GenerateShiftHandoverInput,
  set_setpoint: SetSetpointInput,
  machine_command: MachineCommandInput,
  material_status: MaterialStatusInput,
  supply_disruption_impact: SupplyDisruptionImpactInput,
  plan_replenishment: PlanReplenishmentInput,
  dispatch_transport: DispatchTransportInput,
};

const assets = twinAssets();
const all = new Set(Object.values(INTENTS).map((intent) => intent.tool));
const now = new Date('2025-03-04T12:00:00Z');
const plan = (text: string, availableTools: ReadonlySet<string> = all, pendingQuestion?: string) =>
  understand({ text, assets, availableTools, now, pendingQuestion, timeZone: 'Europe/Berlin' });

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
    ['What if P&P 2 on line 1 is down for 8 hours?', 'what_if', { scenario: { type: 'machine_down', asset: 'L1-PNP2', hours: 8 } }],
    [
      'what if a rush order of 300 HMI-7MB is due in 12 hours',
      'what_if',
      { scenario: { type: 'rush_order', product: 'HMI-7MB', quantity: 300, dueInHours: 12 } },
    ],
    ['what if material for PO-24118 is 6 hours late', 'what_if', { scenario: { type: 'material_delay', order: 'PO-24118', hours: 6 } }],
    ['what if line 1 gets an extra shift', 'what_if', { scenario: { type: 'extra_shift', line: 'Line1' } }],
    ['Why is order PO-24118 late?', 'explain_late_order', { order: 'PO-24118' }],
    ['maintenence forecast for the chiller', 'maintenance_forecast', { asset: 'UT-CHL' }],
    ['List the work orders', 'list_work_orders', {}],
    ['which work orders are in progress on L1-RFL', 'list_work_orders', { asset: 'L1-RFL', status: 'in_progress' }],
    [
      'book maintenance for L1-PNP2 from 2025-03-08T22:00:00+01:00 to 2025-03-09T02:00:00+01:00',
      'create_work_order',
      { asset: 'L1-PNP2', from: '2025-03-08T22:00:00+01:00', to: '2025-03-09T02:00:00+01:00' },
    ],
    ['Run an inspection on line 1', 'trigger_inspection', { line: 'Line1' }],
    ['Show the latest inspection results', 'inspection_results', {}],
    ['Write the shift handover', 'generate_shift_handover', {}],
    ['Set zone 4 setpoint of the reflow oven on line 1 to 245', 'set_setpoint', { asset: 'L1-RFL', tag: 'Zone4.SetpointC', value: 245 }],
    ['Hold the printer on line 2', 'machine_command', { asset: 'L2-PRN', command: 'hold' }],
    ['resume the reflow oven on line 1', 'machine_command', { asset: 'L1-RFL', command: 'unhold' }],
  ])('%s → %s', async (text, tool, args) => {
    const result = await plan(text);
    expect(result).toMatchObject({ kind: 'tool', tool, args });
    // The arguments must be what the real tool accepts, not only what this table expects.
    expect(REAL_INPUTS[tool]!.safeParse(result.kind === 'tool' && result.args).error).toBeUndefined();
  });

  it('has a real tool schema for every intent', async () => {
    expect(Object.keys(REAL_INPUTS).sort()).toEqual(
      Object.values(INTENTS)
        .map((intent) => intent.tool)
        .sort(),
    );
  });

  it('asks which machine, product or kind when a what-if does not say', async () => {
    // A line with a duration offers the whole line ("yes" plans it); without one, which machine.
    expect(await plan('What if line 2 is down for 4 hours?')).toMatchObject({
      kind: 'reply',
      reason: 'clarify',
      text: expect.stringMatching(/Should I plan \*\*all of Line2 down for 4 h\*\*.*or name the one machine/),
    });
    expect(await plan('What if line 2 goes down?')).toMatchObject({
      kind: 'reply',
      reason: 'clarify',
      text: expect.stringMatching(/Which machine is down on Line2/),
    });
    expect(await plan('what if we get a rush order')).toMatchObject({
      kind: 'reply',
      reason: 'clarify',
      text: expect.stringMatching(/Which product and how many/),
    });
    expect(await plan('what if it rains')).toMatchObject({
      kind: 'reply',
      reason: 'clarify',
      text: expect.stringMatching(/machine down.*rush order.*material delay.*extra shift/),
    });
  });

  it('books the window the last maintenance forecast recommended, and asks for one when there is none', async () => {
    const forecast: EarlierResult = {
      tool: 'maintenance_forecast',
      args: { asset: 'L1-PNP2' },
      output: {
        assets: [
          { assetId: 'L1-PNP2', component: 'Placement spindle', recommendedWindow: { from: '2025-03-05T22:00:00.000Z', to: '2025-03-06T02:00:00.000Z' } },
        ],
      },
    };
    const booked = await understand({ text: 'Book a work order for it', earlier: [forecast], assets, availableTools: all, now });
    expect(booked).toMatchObject({
      kind: 'tool',
      tool: 'create_work_order',
      args: { asset: 'L1-PNP2', from: '2025-03-05T22:00:00.000Z', to: '2025-03-06T02:00:00.000Z', task: expect.stringMatching(/placement spindle/) },
    });
    expect(REAL_INPUTS.create_work_order!.safeParse(booked.kind === 'tool' && booked.args).error).toBeUndefined();
    const withTask = await understand({ text: 'book it to replace the spindle bearings', earlier: [forecast], assets, availableTools: all, now });
    expect(withTask).toMatchObject({ args: { task: 'replace the spindle bearings' } });
    expect(await plan('Book a work order for L1-PNP2')).toMatchObject({
      kind: 'reply',
      reason: 'clarify',
      text: expect.stringMatching(/maintenance forecast first/),
    });
  });

  it('releases the draft proposed earlier in the conversation, and only that', async () => {
    const draftId = '1fc5aadd-57ee-4ab9-bd71-f238f24e4e10';
    const proposal: EarlierResult = { tool: 'propose_schedule', args: {}, output: { draftId, kpis: {} } };
    const released = await understand({ text: 'release the schedule', earlier: [proposal], assets, availableTools: all, now });
    expect(released).toMatchObject({ kind: 'tool', tool: 'release_schedule', args: { draftId } });
    expect(await plan('release the schedule')).toMatchObject({ kind: 'reply', reason: 'clarify', text: expect.stringMatching(/no proposed schedule/) });
  });

  it('asks which one for an ambiguous name, and the answer completes the question', async () => {
    expect(await plan('status of P&P 1')).toMatchObject({ kind: 'reply', reason: 'clarify', text: expect.stringMatching(/L1-PNP1.*L2-PNP1/) });
    expect(await plan('line 2', all, 'status of P&P 1')).toMatchObject({ kind: 'tool', args: { asset: 'L2-PNP1' } });
  });

  it('says plainly when a capability is not available and what to ask instead', async () => {
    const result = await plan('Propose a schedule', new Set(['plant_overview']));
    expect(result).toMatchObject({ kind: 'reply', reason: 'unavailable' });
    expect(result.kind === 'reply' && result.text).toMatch(/not available.*\n\nI can help with:\n- the plant overview/s);
  });

  it('resolves ids, aliases with a line, and leaves names on several lines ambiguous', async () => {
    expect(resolveAsset('L2-SPI please', assets)).toMatchObject({ kind: 'one', asset: { id: 'L2-SPI' } });
    expect(resolveAsset('the paste printer L1', assets)).toMatchObject({ kind: 'one', asset: { id: 'L1-PRN' } });
    expect(resolveAsset('the oven', assets)).toMatchObject({ kind: 'ambiguous' });
    expect(resolveAsset('the kitchen', assets)).toEqual({ kind: 'none' });
  });
});
