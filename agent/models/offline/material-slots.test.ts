import { describe, expect, it } from 'vitest';
import { twinParts } from '../../twin-parts';
import { asnId, delayHours, mentionedPart, mentionedSupplier, rejectedQuantity, shortfallPct } from './material-slots';

const parts = twinParts();
const partOf = (text: string) => {
  const mention = mentionedPart(text, parts);
  return mention.kind === 'one' ? mention.part.partNumber : mention.kind;
};

describe('material slots', () => {
  it.each([
    ['how long does the STM32 stock last', 'STM32H743ZIT6'],
    ['stm32h743zit6 bestand', 'STM32H743ZIT6'],
    ['stock of 744043100', '744043100'],
    ['Bestand Zynq', 'XC7Z010-1CLG400C'],
    ['wie lange reicht die Lotpaste', 'OM-338-PT-500G'],
    ['the DDR3 on line 2', 'MT41K256M16TW-107:P'],
    ['MT41K256M16TW-107P', 'MT41K256M16TW-107:P'],
  ])('reads the part in “%s”', (text, partNumber) => {
    expect(partOf(text)).toBe(partNumber);
  });

  it('names no part for a word several parts share, and none for plain words', () => {
    expect(mentionedPart('how long do the 10k resistors last', parts)).toMatchObject({ kind: 'ambiguous' });
    expect(partOf('what runs out first on line 1')).toBe('none');
    expect(partOf('Reichweite der Rollen an Linie 1')).toBe('none');
    // Two words narrow each other: the 0402 resistors are two alternates, not every resistor.
    const narrowed = mentionedPart('do we have enough 0402 resistors', parts);
    expect(narrowed.kind === 'ambiguous' ? narrowed.candidates.map((part) => part.partNumber).sort() : narrowed).toEqual(['ERJ-2RKF1002X', 'RC0402FR-0710KL']);
    expect(mentionedPart('stock of the STM32', [])).toEqual({ kind: 'none' });
  });

  it('reads suppliers as typed, with or without umlauts', () => {
    for (const text of ['die Lieferung von Würth', 'the wurth truck', 'wuerth kommt später'])
      expect(mentionedSupplier(text, parts)).toBe('Würth Elektronik eiSos');
    expect(mentionedSupplier('the avnet delivery', parts)).toBe('Avnet Silica (distribution)');
    expect(mentionedSupplier('the delivery is late', parts)).toBeUndefined();
  });

  it('reads deliveries, delays, shortfalls and rejections in English and German', () => {
    expect(asnId('asn 4420 is late')).toBe('ASN-4420');
    expect(asnId('ASN-4420')).toBe('ASN-4420');
    expect(delayHours('6 hours late')).toBe(6);
    expect(delayHours('kommt 6h später')).toBe(6);
    expect(delayHours('sechs Stunden später')).toBe(6);
    expect(delayHours('a day late')).toBe(24);
    expect(delayHours('einen Tag später')).toBe(24);
    expect(delayHours('90 min late')).toBe(1.5);
    expect(delayHours('the STM32 delivery is late')).toBeUndefined();
    expect(shortfallPct('the mouser delivery is 30% short')).toBe(30);
    expect(shortfallPct('es kommen nur 70 Prozent')).toBe(30);
    expect(shortfallPct('they only deliver half')).toBeUndefined();
    expect(shortfallPct('only half of it comes')).toBe(50);
    expect(rejectedQuantity('500 STM32 rejected at incoming')).toBe(500);
    expect(rejectedQuantity('2000 Stück vom 744043100 gesperrt')).toBe(2000);
    expect(rejectedQuantity('rejected 300 at goods in')).toBe(300);
    expect(rejectedQuantity('what does the STM32 shortage do')).toBeUndefined();
  });
});
