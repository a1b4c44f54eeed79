import { describe, expect, it } from 'vitest';
import { tagName } from './tag-names';

describe('tagName', () => {
  it('names a tag in German by its id, carrying the zone number over', () => {
    expect(tagName('Zone4.TemperatureC', 'Measured heating zone 4 temperature.', 'de')).toBe('Temperatur Zone 4');
    expect(tagName('Cooling2.TemperatureC', 'Cooling zone 2 air temperature.', 'de')).toBe('Temperatur Kühlzone 2');
    expect(tagName('O2Ppm', 'Residual oxygen in the nitrogen atmosphere (ppm).', 'de')).toBe('Restsauerstoff');
  });

  it("keeps the server's description for a tag it does not know, and in English", () => {
    expect(tagName('Line3.GlueTempC', 'Glue dispenser temperature, measured at the nozzle.', 'de')).toBe('Glue dispenser temperature');
    expect(tagName('O2Ppm', 'Residual oxygen in the nitrogen atmosphere (ppm).', 'en')).toBe('Residual oxygen in the nitrogen atmosphere');
    expect(tagName(undefined, undefined, 'de')).toBeUndefined();
  });
});
