import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@/lib/config';
import { loadPlantConfig, parsePlantConfig } from './plant-config';

const ISSUE_FORM = {
  site: { id: 'FUE', name: 'Fürth' },
  sources: [
    { id: 'line1', opcua: { endpoint: 'opc.tcp://127.0.0.1:4841' } },
    { id: 'line2', opcua: { endpoint: 'opc.tcp://127.0.0.1:4842' } },
    { id: 'utilities', sparkplug: { broker: 'mqtt://127.0.0.1:1883', groupId: 'Plant' } },
  ],
};

const messageOf = (data: unknown) => {
  try {
    parsePlantConfig(data);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
};

describe('plant configuration', () => {
  it('accepts the form the issue gives, with today’s OPC UA defaults', () => {
    const config = parsePlantConfig(ISSUE_FORM);
    expect(config.site).toEqual({ id: 'FUE', name: 'Fürth' });
    expect(config.sources[0]).toMatchObject({
      id: 'line1',
      opcua: {
        endpoint: 'opc.tcp://127.0.0.1:4841',
        securityMode: 'None',
        securityPolicy: 'None',
        identity: { type: 'anonymous' },
        browseRoot: 'ns=1;s=Plant',
      },
    });
    expect(config.sources[2]).toMatchObject({ id: 'utilities', sparkplug: { broker: 'mqtt://127.0.0.1:1883', groupId: 'Plant' } });
  });

  it('reads the documented example, resolving a mapping file against the file’s folder', async () => {
    const config = await loadPlantConfig(path.resolve(import.meta.dirname, '../../docs/plant-config.example.yaml'));
    expect(config.sources.map((source) => source.id)).toEqual(['line1', 'line2', 'utilities']);
    const withMapping = parsePlantConfig(
      { site: { id: 'FUE' }, sources: [{ id: 'a', opcua: { endpoint: 'opc.tcp://h:4840', mappingFile: 'maps/a.yaml' } }] },
      'x',
      '/etc/plantpilot',
    );
    expect(withMapping.sources[0]).toMatchObject({ opcua: { mappingFile: '/etc/plantpilot/maps/a.yaml' } });
  });

  it('names the path of a bad field', () => {
    const bad = structuredClone(ISSUE_FORM) as { sources: { opcua?: { endpoint: string }; sparkplug?: { groupId: string } }[] };
    bad.sources[1]!.opcua!.endpoint = 'http://127.0.0.1:4842';
    expect(messageOf(bad)).toMatch(/sources\.1\.opcua\.endpoint: an OPC UA endpoint such as opc\.tcp:\/\/10\.0\.0\.5:4840/);
    const badGroup = structuredClone(ISSUE_FORM) as typeof bad;
    badGroup.sources[2]!.sparkplug!.groupId = 'Plant/#';
    expect(messageOf(badGroup)).toMatch(/sources\.2\.sparkplug\.groupId: a Sparkplug id without/);
  });

  it('refuses a source of no known kind, duplicate ids, unknown keys and a missing site', () => {
    expect(messageOf({ site: { id: 'FUE' }, sources: [{ id: 'x', modbus: {} }] })).toMatch(
      /sources\.0: each source needs an id and exactly one of opcua: or sparkplug:/,
    );
    expect(messageOf({ site: { id: 'FUE' }, sources: [ISSUE_FORM.sources[0], ISSUE_FORM.sources[0]] })).toMatch(/sources\.1\.id: duplicate source id line1/);
    expect(messageOf({ ...ISSUE_FORM, sources: [{ id: 'a', opcua: { endpoint: 'opc.tcp://h:1', endpiont: 'x' } }] })).toMatch(/sources\.0\.opcua.*endpiont/);
    expect(messageOf({ sources: ISSUE_FORM.sources })).toMatch(/site:/);
  });

  it('is named by PLANTPILOT_PLANT_CONFIG, relative to the working directory, and absent by default', () => {
    expect(loadConfig({ PLANTPILOT_PLANT_CONFIG: 'config/plant.yaml' }, '/srv/plantpilot').plantConfigFile).toBe('/srv/plantpilot/config/plant.yaml');
    expect(loadConfig({}, '/srv/plantpilot').plantConfigFile).toBeUndefined();
  });

  it('says when the file is missing or not YAML', async () => {
    await expect(loadPlantConfig('/nonexistent/plant.yaml')).rejects.toThrow(/Cannot read the plant configuration \/nonexistent\/plant\.yaml \(ENOENT\)/);
  });
});
