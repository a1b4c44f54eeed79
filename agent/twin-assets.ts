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
    aliases: [...machine.aliases, ...modelAliases(machine.model)],
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

/**
 * What people call a machine by its model plate: the code ("SC-55", "CW-120", "ICT-3000") and the kind it names
 * ("bed-of-nails tester", "screw compressor"), without the options after "with" or in brackets.
 */
function modelAliases(model: string | undefined): string[] {
  if (!model) return [];
  const code = /^[A-Z][A-Z0-9]*-[A-Z0-9]+(?:\s\d+)?/.exec(model)?.[0];
  const kind = model
    .slice(code?.length ?? 0)
    .replace(/\(.*?\)/g, ' ')
    .replace(/\bwith\b.*$/, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return [...(code ? [code] : []), ...(kind.split(' ').length >= 2 ? [kind] : [])];
}
