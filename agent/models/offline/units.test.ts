import { describe, expect, it } from 'vitest';
import { statedUnit, unitMismatch, unitSymbol, valueInUnit } from './units';

describe('the unit said with a value', () => {
  it.each([
    ['set zone 3 to 80%', 80, '%'],
    ['Kompressor auf 6,5 bar', 6.5, 'bar'],
    ['compressor to 90 psi', 90, 'psi'],
    ['Zone 3 auf 185 Grad', 185, '°C'],
    ['zone 3 to 185 degrees', 185, '°C'],
    ['chiller to 59 F', 59, '°F'],
    ['print speed to 3 m/min', 3, 'm/min'],
    ['print speed to 60 mm/s', 60, 'mm/s'],
  ])('"%s" says %s in %s', (text, value, symbol) => {
    expect(statedUnit(text, value)?.symbol).toBe(symbol);
  });

  it('is only the one after the value, not after a zone or line number', () => {
    expect(statedUnit('zone 3 of line 1 to 190', 190)).toBeUndefined();
    expect(statedUnit('zone 3 of line 1 to 190', 3)).toBeUndefined();
  });
});

describe('a value in another unit than the setpoint', () => {
  it('is a mismatch for another unit of the same kind or of another kind', () => {
    expect(unitMismatch('set compressor to 90 psi', 90, 'bar')).toEqual({ said: '90 psi', kept: 'bar' });
    expect(unitMismatch('set zone 3 to 80%', 80, 'degC')).toEqual({ said: '80%', kept: '°C' });
    expect(unitMismatch('conveyor to 3 m/min', 3, 'mm/s')).toEqual({ said: '3 m/min', kept: 'mm/s' });
  });

  it('is none for the same unit however it is labelled, for no unit, or for a tag unit not known here', () => {
    expect(unitMismatch('Zone 3 auf 185 Grad', 185, 'degC')).toBeUndefined();
    expect(unitMismatch('Zone 3 auf 185 °C', 185, '°C')).toBeUndefined();
    expect(unitMismatch('squeegee to 80 N', 80, 'newton')).toBeUndefined();
    expect(unitMismatch('zone 3 to 185', 185, 'degC')).toBeUndefined();
    expect(unitMismatch('dose to 5 furlongs', 5, 'furlong')).toBeUndefined();
  });
});

describe('a tag unit as an answer writes it', () => {
  it('turns the twin’s ids into symbols and keeps symbols and unknown labels', () => {
    expect(unitSymbol('degC')).toBe('°C');
    expect(unitSymbol('mmPerS')).toBe('mm/s');
    expect(unitSymbol('bar')).toBe('bar');
    expect(unitSymbol('furlong')).toBe('furlong');
  });

  it('finds a value in the tag’s unit whether the tag is labelled by id or by symbol', () => {
    expect(valueInUnit('Zone 3 auf 185 Grad', 'degC')).toBe(true);
    expect(valueInUnit('Zone 3 auf 185 Grad', '°C')).toBe(true);
    expect(valueInUnit('Druck auf 7 bar', 'bar')).toBe(true);
    expect(valueInUnit('Druck auf 7', 'bar')).toBe(false);
  });
});
