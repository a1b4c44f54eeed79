/**
 * `plantpilot plant check [file]`: commissioning a plant configuration (PLANTPILOT_PLANT_CONFIG)
 * before the app uses it. Validates the file and, with --connect, connects to every source once
 * and says per source whether it answers and how many assets it serves, and whether two sources
 * serve the same asset id. Exits non-zero when the file is invalid or a source cannot be reached.
 */
import type { Command } from 'commander';
import { AppError } from '../../lib/errors';
import { cliContext } from '../context';

export function register(program: Command): void {
  const plant = program.command('plant').description('the plant configuration: sources (OPC UA servers, Sparkplug B groups) in one asset model');

  plant
    .command('check [file]')
    .description('validate a plant configuration file (default: PLANTPILOT_PLANT_CONFIG); with --connect, also reach every source')
    .option('--connect', 'connect to every source once and report its assets')
    .action(async (file: string | undefined, options: { connect?: boolean }) => {
      const { config, log } = cliContext();
      const filePath = file ?? config.plantConfigFile;
      if (!filePath) throw new AppError('invalid_argument', 'Name a plant configuration file, or set PLANTPILOT_PLANT_CONFIG. See docs/plant-config.md.');
      const { loadSitesConfig } = await import('../../connectors/plant/plant-config');
      const { sites } = await loadSitesConfig(filePath);
      const described = sites.map((plant) => `site ${plant.site.name ?? plant.site.id}, ${plant.sources.length} sources`);
      console.log(`${filePath}: valid — ${described.join('; ')}`);
      if (!options.connect) return;

      const { openPlantOfSources } = await import('../../connectors/plant/plant-of-sources');
      const { sourceSpec } = await import('../../connectors/plant/source-spec');
      const down: string[] = [];
      let total = 0;
      for (const plantConfig of sites) {
        const specs = plantConfig.sources.map((source) => sourceSpec(source, { dataDir: config.dataDir, log: log.child({ source: source.id }) }));
        // One try per source (no background retry): this is a check, not a service.
        const plantConnection = await openPlantOfSources(specs, { name: `site ${plantConfig.site.id}`, retryMs: null, log });
        try {
          const sources = plantConnection.sources();
          total += sources.length;
          for (const source of sources) {
            const waiting =
              source.kind === 'sparkplug' && source.assets === 0
                ? ' (none born yet: devices appear when their edge node sends; set edgeNodeId to ask it for births)'
                : '';
            const status = source.state === 'connected' ? `connected, ${source.assets} assets${waiting}` : `NOT CONNECTED: ${source.problem ?? source.state}`;
            const name = sites.length > 1 ? `${plantConfig.site.id}/${source.id}` : source.id;
            console.log(`${name.padEnd(16)} ${source.kind.padEnd(9)} ${source.address}  ${status}`);
            if (source.state !== 'connected') down.push(name);
          }
        } finally {
          await plantConnection.close();
        }
      }
      if (down.length > 0) throw new AppError('plant_unreachable', `${down.length} of ${total} sources could not be reached: ${down.join(', ')}.`);
    });
}
