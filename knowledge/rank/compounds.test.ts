import { describe, expect, it } from 'vitest';
import { compoundParts, withCompoundParts } from './compounds';

describe('German compounds for the manual search', () => {
  it('splits a compound into the plant words it is made of, across linking letters', () => {
    expect(compoundParts('rakeldruck')).toEqual(['rakel', 'druck']);
    expect(compoundParts('pastenvolumen')).toEqual(['paste', 'volumen']);
    expect(compoundParts('düsenwechsel')).toEqual(['düse', 'wechsel']);
    expect(compoundParts('wartungsintervall')).toEqual(['wartung', 'intervall']);
  });

  it('leaves words alone that are plant words themselves or not made of two', () => {
    expect(compoundParts('druckluft')).toBeUndefined(); // its own synonym (compressed air), not "pressure air"
    expect(compoundParts('schichtübergabe')).toBeUndefined();
    expect(compoundParts('temperatur')).toBeUndefined();
    expect(compoundParts('leiterplatte')).toBeUndefined();
  });

  it('adds the parts after the question and keeps what was typed', () => {
    expect(withCompoundParts('Rakeldruck zu hoch?')).toBe('Rakeldruck zu hoch? rakel druck');
    expect(withCompoundParts('wie oft Schablone reinigen')).toBe('wie oft Schablone reinigen');
  });
});
