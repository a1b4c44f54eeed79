import { describe, expect, it } from 'vitest';
import { decode, encode, formatTopic, metricScalar, nextSeq, parseTopic, propertyScalar, toNumber } from './sparkplug-codec';
import { readBirth, tagIdOf } from './private/birth-certificate';

describe('Sparkplug B codec', () => {
  it('formats and parses topics, and ignores what is not a Sparkplug node or device message', () => {
    expect(formatTopic({ groupId: 'Plant', type: 'DDATA', edgeNodeId: 'Utilities', deviceId: 'UT-AIR' })).toBe('spBv1.0/Plant/DDATA/Utilities/UT-AIR');
    expect(parseTopic('spBv1.0/Plant/NBIRTH/Utilities')).toEqual({ groupId: 'Plant', type: 'NBIRTH', edgeNodeId: 'Utilities' });
    expect(parseTopic('spBv1.0/STATE/host1')).toBeUndefined();
    expect(parseTopic('spBv1.0/Plant/FOO/Utilities')).toBeUndefined();
    expect(parseTopic('other/Plant/NDATA/Utilities')).toBeUndefined();
  });

  it('wraps sequence numbers after 255', () => {
    expect(nextSeq(0)).toBe(1);
    expect(nextSeq(255)).toBe(0);
  });

  it('round-trips metrics, turning 64-bit fields and integers into plain numbers', () => {
    const payload = decode(
      encode({
        timestamp: 1_700_000_000_000,
        seq: 7,
        metrics: [{ name: 'RunHours', alias: 3, type: 'UInt32', value: 1200, properties: { engUnit: { type: 'String', value: 'h' } } }],
      }),
    );
    expect(toNumber(payload.seq)).toBe(7);
    expect(toNumber(payload.timestamp)).toBe(1_700_000_000_000);
    expect(metricScalar(payload.metrics![0]!)).toBe(1200);
    expect(toNumber(payload.metrics![0]!.alias)).toBe(3);
    expect(propertyScalar(payload.metrics![0]!, 'engUnit')).toBe('h');
  });

  it('reads a birth into an asset: tags with units and ranges, commands as methods, protocol metrics left out', () => {
    const payload = decode(
      encode({
        timestamp: 1_700_000_000_000,
        metrics: [
          { name: 'bdSeq', type: 'UInt64', value: 0 },
          { name: 'Device Info/Name', type: 'String', value: 'Process chiller' },
          { name: 'Supply/TempC', alias: 1, type: 'Double', value: 16, properties: { engUnit: { type: 'String', value: '°C' } } },
          {
            name: 'SupplyTempSetpointC',
            alias: 2,
            type: 'Double',
            value: 16,
            properties: { engLow: { type: 'Double', value: 8 }, engHigh: { type: 'Double', value: 22 }, readOnly: { type: 'Boolean', value: false } },
          },
          { name: 'Command/Start', alias: 3, type: 'Boolean', value: false },
        ],
      }),
    );
    const birth = readBirth({ assetId: 'UT-CHL', addressPrefix: 'spBv1.0/Plant/Utilities/UT-CHL', line: { id: 'Utilities' }, payload, receivedAt: new Date() });
    expect(birth.info).toMatchObject({ id: 'UT-CHL', name: 'Process chiller', line: 'Utilities' });
    expect(birth.info.tags.map((tag) => tag.id)).toEqual(['Supply.TempC', 'SupplyTempSetpointC']);
    expect(birth.info.tags[1]).toMatchObject({ writable: true, range: { low: 8, high: 22 } });
    expect(birth.info.methods.map((method) => method.id)).toEqual(['Start']);
    expect(birth.values.get('Supply.TempC')).toMatchObject({ value: 16, unit: '°C', quality: 'good', sourceTimestamp: new Date(1_700_000_000_000) });
    expect(birth.byAlias.get(1)?.tagId).toBe('Supply.TempC');
    expect(tagIdOf('Zone 4/Temp (C)')).toBe('Zone_4.Temp__C_');
  });
});
