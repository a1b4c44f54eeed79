import { describe, expect, it } from 'vitest';
import { PlantTwin } from '@/connectors/twin/simulation';
import { checkSchedule } from './feasibility';
import { solve } from './solve';
import { explainLateOrder } from './late-order-explanation';
import { PlanInputs } from './plant-data';
import { buildPlantModel } from './plant-model';
import { evaluatePlan, planSchedule, type SolveFn } from './plan';
import { RUSH_ORDER_ID } from './scenarios';
import { closedWindows } from './working-windows';
import { planInputsFromSnapshot } from '../service/twin-plant-data';
import { planWhatIf } from './plan-what-if';

// Monday 06:00 in Fürth; the twin's initial orders are due within the first 34 hours.
const START = '2025-03-03T06:00:00+01:00';
const OPTIONS = { seed: 1, maxIterations: 800 };
const inProcess: SolveFn = async (problem, options) => solve(problem, options);

function twinInputs(minutes = 20): PlanInputs {
  const twin = new PlantTwin({ seed: 5, startTime: START });
  twin.step(minutes * 60_000);
  return PlanInputs.parse(planInputsFromSnapshot(twin.snapshot()));
}

describe('the plant model', () => {
  it('plans every open order once, keeps running orders on their line and respects the solver constraints', async () => {
    const inputs = twinInputs();
    const model = buildPlantModel(inputs);
    const plan = await planSchedule(model, OPTIONS, inProcess);
    const planned = Object.values(plan.sequences).flat().sort();
    expect(planned).toEqual(model.jobs.map((j) => j.order.id).sort());
    for (const job of model.jobs.filter((j) => j.order.status === 'running')) {
      expect(plan.sequences[job.order.lineId!]![0]).toBe(job.order.id);
    }
    const operations = plan.schedule.lines.flatMap((line, l) =>
      line.orders.map((o) => ({ job: model.jobs.findIndex((j) => j.order.id === o.orderId), op: 0, machine: l, start: o.startMin, end: o.endMin })),
    );
    expect(checkSchedule(model.problem!, operations)).toEqual([]);
    expect(plan.schedule.lines[0]!.orders[0]!.machines.map((m) => m.machineId)).toContain('L1-PNP1');
  });

  it('is deterministic for a seed', async () => {
    const model = buildPlantModel(twinInputs());
    const first = await planSchedule(model, OPTIONS, inProcess);
    const second = await planSchedule(model, OPTIONS, inProcess);
    expect(second.sequences).toEqual(first.sequences);
    expect(second.kpis).toEqual(first.kpis);
  });

  it('is never worse than the current plan on weighted tardiness and makespan together', async () => {
    const model = buildPlantModel(twinInputs());
    const plan = await planSchedule(model, OPTIONS, inProcess);
    const current = evaluatePlan(model, model.inputs.currentSequences);
    expect(plan.kpis.weightedTardinessMin).toBeLessThanOrEqual(current.kpis.weightedTardinessMin);
    if (plan.kpis.weightedTardinessMin === current.kpis.weightedTardinessMin) expect(plan.kpis.makespanMin).toBeLessThanOrEqual(current.kpis.makespanMin);
  });

  it('closes the lines at the weekend under the default Mon–Fri three-shift calendar', () => {
    // Friday 12:00 local: closed from Saturday 06:00 to Monday 06:00 (48 h), 18 h after the start.
    const closed = closedWindows(PlanInputs.shape.calendar.parse(undefined), 'Line1', Date.parse('2025-03-07T12:00:00+01:00'), 4);
    expect(closed[0]).toEqual({ start: 18 * 60, end: 66 * 60 });
  });
});

