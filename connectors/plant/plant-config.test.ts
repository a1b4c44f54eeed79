import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@/lib/config';
import { loadSitesConfig, parsePlantConfig, parseSitesConfig } from './plant-config';

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
    const { sites } = await loadSitesConfig(path.resolve(import.meta.dirname, '../../docs/plant-config.example.yaml'));
    expect(sites[0]!.sources.map((source) => source.id)).toEqual(['line1', 'line2', 'utilities']);
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
    await expect(loadSitesConfig('/nonexistent/plant.yaml')).rejects.toThrow(/Cannot read the plant configuration \/nonexistent\/plant\.yaml \(ENOENT\)/);
  });

  it('accepts several sites, each with its own sources, the first being the default', () => {
    const { sites } = parseSitesConfig(
      {
        enterprise: { id: 'NW', name: 'Nordwerk' },
        sites: [
          { id: 'FUE', name: 'Fürth', sources: ISSUE_FORM.sources },
          { id: 'ERL', timeZone: 'Europe/Berlin', sources: [{ id: 'line1', opcua: { endpoint: 'opc.tcp://10.1.0.5:4840', mappingFile: 'erl.yaml' } }] },
        ],
      },
      'x',
      '/etc/plantpilot',
    );
    expect(sites.map((site) => site.site.id)).toEqual(['FUE', 'ERL']);
    expect(sites[1]).toMatchObject({
      enterprise: { id: 'NW' },
      site: { id: 'ERL', timeZone: 'Europe/Berlin' },
      sources: [{ id: 'line1', opcua: { mappingFile: '/etc/plantpilot/erl.yaml' } }],
    });
    // The same source id at two sites is two sources (leases are keyed by site and source).
    expect(sites[0]!.sources[0]!.id).toBe('line1');
    // The one-site form is one site.
    expect(parseSitesConfig(ISSUE_FORM).sites).toHaveLength(1);
  });

  it('names the path of a mistake inside sites:', () => {
    const good = { id: 'FUE', sources: ISSUE_FORM.sources };
    expect(messageOf2({ sites: [good, { id: 'ERL', sources: [{ id: 'a', opcua: { endpoint: 'http://x' } }] }] })).toMatch(
      /sites\.1\.sources\.0\.opcua\.endpoint: an OPC UA endpoint/,
    );
    expect(messageOf2({ sites: [good, { id: 'ERL', sources: [{ id: 'x', modbus: {} }] }] })).toMatch(
      /sites\.1\.sources\.0: each source needs an id and exactly one of/,
    );
    expect(messageOf2({ sites: [good, { ...good, name: 'again' }] })).toMatch(/sites\.1\.id: duplicate site id FUE/);
    expect(messageOf2({ sites: [{ id: 'FUE', sources: [ISSUE_FORM.sources[0], ISSUE_FORM.sources[0]] }] })).toMatch(
      /sites\.0\.sources\.1\.id: duplicate source id line1/,
    );
    expect(messageOf2({ sites: [good], site: { id: 'FUE' } })).toMatch(/site: use either site: with sources: \(one site\) or sites:/);
    expect(messageOf2({ sites: [] })).toMatch(/sites: at least one site/);
    expect(messageOf2({ sites: [{ id: 'FUE' }] })).toMatch(/sites\.0\.sources:/);
    // A caller that serves one site refuses a file of two.
    expect(messageOf({ sites: [good, { ...good, id: 'ERL' }] })).toMatch(/has 2 sites/);
  });
});

const messageOf2 = (data: unknown) => {
  try {
    parseSitesConfig(data);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
};
