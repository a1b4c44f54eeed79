/**
 * Material requests as people on the floor type them, in English and German, planned against the
 * real tools' input schemas; and the other intents keep what they meant before material existed.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DispatchTransportInput } from '@/tools/material/tools/dispatch-transport';
import { MaterialStatusInput } from '@/tools/material/tools/material-status';
import { PlanReplenishmentInput } from '@/tools/material/tools/plan-replenishment';
import { SupplyDisruptionImpactInput } from '@/tools/material/tools/supply-disruption-impact';
import { twinAssets } from '../../twin-assets';
import { twinParts } from '../../twin-parts';
import { INTENTS, type EarlierResult, type PreviousCall } from './intents';
import { understand } from './understand';

const SCHEMAS: Record<string, z.ZodType> = {
  material_status: MaterialStatusInput,
  supply_disruption_impact: SupplyDisruptionImpactInput,
  plan_replenishment: PlanReplenishmentInput,
  dispatch_transport: DispatchTransportInput,
};
const assets = twinAssets();
const parts = twinParts();
const all = new Set(Object.values(INTENTS).map((intent) => intent.tool));
const now = new Date('2026-12-02T08:40:00Z');
const ask = (text: string, extra: { previous?: PreviousCall; earlier?: EarlierResult[]; pendingQuestion?: string; tools?: ReadonlySet<string> } = {}) =>
  understand({ text, assets, parts, availableTools: extra.tools ?? all, now, timeZone: 'Europe/Berlin', ...extra });

const dispatchOf = (vehicle: string, stationId: string, partNumber: string) => ({
  vehicle,
  stops: [{ stationId, loads: [{ partNumber, quantity: 100, fromLocationId: 'WH', toLocationId: stationId.startsWith('L1') ? 'SM-L1' : 'SM-L2' }] }],
});
const plan: EarlierResult = {
  tool: 'plan_replenishment',
  args: {},
  output: {
    time: now.toISOString(),
    runs: [
      {
        runId: 'RUN-1',
        vehicle: 'TUG-01',
        vehicleKind: 'tugger',
        depart: '2026-12-02T08:50:00.000Z',
        stops: [{ stationId: 'L1-PNP1-S', loads: [{ partNumber: 'GRM155R71C104KA88D' }] }],
        dispatch: dispatchOf('TUG-01', 'L1-PNP1-S', 'GRM155R71C104KA88D'),
      },
      {
        runId: 'RUN-2',
        vehicle: 'AMR-01',
        vehicleKind: 'amr',
        depart: '2026-12-02T09:05:00.000Z',
        stops: [{ stationId: 'L2-PNP2-S', loads: [{ partNumber: 'STM32H743ZIT6' }] }],
        dispatch: dispatchOf('AMR-01', 'L2-PNP2-S', 'STM32H743ZIT6'),
      },
    ],
    unmet: [],
  },
};

describe('material requests', () => {
  it.each([
    ['what runs out first on line 1?', 'material_status', { line: 'Line1' }],
    ['how long does the STM32 stock last?', 'material_status', { part: 'STM32H743ZIT6' }],
    ['wann geht auf Linie 2 das Material aus?', 'material_status', { line: 'Line2' }],
    ['Reichweite der Rollen an Linie 1', 'material_status', { line: 'Line1' }],
    ['wie lange reicht die lotpaste', 'material_status', { part: 'OM-338-PT-500G' }],
    ['is the material for PO-24117 there', 'material_status', { order: 'PO-24117' }],
    ['do we have enough STM32 for the rest of the shift?', 'material_status', { part: 'STM32H743ZIT6' }],
    ['haben wir genug Material auf Linie 2 für den Rest der Schicht?', 'material_status', { line: 'Line2' }],
    ['which deliveries are late and what do they hit?', 'supply_disruption_impact', {}],
    ['was passiert wenn die Lieferung von Würth 6 Stunden später kommt?', 'supply_disruption_impact', { supplier: 'SUP-WURTH', delayHours: 6 }],
    ['ASN-4420 comes a day late', 'supply_disruption_impact', { delivery: 'ASN-4420', delayHours: 24 }],
    ['500 STM32 rejected at incoming', 'supply_disruption_impact', { part: 'STM32H743ZIT6', rejectedQuantity: 500 }],
    ['the mouser delivery is 30% short, what breaks', 'supply_disruption_impact', { supplier: 'SUP-MOUSER', shortfallPct: 30 }],
    ['plan the replenishment runs', 'plan_replenishment', {}],
    ['Nachschub planen für Linie 2', 'plan_replenishment', { line: 'Line2' }],
    ['next tugger runs for ln 1', 'plan_replenishment', { line: 'Line1' }],
  ])('%s → %s', async (text, tool, args) => {
    const result = await ask(text);
    expect(result).toMatchObject({ kind: 'tool', tool, args });
    if (result.kind === 'tool') {
      expect(result.args).toEqual(args);
      expect(SCHEMAS[tool]!.safeParse(result.args).error).toBeUndefined();
    }
  });

  it('keeps what other requests meant before material existed', async () => {
    expect(await ask('what if material for PO-24118 is 6 hours late')).toMatchObject({ tool: 'what_if', args: { scenario: { type: 'material_delay' } } });
    expect(await ask('how long until the L2 blower bearing gives up')).toMatchObject({ tool: 'maintenance_forecast' });
    expect(await ask('bake out time for MSL 3 parts')).toMatchObject({ tool: 'search_manuals' });
    expect(await ask('why is PO-24120 late')).toMatchObject({ tool: 'explain_late_order' });
    // Beside a machine's name, "paste" is the printer's and "shortage" may be the compressor's.
    expect(await ask('paste printer L1 status')).toMatchObject({ tool: 'asset_state', args: { asset: 'L1-PRN' } });
    expect(await ask('is there a shortage of compressed air')).toMatchObject({ tool: 'asset_state', args: { asset: 'UT-AIR' } });
    expect(await ask('feeder level on pnp1 line 2')).toMatchObject({ tool: 'asset_state', args: { asset: 'L2-PNP1' } });
    // A line takes no command (the twin's lines have no Start method): which machine is asked, not filed.
    expect(await ask('start line 2')).toMatchObject({ kind: 'reply', reason: 'clarify' });
    expect(await ask('Materiallage Linie 1')).toMatchObject({ tool: 'material_status', args: { line: 'Line1' } });
  });

  it('asks for a scope the tool needs, and the answer completes the question', async () => {
    expect(await ask('what runs out first')).toMatchObject({ kind: 'reply', reason: 'clarify', text: expect.stringMatching(/line, part or order/) });
    expect(await ask('line 1', { pendingQuestion: 'what runs out first' })).toMatchObject({ tool: 'material_status', args: { line: 'Line1' } });
    expect(await ask('how long do the 10k resistors last')).toMatchObject({ kind: 'reply', text: expect.stringMatching(/RC0402FR-0710KL.*ERJ-2RKF1002X/) });
    expect(await ask('what happens if the delivery is 6 hours late')).toMatchObject({ kind: 'reply', text: expect.stringMatching(/ASN id/) });
  });

  it('follows up on the line or part asked before', async () => {
    const previous = { tool: 'material_status', args: { line: 'Line1' } };
    expect(await ask('and line 2?', { previous })).toMatchObject({ tool: 'material_status', args: { line: 'Line2' } });
    expect(await ask('und Linie 2', { previous: { tool: 'plan_replenishment', args: { line: 'Line1' } } })).toMatchObject({
      tool: 'plan_replenishment',
      args: { line: 'Line2' },
    });
  });

  it('sends only a run the plan in this conversation proposed, and only on an explicit request', async () => {
    expect(await ask('send the tugger with the reels to line 1')).toMatchObject({
      kind: 'reply',
      reason: 'clarify',
      text: expect.stringMatching(/plan the replenishment/),
    });
    const tugger = await ask('send the tugger with the reels to line 1', { earlier: [plan] });
    expect(tugger).toMatchObject({ kind: 'tool', tool: 'dispatch_transport', args: dispatchOf('TUG-01', 'L1-PNP1-S', 'GRM155R71C104KA88D') });
    expect(SCHEMAS.dispatch_transport!.safeParse(tugger.kind === 'tool' && tugger.args).error).toBeUndefined();
    expect(await ask('schick RUN-2 los', { earlier: [plan] })).toMatchObject({ tool: 'dispatch_transport', args: { vehicle: 'AMR-01' } });
    expect(await ask('send the first run', { earlier: [plan] })).toMatchObject({ tool: 'dispatch_transport', args: { vehicle: 'TUG-01' } });
    expect(await ask('send it', { earlier: [plan] })).toMatchObject({ kind: 'reply', reason: 'clarify', text: expect.stringMatching(/RUN-1.*RUN-2/) });
    expect(await ask('send the tugger to line 2', { earlier: [plan] })).toMatchObject({
      kind: 'reply',
      text: expect.stringMatching(/No run of the last plan/),
    });
    // "ja" after a plan: the run, when the plan has just one; otherwise which one.
    const onePlan: EarlierResult = { ...plan, output: { ...(plan.output as object), runs: [(plan.output as { runs: unknown[] }).runs[0]] } };
    expect(await ask('ja', { earlier: [onePlan] })).toMatchObject({ tool: 'dispatch_transport', args: { vehicle: 'TUG-01' } });
    expect(await ask('yes', { earlier: [plan] })).toMatchObject({ kind: 'reply', reason: 'clarify', text: expect.stringMatching(/Which run/) });
    // A no or a why is never a transport.
    for (const text of ['don’t send the tugger yet', 'RUN-1 noch nicht losschicken', 'why did you send the tugger'])
      expect(await ask(text, { earlier: [plan] }), text).not.toMatchObject({ tool: 'dispatch_transport' });
    // A question about runs is a read, never a transport.
    expect(await ask('which runs do the tuggers have to do', { earlier: [plan] })).toMatchObject({ tool: 'plan_replenishment' });
  });

  it('leaves material to the plant intents when the material tools are not on this server', async () => {
    const plantOnly = new Set([...all].filter((tool) => !(tool in SCHEMAS)));
    const result = await ask('plan the replenishment runs', { tools: plantOnly });
    expect(result.kind === 'tool' && result.tool in SCHEMAS).toBe(false);
  });
});
