/**
 * The asset list of the built-in plant twin, in the shape the agent resolves names against. A real
 * plant provides the same list from its OPC UA asset mapping.
 */
import { LINES, MACHINES, tagsForMachine } from '../connectors/twin/catalogue';
import type { AssetRef } from './assets';

export function twinAssets(): AssetRef[] {
  const lines: AssetRef[] = LINES.map((line) => ({
    id: line.id,
    name: line.displayName,
    type: 'line',
    aliases: [line.displayName, line.id.replace(/(\d)/, ' $1')],
  }));
  const machines: AssetRef[] = MACHINES.map((machine) => ({
    id: machine.id,
    name: machine.displayName,
    line: machine.area === 'Utilities' ? undefined : machine.area,
    type: machine.type,
    aliases: [...machine.aliases],
    tags: tagsForMachine(machine).map((tag) => ({
      id: tag.id,
      name: tag.displayName,
      unit: tag.unit ?? undefined,
      writable: tag.writable,
      ...(tag.writable && tag.euRange ? { range: { low: tag.euRange.low, high: tag.euRange.high } } : {}),
    })),
  }));
  return [...lines, ...machines];
}
