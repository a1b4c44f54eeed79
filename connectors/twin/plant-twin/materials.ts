/**
 * Materials a machine uses up per board (solder paste, wiper paper, feeder reels, labels, trays): what
 * each machine type holds, the logistician's refills after a low warning, and levels set by hand.
 */
import { AppError } from '../../../lib/errors';
import type { MachineDefinition, ProductDefinition } from '../catalogue';
import { feederBankPiecesPerBoard } from '../material/parts-catalogue';
import type { SeededRandom } from '../random';
import { isoNow, requireMachine, type MachineRuntime, type MaterialSpec, type TwinState } from './runtime';

export function materialsFor(definition: MachineDefinition, random: SeededRandom): MaterialSpec[] {
  switch (definition.type) {
    case 'stencil-printer':
      return [
        { tagId: 'SolderPasteLevelPct', lowPct: 15, perBoardPct: () => 0.25 },
        { tagId: 'WiperPaperPct', lowPct: 10, perBoardPct: () => 0.02 },
      ];
    case 'pick-and-place':
      return [1, 2, 3, 4].map((feeder) => {
        // Each feeder bank holds reels of a different size and feeds a different share of the parts.
        const reelParts = Math.round(random.uniform(15_000, 50_000));
        return {
          tagId: `Feeder${feeder}.LevelPct`,
          lowPct: 10,
          // The product's BOM decides how many parts this bank places per board (parts-catalogue.ts).
          perBoardPct: (product: ProductDefinition) => (feederBankPiecesPerBoard(product.id, feeder) / reelParts) * 100,
        };
      });
    case 'packing':
      return [
        { tagId: 'LabelStockPct', lowPct: 10, perBoardPct: () => 0.1 },
        { tagId: 'TrayStockPct', lowPct: 10, perBoardPct: () => 0.4 },
      ];
    default:
      return [];
  }
}

/**
 * Takes what one board of `product` needs; returns false, and uses the short material up to 0, when
 * any of it is not there.
 */
export function consumeForBoard(machine: MachineRuntime, product: ProductDefinition): boolean {
  for (const material of machine.materials) {
    const needPct = material.perBoardPct(product);
    if ((machine.values[material.tagId] as number) < needPct) {
      machine.values[material.tagId] = 0;
      return false;
    }
  }
  for (const material of machine.materials) {
    machine.values[material.tagId] = Math.max(0, (machine.values[material.tagId] as number) - material.perBoardPct(product));
  }
  return true;
}

export function advanceRefills(twin: TwinState, machine: MachineRuntime, dtMs: number): void {
  for (const material of machine.materials) {
    const levelPct = machine.values[material.tagId] as number;
    const remainingMs = machine.refillRemainingMs.get(material.tagId);
    if (remainingMs === undefined) {
      // Logistics react to the low warning; sometimes too late, and the machine runs dry.
      if (levelPct < material.lowPct) machine.refillRemainingMs.set(material.tagId, twin.random.uniform(2, 25) * 60_000);
      continue;
    }
    if (remainingMs - dtMs > 0) {
      machine.refillRemainingMs.set(material.tagId, remainingMs - dtMs);
      continue;
    }
    // No parts line-side: the logistician comes back in a few minutes to try again.
    if (twin.refillGate && !twin.refillGate(machine.definition.id, material.tagId, machine.productId)) {
      machine.refillRemainingMs.set(material.tagId, 5 * 60_000);
      continue;
    }
    machine.refillRemainingMs.delete(material.tagId);
    machine.values[material.tagId] = 100;
    twin.emit({ kind: 'material-refilled', time: isoNow(twin), machineId: machine.definition.id, tagId: material.tagId });
  }
}

/** Sets a material level (a person refilling, or a scenario setting up a shortage). */
export function setMaterialLevel(twin: TwinState, machineId: string, tagId: string, levelPct: number): void {
  const machine = requireMachine(twin, machineId);
  if (!machine.materials.some((material) => material.tagId === tagId)) {
    const known = machine.materials.map((material) => material.tagId).join(', ') || 'none';
    throw new AppError('not_found', `${machineId} has no material ${tagId}. Its materials: ${known}.`);
  }
  if (!Number.isFinite(levelPct) || levelPct < 0 || levelPct > 100) {
    throw new AppError('invalid_argument', `A material level must be 0–100 %, got ${levelPct}.`, { details: { reason: 'out_of_range', low: 0, high: 100 } });
  }
  machine.values[tagId] = levelPct;
  machine.refillRemainingMs.delete(tagId);
  if (levelPct >= 100) twin.emit({ kind: 'material-refilled', time: isoNow(twin), machineId, tagId });
}
