/**
 * A machine finishing a board: the inspection machines reject some (more when the paste volume or the
 * oven's profile is off), the tester wears its fixture, and the rolling quality indicators follow.
 */
import type { ProductDefinition } from '../catalogue';
import { emitOrderMilestones } from './orders';
import { PRODUCT_BY_ID, cycleTimeS, type LineRuntime, type MachineRuntime, type TwinState } from './runtime';

/** Inspection machines reject boards; their share of a product's scrap rate. */
const SCRAP_SHARE: Partial<Record<string, number>> = {
  'solder-paste-inspection': 0.3,
  'automated-optical-inspection': 0.4,
  'in-circuit-test': 0.3,
};

function scrapProbability(twin: TwinState, line: LineRuntime, machine: MachineRuntime, product: ProductDefinition): number {
  const share = SCRAP_SHARE[machine.definition.type];
  if (share === undefined) return 0;
  let probability = product.scrapRate * share;
  if (machine.definition.type === 'solder-paste-inspection') {
    const volumePct = machine.values.PasteVolumePct as number;
    if (volumePct < 80 || volumePct > 125) probability += 0.08;
  }
  if (machine.definition.type === 'automated-optical-inspection') {
    const oven = line.machines.find((candidate) => candidate.definition.type === 'reflow-oven')!;
    const offProfile = twin.alarmBook.activeFor(oven.definition.id).some((alarm) => /^E-21\d$/.test(alarm.code) || alarm.code === 'E-220');
    if (offProfile) probability += 0.15;
    if ((oven.values.O2Ppm as number) > 1000) probability += 0.03;
  }
  return probability;
}

/** The machine's work on its board is done: the board is good (and waits to move on) or scrapped. */
export function finishBoard(twin: TwinState, line: LineRuntime, machine: MachineRuntime): void {
  const board = machine.board!;
  const product = PRODUCT_BY_ID.get(board.productId)!;
  const scrapped = twin.random.chance(scrapProbability(twin, line, machine, product));
  if (machine.definition.type === 'in-circuit-test') {
    machine.values.FixtureCycles = (machine.values.FixtureCycles as number) + 1;
    machine.values.TestTimeS = cycleTimeS(machine) * twin.random.uniform(0.9, 1.05);
  }
  if (scrapped) {
    machine.scrapCount++;
    machine.board = null;
    const order = twin.orders.get(board.orderId);
    if (order) {
      order.scrapCount++;
      emitOrderMilestones(twin, line, order);
    }
  } else {
    machine.goodCount++;
    machine.boardFinished = true;
  }
  updateQualityIndicators(machine, scrapped);
}

// Rolling indicators over roughly the last 200 boards (exponential smoothing, α = 1/200).
function updateQualityIndicators(machine: MachineRuntime, scrapped: boolean): void {
  const outcomePct = scrapped ? 100 : 0;
  if (machine.definition.type === 'automated-optical-inspection') {
    machine.values.DefectRatePct = 0.995 * (machine.values.DefectRatePct as number) + 0.005 * outcomePct;
  }
  if (machine.definition.type === 'in-circuit-test') {
    machine.values.FirstPassYieldPct = 0.995 * (machine.values.FirstPassYieldPct as number) + 0.005 * (100 - outcomePct);
  }
  if (machine.definition.type === 'packing') {
    machine.values.CartonsPacked = Math.floor(machine.goodCount / 20);
  }
}
