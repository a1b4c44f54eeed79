/**
 * The plant twin's catalogue as an entity list for the knowledge base. Kept in its own file so the
 * rest of knowledge/ does not depend on the twin: a real plant passes its own asset list instead.
 */
import { ALARM_CATALOGUE, COMMON_TAGS, MACHINES, PRODUCTION_TAGS, TYPE_TAGS } from '../connectors/twin/catalogue';
import type { EntityCatalogue } from './entities';

export function twinEntityCatalogue(): EntityCatalogue {
  const tags = new Set<string>([...COMMON_TAGS, ...PRODUCTION_TAGS, ...Object.values(TYPE_TAGS).flat()].map((tag) => tag.id));
  return {
    assets: MACHINES.map((machine) => ({ id: machine.id, aliases: [machine.displayName, ...machine.aliases] })),
    tags: [...tags],
    alarmCodes: ALARM_CATALOGUE.map((alarm) => alarm.code),
  };
}