describe('what-if scenarios move the KPIs in the expected direction', () => {
  const inputs = twinInputs();

  it('a machine down for 8 h improves neither makespan nor tardiness', async () => {
    const result = await planWhatIf(inputs, { type: 'machine_down', asset: 'L1-PNP2', hours: 8 }, OPTIONS, inProcess);
    expect(result.delta.makespanMin).toBeGreaterThanOrEqual(0);
    expect(result.delta.weightedTardinessMin).toBeGreaterThanOrEqual(0);
    expect(result.delta.totalTardinessMin + result.delta.makespanMin).toBeGreaterThan(0);
    const line1 = result.scenario.schedule.lines.find((l) => l.lineId === 'Line1')!;
    expect(line1.orders.every((o) => o.running || o.startMin >= 8 * 60 || o.endMin <= 0)).toBe(true);
  });

  it('a whole line down blocks every machine of that line and no other', async () => {
    const result = await planWhatIf(inputs, { type: 'machine_down', asset: 'Line2', hours: 6 }, OPTIONS, inProcess);
    const blocked = result.scenarioInputs.maintenance.filter((stop) => stop.reason === 'what-if: Line2 down').map((stop) => stop.assetId);
    const line2 = inputs.layout.lines.find((line) => line.id === 'Line2')!;
    expect(blocked.sort()).toEqual(line2.machines.map((machine) => machine.id).sort());
    const scheduled = result.scenario.schedule.lines.find((l) => l.lineId === 'Line2')!;
    expect(scheduled.orders.every((o) => o.running || o.startMin >= 6 * 60 || o.endMin <= 0)).toBe(true);
  });

  it('an outage that starts later blocks the machine from then, for as long as said', async () => {
    const result = await planWhatIf(inputs, { type: 'machine_down', asset: 'L1-RFL', hours: 3, startsInHours: 2 }, OPTIONS, inProcess);
    const stop = result.scenarioInputs.maintenance.find((window) => window.reason === 'what-if: machine down')!;
    const start = Date.parse(inputs.planStart);
    expect([Date.parse(stop.from) - start, Date.parse(stop.to) - start]).toEqual([2 * 3_600_000, 5 * 3_600_000]);
  });

  it('an extra shift worsens neither makespan nor tardiness', async () => {
    // From Friday noon the weekend matters: the orders do not all fit before Saturday 06:00.
    const friday = { ...inputs, planStart: '2025-03-07T12:00:00+01:00' };
    const result = await planWhatIf(friday, { type: 'extra_shift' }, OPTIONS, inProcess);
    expect(result.delta.makespanMin).toBeLessThanOrEqual(0);
    expect(result.delta.weightedTardinessMin).toBeLessThanOrEqual(0);
    expect(result.scenarioInputs.calendar.extraShifts[0]!.from).toBe('2025-03-08T05:00:00.000Z');
  });

  it('a rush order is scheduled and keeps or raises the others’ tardiness', async () => {
    const result = await planWhatIf(inputs, { type: 'rush_order', product: 'HMI-7MB', quantity: 300, dueInHours: 6 }, OPTIONS, inProcess);
    const orders = result.scenario.schedule.lines.flatMap((l) => l.orders);
    expect(orders.find((o) => o.orderId === RUSH_ORDER_ID)).toMatchObject({ hypothetical: true });
    const others = orders.filter((o) => o.orderId !== RUSH_ORDER_ID).reduce((sum, o) => sum + o.tardinessMin, 0);
    expect(others).toBeGreaterThanOrEqual(result.base.kpis.totalTardinessMin);
    expect(result.delta.makespanMin).toBeGreaterThanOrEqual(0);
  });

  it('a material delay improves neither makespan nor tardiness', async () => {
    const result = await planWhatIf(inputs, { type: 'material_delay', order: 'PO-24118', hours: 12 }, OPTIONS, inProcess);
    expect(result.delta.makespanMin).toBeGreaterThanOrEqual(0);
    expect(result.delta.weightedTardinessMin).toBeGreaterThanOrEqual(0);
    const delayed = result.scenario.schedule.lines.flatMap((l) => l.orders).find((o) => o.orderId === 'PO-24118')!;
    expect(delayed.startMin).toBeGreaterThanOrEqual(12 * 60);
  });

  it('rejects unknown assets and orders with a message that lists what exists', async () => {
    await expect(planWhatIf(inputs, { type: 'machine_down', asset: 'L9-XYZ', hours: 1 }, OPTIONS, inProcess)).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('L1-PNP1'),
    });
  });
});

describe('explainLateOrder', () => {
  it('names material as the cause of a delayed order and offers remedies that are computed', async () => {
    const result = await planWhatIf(twinInputs(), { type: 'material_delay', order: 'PO-24118', hours: 12 }, OPTIONS, inProcess);
    const model = buildPlantModel(result.scenarioInputs);
    const explanation = explainLateOrder(model, result.scenario, 'PO-24118');
    expect(explanation.late).toBe(true);
    expect(explanation.causes.map((c) => c.kind)).toContain('material');
    expect(explanation.causes.map((c) => c.kind)).toContain('bottleneck');
    const expedite = explanation.remedies.find((r) => r.action.startsWith('Expedite'));
    expect(expedite).toBeDefined();
    expect(Date.parse(expedite!.endAt)).toBeLessThan(Date.parse(explanation.endAt));
  });

  it('says plainly when an order is on time, and refuses unknown orders', async () => {
    const model = buildPlantModel(twinInputs());
    const plan = await planSchedule(model, OPTIONS, inProcess);
    const onTime = plan.schedule.lines.flatMap((l) => l.orders).find((o) => o.tardinessMin === 0)!;
    expect(explainLateOrder(model, plan, onTime.orderId).summary).toMatch(/is on time/);
    expect(() => explainLateOrder(model, plan, 'PO-99999')).toThrow(/not in this plan/);
  });
});
